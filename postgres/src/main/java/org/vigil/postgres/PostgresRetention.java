package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.KeyVault;
import org.vigil.retention.PurgePolicy;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;

/**
 * Retention in PostgreSQL: the purge that shreds what is due, legal holds, and the counts.
 *
 * <p>Design: a purge destroys each due key-encryption key in the vault first (that alone erases the
 * data wrapped under it, in this database and in every copy of it), then deletes the wrapped data
 * keys of that key and nulls the sealed personal data of their violations, in one transaction, then
 * counts it in {@code retention_purge} and hands the count to the caller for the audit log. The
 * keys considered are those of the vault and those the {@code data_key} rows name, so rows left
 * behind by a crash between the two steps, or restored from a backup, are cleared by the next
 * purge. Only purges of this class run, one at a time.
 */
public final class PostgresRetention {
  private final DataSource dataSource;
  private final Envelopes envelopes;
  private final RetentionPolicy policy;
  private final Clock clock;

  public PostgresRetention(
      DataSource dataSource, Envelopes envelopes, RetentionPolicy policy, Clock clock) {
    this.dataSource = dataSource;
    this.envelopes = envelopes;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * What one purge step erased.
   *
   * @param target {@code key:CASE-2026-12-01} for a destroyed key, {@code table:traffic_minute}
   * @param records how many records were erased
   * @param purpose {@code records=N} and what, for the audit entry
   */
  public record Purged(String target, long records, String purpose) {}

  /**
   * A key-encryption key alive in the vault.
   *
   * @param kek its id
   * @param expiresOn its expiry day; {@code null} for a legal hold's key
   * @param records how many subjects are wrapped under it
   */
  public record AliveKey(String kek, LocalDate expiresOn, long records) {}

  /**
   * A legal hold in force.
   *
   * @param id the hold
   * @param subject the violation held
   * @param reason why, in the staff's words
   * @param placedBy who placed it
   * @param placedAt when
   */
  public record LegalHold(
      UUID id, UUID subject, String reason, String placedBy, Instant placedAt) {}

  /**
   * Everything purged since the start of the database.
   *
   * @param keysDestroyed how many key-encryption keys were destroyed
   * @param recordsShredded how many subjects were shredded with them
   * @param statisticsRowsDeleted how many per-minute statistics rows were deleted
   */
  public record Totals(long keysDestroyed, long recordsShredded, long statisticsRowsDeleted) {}

  /** Why a legal hold cannot be placed or released. */
  public static final class Refused extends Exception {
    /** Whether nothing was found, or something is in the way. */
    public enum Kind {
      NOT_FOUND,
      CONFLICT
    }

    private final Kind kind;

    Refused(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /** The policy in force. */
  public RetentionPolicy policy() {
    return policy;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Purges what is due today: every key of a retention day before today, and the per-minute
   * statistics older than the STATISTICS period. Each step is handed to {@code audit} as soon as it
   * is done.
   *
   * @return every step, keys first
   */
  public synchronized List<Purged> purge(Consumer<Purged> audit) throws SQLException {
    KeyVault vault = envelopes.vault();
    Set<KeyId> keys = new LinkedHashSet<>(vault.list());
    keys.addAll(keysInUse().keySet());
    List<Purged> done = new ArrayList<>();
    for (KeyId k : PurgePolicy.due(today(), keys)) {
      vault.destroy(k);
      long n = shred(k);
      Purged p =
          new Purged(
              "key:" + k.flat(),
              n,
              "records=" + n + " class=" + k.retentionClass() + " day=" + k.day());
      count(p);
      audit.accept(p);
      done.add(p);
    }
    long minutes = deleteOldMinutes();
    if (minutes > 0) {
      Purged p =
          new Purged(
              "table:traffic_minute",
              minutes,
              "records="
                  + minutes
                  + " class=STATISTICS before="
                  + policy.cutoff(RetentionClass.STATISTICS, clock.instant()));
      count(p);
      audit.accept(p);
      done.add(p);
    }
    return done;
  }

  private long shred(KeyId k) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                with d as (delete from data_key where kek = ? returning subject),
                     v as (update violation set personal = null, shredded_at = ?
                           where id in (select subject from d) returning id)
                select (select count(*) from d), (select count(*) from v)
                """)) {
      ps.setString(1, k.toString());
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long deleteOldMinutes() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from traffic_minute where period_start < ?")) {
      ps.setTimestamp(1, Timestamp.from(policy.cutoff(RetentionClass.STATISTICS, clock.instant())));
      return ps.executeUpdate();
    }
  }

  private void count(Purged p) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into retention_purge (target, records, purged_at) values (?, ?, ?)")) {
      ps.setString(1, p.target());
      ps.setLong(2, p.records());
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  private Map<KeyId, Long> keysInUse() throws SQLException {
    Map<KeyId, Long> counts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select kek, count(*) from data_key group by kek");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(KeyId.parse(rs.getString(1)), rs.getLong(2));
      }
    }
    return counts;
  }

  /** The keys alive in the vault, with how many subjects each wraps, by expiry day. */
  public List<AliveKey> aliveKeys() throws SQLException {
    Map<KeyId, Long> counts = keysInUse();
    List<AliveKey> alive = new ArrayList<>();
    for (KeyId k : envelopes.vault().list()) {
      alive.add(new AliveKey(k.toString(), k.day(), counts.getOrDefault(k, 0L)));
    }
    alive.sort(
        Comparator.comparing(AliveKey::expiresOn, Comparator.nullsLast(LocalDate::compareTo))
            .thenComparing(AliveKey::kek));
    return alive;
  }

  /** Everything purged so far. */
  public Totals totals() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) filter (where target like 'key:%'),"
                    + " coalesce(sum(records) filter (where target like 'key:%'), 0),"
                    + " coalesce(sum(records) filter (where target = 'table:traffic_minute'), 0)"
                    + " from retention_purge");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }
  }

  /** The legal holds in force, oldest first. */
  public List<LegalHold> holds() throws SQLException {
    List<LegalHold> holds = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, subject, reason, placed_by, placed_at from legal_hold"
                    + " where released_at is null order by placed_at, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        holds.add(
            new LegalHold(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()));
      }
    }
    return holds;
  }

  /**
   * Places a legal hold on {@code subject}: its data key is re-wrapped under a new key of the hold,
   * which no purge destroys, so it outlives its expiry day until the hold is released.
   *
   * @param reason why, 1 to 200 characters
   * @throws Refused NOT_FOUND when the subject has no data key (unknown or shredded), CONFLICT when
   *     it is already held
   */
  public LegalHold placeHold(UUID subject, String reason, String placedBy)
      throws SQLException, Refused {
    Objects.requireNonNull(subject, "subject");
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new IllegalArgumentException(
          "reason must have 1 to 200 characters, had "
              + (reason == null ? "none" : reason.length()));
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        DataKeys.Key key = lockKey(c, subject);
        if (key.kek().isHold()) {
          throw new Refused(Refused.Kind.CONFLICT, "violation:" + subject + " is already held");
        }
        if (!DataKeys.rewrap(c, envelopes, subject, key, KeyId.hold(id))) {
          throw shredded(subject);
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into legal_hold (id, subject, reason, placed_by, placed_at)"
                    + " values (?, ?, ?, ?, ?)")) {
          ps.setObject(1, id);
          ps.setObject(2, subject);
          ps.setString(3, reason);
          ps.setString(4, placedBy);
          ps.setTimestamp(5, Timestamp.from(now));
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException | Refused e) {
        c.rollback();
        throw e;
      }
    }
    return new LegalHold(id, subject, reason, placedBy, now);
  }

  /**
   * Releases the legal hold {@code id}: the subject's data key is re-wrapped under the key of its
   * class and expiry day as {@code data_key} records it, or of today when that day has passed (so
   * that the next purge after today takes it), and the hold's key is destroyed. The recorded day is
   * the original (observation-based) one, unless the case was closed meanwhile: a closure records
   * its own class and day (closure + period, which for a CASE is always the later of the two) even
   * under a hold, so the release then keeps the case until the closure's expiry.
   *
   * @return the key the subject is now wrapped under
   * @throws Refused NOT_FOUND when no such hold is in force
   */
  public KeyId releaseHold(UUID id, String releasedBy) throws SQLException, Refused {
    KeyId to;
    KeyId from = KeyId.hold(id);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        UUID subject;
        try (PreparedStatement ps =
            c.prepareStatement(
                "update legal_hold set released_by = ?, released_at = ?"
                    + " where id = ? and released_at is null returning subject")) {
          ps.setString(1, releasedBy);
          ps.setTimestamp(2, Timestamp.from(clock.instant()));
          ps.setObject(3, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new Refused(Refused.Kind.NOT_FOUND, "no legal hold '" + id + "' in force");
            }
            subject = rs.getObject(1, UUID.class);
          }
        }
        DataKeys.Key key = lockKey(c, subject);
        LocalDate today = today();
        to =
            KeyId.of(
                key.retentionClass(), key.expiresOn().isBefore(today) ? today : key.expiresOn());
        if (!DataKeys.rewrap(c, envelopes, subject, key, to)) {
          throw shredded(subject);
        }
        c.commit();
      } catch (SQLException | RuntimeException | Refused e) {
        c.rollback();
        throw e;
      }
    }
    envelopes.vault().destroy(from);
    return to;
  }

  private static DataKeys.Key lockKey(Connection c, UUID subject) throws SQLException, Refused {
    return DataKeys.lock(c, subject).orElseThrow(() -> shredded(subject));
  }

  private static Refused shredded(UUID subject) {
    return new Refused(
        Refused.Kind.NOT_FOUND, "violation:" + subject + " has no personal data to hold");
  }
}
