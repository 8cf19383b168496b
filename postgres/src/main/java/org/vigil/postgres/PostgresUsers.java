package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Users who sign in: a name, a password hash (never the password) and a role; their failed
 * sign-ins, keyed by a pseudonym of the name; and their sessions, keyed by a digest of the token.
 * Changing a user's password or role, or removing the user, ends the user's sessions in the same
 * transaction.
 */
public final class PostgresUsers {

  /** A stored user. */
  public record StoredUser(String username, String passwordHash, String role) {
    @Override
    public String toString() {
      return "StoredUser[" + username + ", " + role + "]";
    }
  }

  /**
   * The failed sign-ins of one user name.
   *
   * @param count failures counted since {@code windowStart}
   * @param windowStart the first failure that counts ({@link Instant#EPOCH} when none ever did)
   * @param lockedUntil when the lockout ends, or null when there is none
   */
  public record Failures(int count, Instant windowStart, Instant lockedUntil) {
    /** No failure at all. */
    public static final Failures NONE = new Failures(0, Instant.EPOCH, null);
  }

  /**
   * What a sign-in needs to know, read at once.
   *
   * @param user the user of that name, if there is one
   * @param failures the failures counted for that name, {@link Failures#NONE} when none are
   */
  public record SignInState(Optional<StoredUser> user, Failures failures) {}

  /**
   * A stored session. The token itself is never stored.
   *
   * @param tokenDigest SHA-256 of the session token
   * @param username whose session
   * @param role the user's role now (read with the session, so a change shows at once)
   * @param csrfToken the token unsafe requests of this session must carry
   */
  public record StoredSession(
      byte[] tokenDigest,
      String username,
      String role,
      String csrfToken,
      Instant createdAt,
      Instant lastSeenAt,
      Instant idleExpiresAt,
      Instant absoluteExpiresAt) {
    @Override
    public String toString() {
      return "StoredSession[" + username + ", " + role + ", until " + idleExpiresAt + "]";
    }
  }

  private final DataSource dataSource;

