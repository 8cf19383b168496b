package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;

/**
 * The one path that moves a subject's data key under another key-encryption key, inside the
 * caller's transaction: a legal hold placed or released ({@link PostgresRetention}) and a case
 * closed ({@link PostgresCases}). The row is locked first, so a hold and a closure of the same
 * subject never interleave.
 */
final class DataKeys {
  private DataKeys() {}

  /**
   * A subject's data key row.
   *
   * @param kek the key it is wrapped under now
   * @param wrapped the wrapped data key
   * @param retentionClass its class
   * @param expiresOn its expiry day (kept while held, for the hold's release)
   */
  record Key(KeyId kek, byte[] wrapped, RetentionClass retentionClass, LocalDate expiresOn) {}

  /** The data key row of {@code subject}, locked for the transaction; empty when it has none. */
  static Optional<Key> lock(Connection c, UUID subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select kek, wrapped, retention_class, expires_on from data_key"
                + " where subject = ? for update")) {
      ps.setObject(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Key(
                KeyId.parse(rs.getString(1)),
                rs.getBytes(2),
                RetentionClass.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class)));
      }
    }
  }

  /**
   * Re-wraps {@code key} of {@code subject} under {@code to} (created durably first) and stores it.
   *
   * @return false when {@code key}'s own key was destroyed: the subject is shredded, nothing moved
   */
  static boolean rewrap(Connection c, Envelopes envelopes, UUID subject, Key key, KeyId to)
      throws SQLException {
    Optional<byte[]> wrapped = envelopes.rewrap(subject, key.wrapped(), key.kek(), to);
    if (wrapped.isEmpty()) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement("update data_key set kek = ?, wrapped = ? where subject = ?")) {
      ps.setString(1, to.toString());
      ps.setBytes(2, wrapped.get());
      ps.setObject(3, subject);
      ps.executeUpdate();
    }
    return true;
  }

  /**
   * Keeps {@code subject} as {@code retentionClass} until {@code expiresOn}: its data key moves to
   * that class's key of that day, or, while a legal hold holds it, stays under the hold's key with
   * the new class and day recorded, which the hold's release then uses. Nothing happens to a
   * subject without a data key or whose key was destroyed (it is shredded already).
   *
   * @return the key it is wrapped under now, or empty when it is shredded
   */
  static Optional<KeyId> retain(
      Connection c,
      Envelopes envelopes,
      UUID subject,
      RetentionClass retentionClass,
      LocalDate expiresOn)
      throws SQLException {
    Optional<Key> found = lock(c, subject);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Key key = found.get();
    KeyId now = key.kek();
    if (!key.kek().isHold()) {
      KeyId to = KeyId.of(retentionClass, expiresOn);
      if (!to.equals(key.kek()) && !rewrap(c, envelopes, subject, key, to)) {
        return Optional.empty();
      }
      now = to;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update data_key set retention_class = ?, expires_on = ? where subject = ?")) {
      ps.setString(1, retentionClass.name());
      ps.setObject(2, expiresOn);
      ps.setObject(3, subject);
      ps.executeUpdate();
    }
    return Optional.of(now);
  }
}
