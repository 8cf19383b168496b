package org.vigil.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: after {@code first}, doubling with each attempt up to
 * {@code max}; after {@code maxAttempts} attempts it is FAILED for an operator to look at.
 *
 * @param maxAttempts attempts before giving up, 1 or more
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record DeliveryRetryPolicy(int maxAttempts, Duration first, Duration max) {
  /** 8 attempts, from 1 minute to 6 hours apart. */
  public static DeliveryRetryPolicy defaults() {
    return new DeliveryRetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(6));
  }

  public DeliveryRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
    }
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "retry waits must be positive with max at least first, were " + first + " and " + max);
    }
  }

  /**
   * When to try again after the {@code attempts}-th failed attempt at {@code now}; null when it is
   * not tried again.
   */
  public Instant next(int attempts, boolean permanent, Instant now) {
    if (permanent || attempts >= maxAttempts) {
      return null;
    }
    Duration wait = first;
    for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return now.plus(wait.compareTo(max) > 0 ? max : wait);
  }
}
