package org.vigil.detection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.vigil.plate.Plate;

/**
 * One sighting of one vehicle by one camera, as reported by the camera.
 *
 * <p>A detection is checked for shape here and against the site configuration by {@link Admission}.
 * It lives only as long as it takes to decide it: a detection that breaks no rule is never stored,
 * logged or queued.
 *
 * @param eventId the camera's identifier for the event, unique per camera, 1 to 128 characters and
 *     no control characters
 * @param cameraId the camera that saw the vehicle
 * @param observedAt when the camera saw it, by the camera's clock; kept to the microsecond, the
 *     precision of storage, so that a stored violation equals the decided one
 * @param plate the plate it read
 * @param confidence the camera's confidence in the read, 0 to 1
 * @param vehicleClass the kind of vehicle
 * @param speedKmh the measured spot speed, 0 to {@value #MAX_SPEED_KMH} km/h, or {@link Double#NaN}
 *     when the camera measures none
 * @param lane the lane, from 1, or 0 when the camera did not say
 * @param signal the signal at the stop line, or {@code null} when the camera watches none
 * @param direction the direction of travel, or {@code null} when the camera did not say
 */
public record Detection(
    String eventId,
    String cameraId,
    Instant observedAt,
    Plate plate,
    double confidence,
    VehicleClass vehicleClass,
    double speedKmh,
    int lane,
    Signal signal,
    Direction direction) {

  /** The highest plausible measured speed; anything above is a faulty reading. */
  public static final int MAX_SPEED_KMH = 400;

  /** The longest event identifier accepted. */
  public static final int MAX_EVENT_ID_LENGTH = 128;

  public Detection {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("eventId is missing");
    }
    if (eventId.length() > MAX_EVENT_ID_LENGTH) {
      throw new IllegalArgumentException(
          "eventId must have at most "
              + MAX_EVENT_ID_LENGTH
              + " characters, had "
              + eventId.length());
    }
    for (int i = 0; i < eventId.length(); i++) {
      if (Character.isISOControl(eventId.charAt(i))) {
        throw new IllegalArgumentException(
            "eventId may not hold control characters, position " + (i + 1) + " holds one");
      }
    }
    if (cameraId == null || cameraId.isBlank()) {
      throw new IllegalArgumentException("cameraId is missing");
    }
    Objects.requireNonNull(observedAt, "observedAt is missing");
    observedAt = observedAt.truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(plate, "plate is missing");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(
          "plate.confidence must be between 0 and 1, was " + confidence);
    }
    Objects.requireNonNull(vehicleClass, "vehicleClass is missing");
    if (!Double.isNaN(speedKmh) && !(speedKmh >= 0 && speedKmh <= MAX_SPEED_KMH)) {
      throw new IllegalArgumentException(
          "speedKmh must be between 0 and " + MAX_SPEED_KMH + ", was " + speedKmh);
    }
    if (lane < 0 || lane > 16) {
      throw new IllegalArgumentException("lane must be between 1 and 16, was " + lane);
    }
  }

  /** A detection without signal or direction. */
  public Detection(
      String eventId,
      String cameraId,
      Instant observedAt,
      Plate plate,
      double confidence,
      VehicleClass vehicleClass,
      double speedKmh,
      int lane) {
    this(
        eventId, cameraId, observedAt, plate, confidence, vehicleClass, speedKmh, lane, null, null);
  }

  /** Whether the camera measured a spot speed. */
  public boolean hasSpeed() {
    return !Double.isNaN(speedKmh);
  }

  @Override
  public String toString() {
    // No plate: a detection's text may end up in a log.
    return "Detection[" + cameraId + " " + eventId + " at " + observedAt + "]";
  }
}
