package org.vigil.traffic;

import java.time.Instant;
import java.util.Objects;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;

/**
 * All that traffic statistics may know of one vehicle passing one camera: where, when, what kind,
 * how fast, and the limit in force. There is no plate, by construction.
 *
 * @param cameraId the camera
 * @param lane the lane, from 1, or 0 when the camera did not say
 * @param observedAt when the vehicle passed, by the camera's clock
 * @param vehicleClass the kind of vehicle
 * @param speedKmh the measured spot speed, or {@link Double#NaN} when the camera measures none
 * @param limit the limit in force for this vehicle at {@code observedAt}
 */
public record Passage(
    String cameraId,
    int lane,
    Instant observedAt,
    VehicleClass vehicleClass,
    double speedKmh,
    SpeedLimit limit) {
  public Passage {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(limit, "limit");
  }

  /** Whether the camera measured a speed. */
  public boolean hasSpeed() {
    return !Double.isNaN(speedKmh);
  }

  /** Whether the measured speed is above the limit plus tolerance. */
  public boolean overLimit() {
    return hasSpeed() && limit.isExceededBy(speedKmh);
  }
}
