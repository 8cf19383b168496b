package org.vigil.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.vigil.postgres.PostgresUsers;
import org.vigil.postgres.PostgresUsers.StoredSession;

/**
 * Signed-in browser sessions. A session is a random 256-bit token held in the caller's cookie; only
 * its SHA-256 is stored. It ends after {@link #IDLE} without use, after {@link #ABSOLUTE} in any
 * case, on sign-out, and when its user's password or role changes or the user is removed. Expired
 * sessions are refused when presented and deleted at every sign-in, the only moment sessions are
 * created, so the table stays as small as the set of live sessions.
 */
public final class Sessions {
  /** A session unused this long ends. */
  public static final Duration IDLE = Duration.ofMinutes(30);

  /** A session ends this long after sign-in, however much it is used. */
  public static final Duration ABSOLUTE = Duration.ofHours(12);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final PostgresUsers users;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * A live session.
   *
   * @param user who is signed in
   * @param csrfToken the token that the session's unsafe requests must carry
   * @param expiresAt when it ends unless it is used again (idle expiry, capped by the absolute one)
   * @param absoluteExpiresAt when it ends in any case
   */
  public record Session(
      Accounts.SignedIn user,
      String csrfToken,
      Instant createdAt,
      Instant expiresAt,
      Instant absoluteExpiresAt) {}

  /** A session just started, with the token for the cookie; the token is not stored anywhere. */
  public record Started(String token, Session session) {
    @Override
    public String toString() {
      return "Started[" + session + "]";
    }
  }

  Sessions(PostgresUsers users, SecureRandom random, Clock clock) {
    this.users = users;
    this.random = random;
    this.clock = clock;
  }

  /** Starts a session for {@code user}, and deletes every expired one. */
  public Started start(Accounts.SignedIn user) throws SQLException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    users.sweep(now, now.minus(Lockout.WINDOW));
    String token = randomToken();
    String csrf = randomToken();
    Instant absolute = now.plus(ABSOLUTE);
    Instant idle = min(now.plus(IDLE), absolute);
    users.addSession(
        new StoredSession(
            digest(token), user.username(), user.role().name(), csrf, now, now, idle, absolute));
    return new Started(token, new Session(user, csrf, now, idle, absolute));
  }

  /**
   * The live session of {@code token}, now used once more; empty when there is none or it has
   * expired (an expired one is deleted).
   */
  public Optional<Session> resume(String token) throws SQLException {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    byte[] digest = digest(token);
    Optional<StoredSession> stored = users.findSession(digest);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredSession s = stored.get();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!now.isBefore(s.idleExpiresAt()) || !now.isBefore(s.absoluteExpiresAt())) {
      users.endSession(digest);
      return Optional.empty();
    }
    Instant idle = min(now.plus(IDLE), s.absoluteExpiresAt());
    users.touchSession(digest, now, idle);
    return Optional.of(
        new Session(
            new Accounts.SignedIn(s.username(), Role.parse(s.role())),
            s.csrfToken(),
            s.createdAt(),
            idle,
            s.absoluteExpiresAt()));
  }

  /** Ends the session of {@code token}; false when there was none. */
  public boolean end(String token) throws SQLException {
    return token != null && users.endSession(digest(token));
  }

  /** How many sessions {@code username} has, live or expired but not yet deleted. */
  public int count(String username) throws SQLException {
    return users.sessionCount(username);
  }

  /** Whether {@code given} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, String given) {
    return given != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random 256-bit token, URL-safe base64 without padding (43 characters). */
  String randomToken() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return B64.encodeToString(raw);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
