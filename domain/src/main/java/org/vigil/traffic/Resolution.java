package org.vigil.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The length of one statistics period. Periods start on whole minutes, hours and days in UTC, never
 * in a site's local time: an hour is 08:00:00Z to 09:00:00Z, a day 00:00:00Z to 24:00:00Z.
 */
public enum Resolution {
  MINUTE(ChronoUnit.MINUTES),
  HOUR(ChronoUnit.HOURS),
  DAY(ChronoUnit.DAYS);

  private final ChronoUnit unit;

  Resolution(ChronoUnit unit) {
    this.unit = unit;
  }

  /** The start of the period that holds {@code t}: {@code t} truncated to this unit in UTC. */
  public Instant start(Instant t) {
    return t.truncatedTo(unit);
  }

  /** Whether {@code t} is the start of a period of this resolution. */
  public boolean isStart(Instant t) {
    return start(t).equals(t);
  }

  /** How long one period lasts. */
  public Duration length() {
    return unit.getDuration();
  }
}
