package org.vigil.enforcement;

import java.util.Objects;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;

/**
 * What the camera saw besides the plate and speed, kept as evidence with a violation.
 *
 * @param vehicleClass the kind of vehicle
 * @param lane the lane, or 0 when not given
 * @param confidence the camera's confidence in the plate read
 * @param signal the signal at the stop line, or {@code null}
 * @param direction the direction of travel, or {@code null}
 */
public record Observation(
    VehicleClass vehicleClass, int lane, double confidence, Signal signal, Direction direction) {
  public Observation {
    Objects.requireNonNull(vehicleClass, "vehicleClass");
  }

  /** What {@code d} saw. */
  public static Observation of(Detection d) {
    return new Observation(d.vehicleClass(), d.lane(), d.confidence(), d.signal(), d.direction());
  }
}
