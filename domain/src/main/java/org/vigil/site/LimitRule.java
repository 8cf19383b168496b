package org.vigil.site;

import java.util.Objects;
import java.util.Set;
import org.vigil.detection.VehicleClass;

/**
 * A lower limit for some vehicle classes or some times: trucks at 70, a school zone at 30 on school
 * days 07:30–17:00.
 *
 * @param classes the classes it binds; empty for every class
 * @param schedule when it binds
 * @param limitKmh the limit, 1 to 300 km/h
 */
public record LimitRule(Set<VehicleClass> classes, Schedule schedule, int limitKmh) {
  public LimitRule {
    classes = Set.copyOf(classes);
    Objects.requireNonNull(schedule, "schedule");
    if (limitKmh < 1 || limitKmh > 300) {
      throw new IllegalArgumentException("limitKmh must be between 1 and 300, was " + limitKmh);
    }
  }

  /** Whether it binds a vehicle of class {@code vehicleClass}, whatever the time. */
  public boolean binds(VehicleClass vehicleClass) {
    return classes.isEmpty() || classes.contains(vehicleClass);
  }
}
