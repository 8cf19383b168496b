package org.vigil.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stream time: how far the stream of detections has got, less the lateness still allowed.
 *
 * <p>It is the newest {@code observedAt} seen, minus the allowed lateness; while no newer detection
 * arrives it moves on with the wall clock, so that a quiet night does not keep sightings in memory.
 * A replay of old recordings works, because only the distance the wall clock moved counts, never
 * its reading. Thread-safe.
 */
public final class StreamClock {
  private final Clock wallClock;
  private final Duration allowedLateness;
  private Instant newestObserved;
  private Instant wallAtNewest;

  /**
   * @param wallClock the server's clock (a test clock in tests)
   * @param allowedLateness how late a detection may arrive and still be paired; 0 or more
   */
  public StreamClock(Clock wallClock, Duration allowedLateness) {
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException(
          "allowed lateness must not be negative, was " + allowedLateness);
    }
    this.wallClock = wallClock;
    this.allowedLateness = allowedLateness;
  }

  /** Notes that a detection observed at {@code observedAt} arrived. */
  public synchronized void observe(Instant observedAt) {
    if (newestObserved == null || observedAt.isAfter(newestObserved)) {
      newestObserved = observedAt;
      wallAtNewest = wallClock.instant();
    }
  }

  /** The current stream time; {@link Instant#EPOCH} before the first detection. */
  public synchronized Instant now() {
    if (newestObserved == null) {
      return Instant.EPOCH;
    }
    Duration idle = Duration.between(wallAtNewest, wallClock.instant());
    return newestObserved.plus(idle.isNegative() ? Duration.ZERO : idle).minus(allowedLateness);
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }
}
