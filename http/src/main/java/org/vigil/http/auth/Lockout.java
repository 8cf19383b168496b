package org.vigil.http.auth;

import java.time.Duration;
import java.time.Instant;
import org.vigil.postgres.PostgresUsers.Failures;

/**
 * The lockout rule: after {@value #MAX_FAILURES} failed sign-ins for one user name within {@link
 * #WINDOW}, every sign-in with that name is refused for {@link #LOCK} (even with the right
 * password); a success forgets the failures. Failures while locked are not counted, so a lockout
 * cannot be prolonged by hammering. The rule applies to any name, existing or not, so that its
 * answers do not tell whether an account exists.
 */
public final class Lockout {
  /** Failed sign-ins that lock a name. */
  public static final int MAX_FAILURES = 5;

  /** The span within which they must fall. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** How long a lockout lasts. */
  public static final Duration LOCK = Duration.ofMinutes(15);

  private Lockout() {}

  /** Whether {@code f} locks the name at {@code now}. */
  public static boolean locked(Failures f, Instant now) {
    return f.lockedUntil() != null && now.isBefore(f.lockedUntil());
  }

  /** The failures after one more failed sign-in at {@code now}. */
  public static Failures afterFailure(Failures f, Instant now) {
    if (locked(f, now)) {
      return f;
    }
    boolean fresh =
        f.count() == 0 || f.lockedUntil() != null || !now.isBefore(f.windowStart().plus(WINDOW));
    int count = fresh ? 1 : f.count() + 1;
    Instant start = fresh ? now : f.windowStart();
    return new Failures(count, start, count >= MAX_FAILURES ? now.plus(LOCK) : null);
  }
}
