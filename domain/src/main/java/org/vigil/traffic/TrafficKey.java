package org.vigil.traffic;

import java.time.Instant;
import java.util.Objects;

/**
 * One statistics row's identity: a camera, a lane and the start of a period.
 *
 * @param cameraId the camera, not blank
 * @param lane the lane, from 1, or 0 when the camera did not say
 * @param start the start of the period
 */
public record TrafficKey(String cameraId, int lane, Instant start) {
  public TrafficKey {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(start, "start");
    if (cameraId.isBlank()) {
      throw new IllegalArgumentException("cameraId must not be blank, was '" + cameraId + "'");
    }
    if (lane < 0) {
      throw new IllegalArgumentException("lane must be 0 or more, was " + lane);
    }
  }

  /** The same camera and lane, in the period of {@code resolution} that holds this start. */
  public TrafficKey in(Resolution resolution) {
    Instant s = resolution.start(start);
    return s.equals(start) ? this : new TrafficKey(cameraId, lane, s);
  }
}