  public PostgresUsers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<StoredUser> find(String username) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select username, password_hash, role from app_user where username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** The user named {@code username} and the failures counted under {@code namePseudonym}. */
  public SignInState signInState(String username, String namePseudonym) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                select u.username, u.password_hash, u.role,
                       f.failures, f.window_start, f.locked_until
                  from (select ?::text as name, ?::text as pseudonym) q
                  left join app_user u on u.username = q.name
                  left join sign_in_failure f on f.name_pseudonym = q.pseudonym
                """)) {
      ps.setString(1, username);
      ps.setString(2, namePseudonym);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Optional<StoredUser> user =
            rs.getString(1) == null
                ? Optional.empty()
                : Optional.of(new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3)));
        Failures failures =
            rs.getObject(4) == null
                ? Failures.NONE
                : new Failures(rs.getInt(4), instant(rs, 5), instant(rs, 6));
        return new SignInState(user, failures);
      }
    }
  }

  /**
   * Counts a failed sign-in: replaces the failures stored under {@code namePseudonym} by {@code
   * next} of them, under a row lock, so that concurrent failures are all counted.
   *
   * @return the failures now stored
   */
  public Failures recordFailure(String namePseudonym, UnaryOperator<Failures> next)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into sign_in_failure (name_pseudonym, failures, window_start)"
                    + " values (?, 0, ?) on conflict (name_pseudonym) do nothing")) {
          ps.setString(1, namePseudonym);
          ps.setTimestamp(2, Timestamp.from(Instant.EPOCH));
          ps.executeUpdate();
        }
        Failures current;
        try (PreparedStatement ps =
            c.prepareStatement(
                "select failures, window_start, locked_until from sign_in_failure"
                    + " where name_pseudonym = ? for update")) {
          ps.setString(1, namePseudonym);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            current = new Failures(rs.getInt(1), instant(rs, 2), instant(rs, 3));
          }
        }
        Failures updated = next.apply(current);
        try (PreparedStatement ps =
            c.prepareStatement(
                "update sign_in_failure set failures = ?, window_start = ?, locked_until = ?"
                    + " where name_pseudonym = ?")) {
          ps.setInt(1, updated.count());
          ps.setTimestamp(2, Timestamp.from(updated.windowStart()));
          ps.setTimestamp(
              3, updated.lockedUntil() == null ? null : Timestamp.from(updated.lockedUntil()));
          ps.setString(4, namePseudonym);
          ps.executeUpdate();
        }
        c.commit();
        return updated;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Forgets the failures counted under {@code namePseudonym}, after a successful sign-in. */
  public void clearFailures(String namePseudonym) throws SQLException {
    update("delete from sign_in_failure where name_pseudonym = ?", namePseudonym);
  }

  /** Adds a user; returns false when the name is taken. */
  public boolean add(StoredUser user) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into app_user (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")) {
      ps.setString(1, user.username());
      ps.setString(2, user.passwordHash());
      ps.setString(3, user.role());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Sets {@code username}'s password hash and ends the user's sessions.
   *
   * @return false when there is no such user
   */
  public boolean changePassword(String username, String passwordHash) throws SQLException {
    return changeAndEndSessions(
        "update app_user set password_hash = ? where username = ?", passwordHash, username);
  }

  /**
   * Sets {@code username}'s role and ends the user's sessions.
   *
   * @return false when there is no such user
   */
  public boolean changeRole(String username, String role) throws SQLException {
    return changeAndEndSessions("update app_user set role = ? where username = ?", role, username);
  }

  /**
   * Removes {@code username}; the user's sessions go with it.
   *
   * @return false when there was no such user
   */
  public boolean remove(String username) throws SQLException {
    return update("delete from app_user where username = ?", username) == 1;
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from app_user");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** How many users have {@code role}. */
  public long countWithRole(String role) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from app_user where role = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Stores a new session; its {@code role} is not stored but read from the user. */
  public void addSession(StoredSession s) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                insert into staff_session (token_digest, username, csrf_token, created_at,
                    last_seen_at, idle_expires_at, absolute_expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
      ps.setBytes(1, s.tokenDigest());
      ps.setString(2, s.username());
      ps.setString(3, s.csrfToken());
      ps.setTimestamp(4, Timestamp.from(s.createdAt()));
      ps.setTimestamp(5, Timestamp.from(s.lastSeenAt()));
      ps.setTimestamp(6, Timestamp.from(s.idleExpiresAt()));
      ps.setTimestamp(7, Timestamp.from(s.absoluteExpiresAt()));
      ps.executeUpdate();
    }
  }

  /** The session whose token has this digest, with its user's current role, expired or not. */
  public Optional<StoredSession> findSession(byte[] tokenDigest) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                select s.username, u.role, s.csrf_token, s.created_at, s.last_seen_at,
                       s.idle_expires_at, s.absolute_expires_at
                  from staff_session s join app_user u on u.username = s.username
                 where s.token_digest = ?
                """)) {
      ps.setBytes(1, tokenDigest);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredSession(
                tokenDigest,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs, 4),
                instant(rs, 5),
                instant(rs, 6),
                instant(rs, 7)));
      }
    }
  }

  /** Records that the session was used at {@code at}, and that it now idles out at {@code idle}. */
  public void touchSession(byte[] tokenDigest, Instant at, Instant idle) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update staff_session set last_seen_at = ?, idle_expires_at = ?"
                    + " where token_digest = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setTimestamp(2, Timestamp.from(idle));
      ps.setBytes(3, tokenDigest);
      ps.executeUpdate();
    }
  }

  /** Ends one session; false when there was none with this digest. */
  public boolean endSession(byte[] tokenDigest) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from staff_session where token_digest = ?")) {
      ps.setBytes(1, tokenDigest);
      return ps.executeUpdate() == 1;
    }
  }

  /** How many sessions {@code username} has, expired or not. */
  public int sessionCount(String username) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from staff_session where username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Deletes every session expired at {@code now}, and every failure record whose window began
   * before {@code failuresBefore} and whose lockout, if any, is over.
   *
   * @return how many sessions were deleted
   */
  public int sweep(Instant now, Instant failuresBefore) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      int sessions;
      try (PreparedStatement ps =
          c.prepareStatement(
              "delete from staff_session where idle_expires_at <= ? or absolute_expires_at <= ?")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setTimestamp(2, Timestamp.from(now));
        sessions = ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "delete from sign_in_failure where window_start < ?"
                  + " and (locked_until is null or locked_until <= ?)")) {
        ps.setTimestamp(1, Timestamp.from(failuresBefore));
        ps.setTimestamp(2, Timestamp.from(now));
        ps.executeUpdate();
      }
      return sessions;
    }
  }

  private boolean changeAndEndSessions(String sql, String value, String username)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int changed;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, value);
          ps.setString(2, username);
          changed = ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement("delete from staff_session where username = ?")) {
          ps.setString(1, username);
          ps.executeUpdate();
        }
        c.commit();
        return changed == 1;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private int update(String sql, String value) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      return ps.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
