package org.vigil.postgres;

import java.time.Instant;

/**
 * What to list of the recorded incidents, newest start first.
 *
 * @param from only incidents that started at or after this, or null
 * @param to only incidents that started before this, or null
 * @param cameraId only this camera's, or null
 * @param open true: only open ones; false: only cleared ones; null: both
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record IncidentQuery(Instant from, Instant to, String cameraId, Boolean open, int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public IncidentQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " must be before to " + to);
    }
  }

  /** Every incident, up to the default limit. */
  public static IncidentQuery all() {
    return new IncidentQuery(null, null, null, null, DEFAULT_LIMIT);
  }
}
