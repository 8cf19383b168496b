package org.vigil.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock that a benchmark moves along its pre-generated stream, so that what the server
 * forgets by its own clock (recent reads, clock estimates) is forgotten as in a live server, where
 * detections arrive as they are observed. Not thread-safe: one per benchmark thread.
 */
final class StreamTimeClock extends Clock {
  private Instant now;

  StreamTimeClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code instant}. */
  void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a benchmark clock is in UTC");
  }
}
