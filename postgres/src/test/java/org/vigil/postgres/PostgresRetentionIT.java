package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.detection.VehicleClass;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;
import org.vigil.traffic.TrafficKey;
import org.vigil.traffic.TrafficTally;

/** Sealing, purging, legal holds and the counts, against a real, embedded PostgreSQL. */
class PostgresRetentionIT {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  static final LocalDate EXPIRY = LocalDate.parse("2027-11-02");

  @TempDir static Path dataDir;
  static Database database;
  static InMemoryKeyVault vault;
  static Envelopes envelopes;
  static TestClock clock;
  static PostgresViolations violations;
  static PostgresRetention retention;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    vault = new InMemoryKeyVault();
    envelopes = new Envelopes(vault, new SecureRandom());
    clock = new TestClock(T0.plus(Duration.ofHours(1)));
    violations =
        new PostgresViolations(database.dataSource(), envelopes, RetentionPolicy.defaults());
    retention =
        new PostgresRetention(database.dataSource(), envelopes, RetentionPolicy.defaults(), clock);
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  @Test
  void sealsPurgesOnExpiryKeepsHeldSubjectsAndLeavesBackupsUnreadable() throws Exception {
    Enforcement enforcement = Enforcement.of(SitesBuilder.standard(), Duration.ZERO);
    List<Violation> decided = new ArrayList<>();
    List<String> plates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String plate = String.format(Locale.ROOT, "RET%03dZZ", i);
      plates.add(plate);
      decided.addAll(
          enforcement.see(
              aDetection().camera("B-003").at(T0.plusSeconds(i)).plate(plate).speed(130).build()));
    }
    assertThat(violations.record(decided).toCompletableFuture().get()).hasSize(5);

    // no clear plate in the table, the sealed bytes hold none either
    assertThat(count("select count(*) from violation where plate_text is not null")).isZero();
    for (byte[] personal : column("select personal from violation")) {
      String raw = new String(personal, StandardCharsets.ISO_8859_1);
      assertThat(plates).noneMatch(raw::contains);
    }
    assertThat(count("select count(*) from data_key where kek = 'CASE/" + EXPIRY + "'"))
        .isEqualTo(5);
    assertThat(find()).containsExactlyInAnyOrderElementsOf(decided);

    Violation held = decided.getFirst();
    PostgresRetention.LegalHold hold = retention.placeHold(held.id(), "appeal 12/2027", "sup1");
    assertThatThrownBy(() -> retention.placeHold(held.id(), "again", "sup1"))
        .isInstanceOf(PostgresRetention.Refused.class)
        .hasMessageContaining(held.id().toString());
    assertThat(retention.holds()).extracting(PostgresRetention.LegalHold::id).contains(hold.id());

    List<byte[][]> backup = backupOfPersonalData();

