package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditVerifier;
import org.vigil.audit.ExportedEntry;
import org.vigil.audit.LogKey;
import org.vigil.audit.MerkleTree;
import org.vigil.audit.SignedCheckpoint;
import org.vigil.testkit.TestClock;

/** Against a real, embedded PostgreSQL. */
class PostgresAuditLogIT {
  @TempDir static Path dataDir;
  static Database database;
  static LogKey key;

  @BeforeAll
  static void open() throws Exception {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    key = new LogKey("vigil.test/audit", pair.getPrivate(), pair.getPublic());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        AuditKind.CONFIG_CHANGE,
        "account:0123456789abcdef",
        "ADMINISTRATOR",
        "camera.put",
        "camera:C-" + i,
        "");
  }

  @Test
  void appendsWithoutGapsDurablyAndServesRootsProofsAndCheckpoints() throws Exception {
    TestClock clock = TestClock.standard();
    PostgresAuditLog log = new PostgresAuditLog(database.dataSource(), key, clock);
    assertThat(log.issueIfGrown()).isPresent();
    assertThat(log.issueIfGrown()).isEmpty();
    long before = log.size();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> indexes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      indexes.add(pool.submit(() -> log.record(event(n))));
    }
    List<Long> got = new ArrayList<>();
    for (Future<Long> f : indexes) {
      got.add(f.get());
    }
    pool.shutdown();
    assertThat(got).doesNotHaveDuplicates().allMatch(i -> i >= before && i < before + 40);
    clock.advance(Duration.ofMinutes(10));
    SignedCheckpoint cp = log.issueCheckpoint();
    assertThat(cp.checkpoint().size()).isEqualTo(before + 40);
    assertThat(log.issueIfGrown()).isEmpty();

    PostgresAuditLog reopened = new PostgresAuditLog(database.dataSource(), key, clock);
    assertThat(reopened.size()).isEqualTo(log.size());
    assertThat(reopened.root(reopened.size())).isEqualTo(cp.checkpoint().root());
    List<ExportedEntry> all = reopened.entries(0, 1000);
    assertThat(all).hasSize((int) log.size());
    assertThat(all.get(3).leafHash()).isEqualTo(all.get(3).entry().leafHash());
    assertThat(AuditVerifier.verify(all, reopened.checkpoints(), key.publicKey()).problem())
        .isNull();
    long size = reopened.size();
    assertThat(
            MerkleTree.verifyInclusion(
                reopened.leafHash(5),
                5,
                size,
                reopened.inclusionProof(5, size),
                reopened.root(size)))
        .isTrue();
    assertThat(
            MerkleTree.verifyConsistency(
                3, size, reopened.root(3), reopened.root(size), reopened.consistencyProof(3, size)))
        .isTrue();
    assertThat(reopened.latestCheckpoint()).contains(cp);
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
    PostgresAuditLog log = new PostgresAuditLog(database.dataSource(), key, TestClock.standard());
    log.record(event(1));
    for (String sql :
        List.of(
            "update audit_entry set subject = 'camera:X' where idx = 0",
            "delete from audit_entry where idx = 0",
            "truncate audit_entry",
            "delete from audit_checkpoint")) {
      try (Connection c = database.dataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute(sql))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
    }
  }
}
