package org.vigil.site;

import java.util.Objects;
import java.util.Set;
import org.vigil.detection.VehicleClass;

/**
 * A lane reserved, at some times, to some vehicle classes: a bus lane, a bus-and-taxi lane.
 *
 * @param lanes the lanes, from 1; never empty
 * @param allowedClasses the classes that may use them inside the schedule; never empty
 * @param schedule when the restriction applies
 */
public record RestrictedLane(
    Set<Integer> lanes, Set<VehicleClass> allowedClasses, Schedule schedule) {
  public RestrictedLane {
    lanes = Set.copyOf(lanes);
    allowedClasses = Set.copyOf(allowedClasses);
    if (lanes.isEmpty()) {
      throw new IllegalArgumentException("restrictedLanes[].lanes must name at least one lane");
    }
    if (allowedClasses.isEmpty()) {
      throw new IllegalArgumentException(
          "restrictedLanes[].allowedClasses must name at least one class");
    }
    Objects.requireNonNull(schedule, "schedule");
  }
}