    // the day of expiry is kept; the day after it, the key is due
    clock.set(EXPIRY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600));
    PostgresRetention.Totals totalsBefore = retention.totals();
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::target)
        .doesNotContain("key:CASE-" + EXPIRY);
    clock.advance(Duration.ofDays(1));
    List<PostgresRetention.Purged> audited = new ArrayList<>();
    List<PostgresRetention.Purged> purged = retention.purge(audited::add);
    assertThat(purged)
        .extracting(PostgresRetention.Purged::target, PostgresRetention.Purged::purpose)
        .contains(tuple("key:CASE-" + EXPIRY, "records=4 class=CASE day=" + EXPIRY));
    assertThat(audited).isEqualTo(purged);
    assertThat(vault.list()).doesNotContain(KeyId.of(RetentionClass.CASE, EXPIRY));

    List<Violation> after = find();
    assertThat(after).hasSize(5);
    assertThat(after).filteredOn(Violation::shredded).hasSize(4);
    assertThat(after)
        .filteredOn(v -> v.shredded())
        .allSatisfy(
            v -> {
              assertThat(v.plate()).isNull();
              assertThat(v.eventIds()).isEmpty();
              assertThat(v.measuredSpeedKmh()).isEqualTo(130.0);
            });
    assertThat(after).filteredOn(v -> !v.shredded()).containsExactly(held);
    assertThat(violations.countByType().get(ViolationType.SPEED))
        .as("the facts are still counted")
        .isGreaterThanOrEqualTo(5);
    assertThat(count("select count(*) from violation where shredded_at is not null")).isEqualTo(4);

    // the backup copy, taken before the purge, does not open any more
    for (byte[][] row : backup) {
      UUID id = UUID.fromString(new String(row[0], StandardCharsets.UTF_8));
      KeyId kek = KeyId.parse(new String(row[3], StandardCharsets.UTF_8));
      if (!id.equals(held.id())) {
        assertThat(envelopes.open(id, row[1], row[2], kek)).isEmpty();
      }
    }

    // release: the day has passed, so the subject goes under today's key and the next day's purge
    KeyId back = retention.releaseHold(hold.id(), "sup2");
    assertThat(back).isEqualTo(KeyId.of(RetentionClass.CASE, EXPIRY.plusDays(1)));
    assertThat(vault.list()).doesNotContain(KeyId.hold(hold.id()));
    assertThat(retention.holds()).isEmpty();
    assertThat(find()).filteredOn(v -> !v.shredded()).containsExactly(held);
    assertThatThrownBy(() -> retention.releaseHold(hold.id(), "sup2"))
        .isInstanceOf(PostgresRetention.Refused.class);
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::target)
        .doesNotContain("key:CASE-" + EXPIRY.plusDays(1));
    clock.advance(Duration.ofDays(1));
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::purpose)
        .contains("records=1 class=CASE day=" + EXPIRY.plusDays(1));
    assertThat(find()).allMatch(Violation::shredded);
    assertThatThrownBy(() -> retention.placeHold(held.id(), "too late", "sup1"))
        .isInstanceOf(PostgresRetention.Refused.class);

    PostgresRetention.Totals totals = retention.totals();
    assertThat(totals.keysDestroyed()).isGreaterThanOrEqualTo(totalsBefore.keysDestroyed() + 2);
    assertThat(totals.recordsShredded()).isGreaterThanOrEqualTo(totalsBefore.recordsShredded() + 5);
  }

  @Test
  void sealsViolationsStoredInClearBeforeRetention() throws Exception {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-10-01T10:00:00Z");
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into violation (id, type, camera_id, plate_text, plate_country,"
                    + " observed_at, measured_speed_kmh, limit_kmh, tolerance_kmh, event_ids,"
                    + " holds, held, needs_manual_read, detail)"
                    + " values (?, 'SPEED', 'B-003', 'OLD777', 'DE', ?, 99, 50, 3,"
                    + " array['e-1'], '[]', false, false, 'old')")) {
      ps.setObject(1, id);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.executeUpdate();
    }
    assertThat(violations.sealClearRows()).isEqualTo(1);
    assertThat(violations.sealClearRows()).isZero();
    assertThat(count("select count(*) from violation where plate_text is not null")).isZero();
    Violation v =
        violations
            .find(new ViolationQuery(at, at.plusSeconds(1), null, null, null, null, null, 10, null))
            .items()
            .getFirst();
    assertThat(v.plate().text()).isEqualTo("OLD777");
    assertThat(v.plate().country()).isEqualTo("DE");
    assertThat(v.eventIds()).containsExactly("e-1");
    assertThat(retention.aliveKeys())
        .contains(
            new PostgresRetention.AliveKey("CASE/2027-10-01", LocalDate.parse("2027-10-01"), 1));
  }

  @Test
  void deletesPerMinuteStatisticsOlderThanThePeriodAndKeepsTheAggregates() throws Exception {
    PostgresTraffic traffic = new PostgresTraffic(database.dataSource());
    SpeedLimit limit = new SpeedLimit(50, 3);
    Instant old = Instant.parse("2020-01-01T10:00:00Z");
    Instant recent = clock.instant().minus(Duration.ofMinutes(5));
    recent = recent.minusSeconds(recent.getEpochSecond() % 60);
    traffic.add(
        Map.of(
            new TrafficKey("ST-1", 1, old),
            TrafficTally.of(new Passage("ST-1", 1, old, VehicleClass.CAR, 40, limit)),
            new TrafficKey("ST-1", 1, recent),
            TrafficTally.of(new Passage("ST-1", 1, recent, VehicleClass.CAR, 40, limit))));
    long before = retention.totals().statisticsRowsDeleted();
    List<PostgresRetention.Purged> purged = retention.purge(p -> {});
    assertThat(purged)
        .filteredOn(p -> p.target().equals("table:traffic_minute"))
        .singleElement()
        .satisfies(p -> assertThat(p.purpose()).startsWith("records=1 class=STATISTICS"));
    assertThat(count("select count(*) from traffic_minute where camera_id = 'ST-1'")).isEqualTo(1);
    assertThat(count("select count(*) from traffic_hour where camera_id = 'ST-1'")).isEqualTo(2);
    assertThat(count("select count(*) from traffic_day where camera_id = 'ST-1'")).isEqualTo(2);
    assertThat(retention.totals().statisticsRowsDeleted()).isEqualTo(before + 1);
  }

  private static List<Violation> find() throws Exception {
    return violations
        .find(new ViolationQuery(T0, T0.plusSeconds(60), null, null, null, null, null, 100, null))
        .items();
  }

  private static long count(String sql) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<byte[]> column(String sql) throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getBytes(1));
      }
    }
    return out;
  }

  /** id, personal, wrapped, kek of every sealed violation: what a database backup holds. */
  private static List<byte[][]> backupOfPersonalData() throws Exception {
    List<byte[][]> rows = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select v.id::text, v.personal, k.wrapped, k.kek from violation v"
                    + " join data_key k on k.subject = v.id")) {
      while (rs.next()) {
        rows.add(
            new byte[][] {
              rs.getString(1).getBytes(StandardCharsets.UTF_8),
              rs.getBytes(2),
              rs.getBytes(3),
              rs.getString(4).getBytes(StandardCharsets.UTF_8)
            });
      }
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }
}
