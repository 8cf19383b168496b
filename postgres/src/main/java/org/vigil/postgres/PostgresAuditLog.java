package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.Checkpoint;
import org.vigil.audit.ExportedEntry;
import org.vigil.audit.Hash;
import org.vigil.audit.LogKey;
import org.vigil.audit.MerkleTree;
import org.vigil.audit.SignedCheckpoint;

/**
 * The audit log in PostgreSQL: entries in {@code audit_entry}, signed checkpoints in {@code
 * audit_checkpoint}, both append-only (a trigger refuses updates and deletes).
 *
 * <p>Appends are serialised: within the process by this object's lock, across processes by a
 * transaction-scoped advisory lock, and the next index is read under that lock, so indexes run
 * 0..n-1 without gaps. {@link #record} returns once the row is committed. The leaf hashes are kept
 * in memory (32 bytes and an object per entry), loaded at start, so that roots and proofs need no
 * query; a root or proof costs O(n) hashing.
 */
public final class PostgresAuditLog implements AuditTrail {
  /** The advisory lock that serialises appenders ("audit" in ASCII). */
  private static final long APPEND_LOCK = 0x6175646974L;

  private final DataSource dataSource;
  private final LogKey key;
  private final Clock clock;
  private final List<Hash> leaves = new ArrayList<>();

  /**
   * Opens the log and loads its leaf hashes.
   *
   * @throws IllegalStateException when the stored indexes have a gap
   */
  public PostgresAuditLog(DataSource dataSource, LogKey key, Clock clock) throws SQLException {
    this.dataSource = dataSource;
    this.key = key;
    this.clock = clock;
    try (Connection c = dataSource.getConnection()) {
      catchUp(c);
    }
  }

  /** The key checkpoints are signed with. */
  public LogKey key() {
    return key;
  }

  @Override
  public synchronized long record(AuditEvent event) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
          lock.setLong(1, APPEND_LOCK);
          lock.execute();
        }
        catchUp(c);
        AuditEntry entry =
            new AuditEntry(leaves.size(), clock.instant().truncatedTo(ChronoUnit.MILLIS), event);
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_entry (idx, at, kind, actor, role, action, subject, purpose,"
                    + " leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, entry.index());
          ps.setObject(2, entry.at().atOffset(ZoneOffset.UTC));
          ps.setString(3, event.kind().name());
          ps.setString(4, event.actor());
          ps.setString(5, event.role());
          ps.setString(6, event.action());
          ps.setString(7, event.subject());
          ps.setString(8, event.purpose());
          ps.setBytes(9, entry.leafHash().bytes());
          ps.executeUpdate();
        }
        c.commit();
        leaves.add(entry.leafHash());
        return entry.index();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to the audit log: " + e.getMessage(), e);
    }
  }

  /** How many entries the log holds. */
  public synchronized long size() {
    return leaves.size();
  }

  /** Up to {@code limit} entries from index {@code from} on, in index order, with leaf hashes. */
  public List<ExportedEntry> entries(long from, int limit) throws SQLException {
    List<ExportedEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select idx, at, kind, actor, role, action, subject, purpose, leaf_hash"
                    + " from audit_entry where idx >= ? order by idx limit ?")) {
      ps.setLong(1, from);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AuditEntry e =
              new AuditEntry(
                  rs.getLong(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  new AuditEvent(
                      AuditKind.valueOf(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)));
          out.add(new ExportedEntry(e, Hash.of(rs.getBytes(9))));
        }
      }
    }
    return out;
  }

  /** MTH of the first {@code size} entries. */
  public synchronized Hash root(long size) {
    return MerkleTree.root(leaves, size);
  }

  /** The leaf hash of entry {@code index}. */
  public synchronized Hash leafHash(long index) {
    if (index < 0 || index >= leaves.size()) {
      throw new IllegalArgumentException(
          "index " + index + " is not in the log of " + leaves.size() + " entries");
    }
    return leaves.get((int) index);
  }

  /** The audit path of entry {@code index} in the tree of {@code size} entries. */
  public synchronized List<Hash> inclusionProof(long index, long size) {
    return MerkleTree.inclusionProof(leaves, index, size);
  }

  /** The consistency proof between the trees of {@code from} and {@code to} entries. */
  public synchronized List<Hash> consistencyProof(long from, long to) {
    return MerkleTree.consistencyProof(leaves, from, to);
  }

  /** Signs and stores a checkpoint of the whole log now. */
  public synchronized SignedCheckpoint issueCheckpoint() throws SQLException {
    long size = leaves.size();
    SignedCheckpoint signed =
        key.sign(
            new Checkpoint(
                key.origin(),
                size,
                MerkleTree.root(leaves, size),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_checkpoint (tree_size, root, issued_at, note)"
                    + " values (?, ?, ?, ?)")) {
      ps.setLong(1, size);
      ps.setBytes(2, signed.checkpoint().root().bytes());
      ps.setObject(3, signed.checkpoint().at().atOffset(ZoneOffset.UTC));
      ps.setString(4, signed.note());
      ps.executeUpdate();
    }
    return signed;
  }

  /** Issues a checkpoint when the log has grown since the latest one (or has none yet). */
  public synchronized Optional<SignedCheckpoint> issueIfGrown() throws SQLException {
    Optional<SignedCheckpoint> latest = latestCheckpoint();
    if (latest.isPresent() && latest.get().checkpoint().size() == leaves.size()) {
      return Optional.empty();
    }
    return Optional.of(issueCheckpoint());
  }

  /** Every checkpoint, oldest first. */
  public List<SignedCheckpoint> checkpoints() throws SQLException {
    return readCheckpoints("select note from audit_checkpoint order by seq");
  }

  /** The latest checkpoint, if any was issued. */
  public Optional<SignedCheckpoint> latestCheckpoint() throws SQLException {
    return readCheckpoints("select note from audit_checkpoint order by seq desc limit 1").stream()
        .findFirst();
  }

  private List<SignedCheckpoint> readCheckpoints(String sql) throws SQLException {
    List<SignedCheckpoint> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(SignedCheckpoint.parse(rs.getString(1)));
      }
    }
    return out;
  }

  /** Loads the leaf hashes appended since the last load (by another process, or at start). */
  private synchronized void catchUp(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select idx, leaf_hash from audit_entry where idx >= ? order by idx")) {
      ps.setLong(1, leaves.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(1) != leaves.size()) {
            throw new IllegalStateException(
                "the audit log has a gap: entry " + leaves.size() + " is missing");
          }
          leaves.add(Hash.of(rs.getBytes(2)));
        }
      }
    }
  }
}
