package org.vigil.traffic.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sudden fall in traffic at one camera. It carries no personal data: counts and speeds only.
 *
 * @param id deterministic: {@link #idOf} of camera and start, so that raising the same fall twice
 *     names the same incident
 * @param cameraId the camera
 * @param kind what fell
 * @param startedAt the start of the first slot that fell
 * @param detectedAt the stream time at which the fall was raised, not before {@code startedAt}
 * @param observedFlowPerMinute vehicles per minute in the window that raised it
 * @param usualFlowPerMinute the camera's usual vehicles per minute at that time of day
 * @param observedSpeedKmh the window's mean speed, or {@link Double#NaN} when none was measured
 * @param usualSpeedKmh the usual mean speed, or {@link Double#NaN} when unknown
 * @param detail why, in words
 */
public record Incident(
    UUID id,
    String cameraId,
    IncidentKind kind,
    Instant startedAt,
    Instant detectedAt,
    double observedFlowPerMinute,
    double usualFlowPerMinute,
    double observedSpeedKmh,
    double usualSpeedKmh,
    String detail) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    if (cameraId == null || cameraId.isBlank()) {
      throw new IllegalArgumentException("cameraId must not be blank, was '" + cameraId + "'");
    }
    if (detectedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "detectedAt " + detectedAt + " must not be before startedAt " + startedAt);
    }
    requireFlow("observedFlowPerMinute", observedFlowPerMinute);
    requireFlow("usualFlowPerMinute", usualFlowPerMinute);
    requireSpeed("observedSpeedKmh", observedSpeedKmh);
    requireSpeed("usualSpeedKmh", usualSpeedKmh);
    if (detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("detail must not be blank, was '" + detail + "'");
    }
  }

  /** The id of the incident at {@code cameraId} that started at {@code startedAt}. */
  public static UUID idOf(String cameraId, Instant startedAt) {
    return UUID.nameUUIDFromBytes(
        ("vigil-incident:" + cameraId + "@" + startedAt).getBytes(StandardCharsets.UTF_8));
  }

  private static void requireFlow(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and 0 or more, was " + value);
    }
  }

  private static void requireSpeed(String name, double value) {
    if (!Double.isNaN(value) && (value < 0 || Double.isInfinite(value))) {
      throw new IllegalArgumentException(
          name + " must be NaN or finite and 0 or more, was " + value);
    }
  }
}
