package org.vigil.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which statistics to read: the periods of one resolution whose start is at or after {@code from}
 * and before {@code to}, for one camera and lane or for all.
 *
 * @param resolution minute, hour or day
 * @param from the earliest period start, inclusive
 * @param to the latest period start, exclusive; after {@code from}, and at most {@link
 *     #maxSpan(Resolution)} later
 * @param cameraId one camera, or null for every camera
 * @param lane one lane (0 or more), or null for every lane
 */
public record TrafficQuery(
    Resolution resolution, Instant from, Instant to, String cameraId, Integer lane) {

  /** At most this many rows answer one query; a query that matches more must be narrowed. */
  public static final int MAX_ROWS = 50_000;

  public TrafficQuery {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
    }
    Duration span = Duration.between(from, to);
    if (span.compareTo(maxSpan(resolution)) > 0) {
      throw new IllegalArgumentException(
          "from "
              + from
              + " to "
              + to
              + " spans "
              + span
              + ", more than the "
              + maxSpan(resolution)
              + " allowed at resolution "
              + resolution);
    }
    if (lane != null && lane < 0) {
      throw new IllegalArgumentException("lane must be 0 or more, was " + lane);
    }
  }

  /** The longest span one query may cover: a day of minutes, 31 days of hours, 366 of days. */
  public static Duration maxSpan(Resolution resolution) {
    return switch (resolution) {
      case MINUTE -> Duration.ofDays(1);
      case HOUR -> Duration.ofDays(31);
      case DAY -> Duration.ofDays(366);
    };
  }

  /** The span read when the caller names none: the last hour, day or 31 days. */
  public static Duration defaultSpan(Resolution resolution) {
    return switch (resolution) {
      case MINUTE -> Duration.ofHours(1);
      case HOUR -> Duration.ofDays(1);
      case DAY -> Duration.ofDays(31);
    };
  }
}
