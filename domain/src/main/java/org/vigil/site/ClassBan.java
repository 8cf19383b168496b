package org.vigil.site;

import java.util.Objects;
import java.util.Set;
import org.vigil.detection.VehicleClass;

/**
 * Vehicle classes banned from a site at some times: trucks in a city centre 07:00–22:00.
 *
 * @param classes the banned classes; never empty
 * @param schedule when the ban applies
 */
public record ClassBan(Set<VehicleClass> classes, Schedule schedule) {
  public ClassBan {
    classes = Set.copyOf(classes);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("classBans[].classes must name at least one class");
    }
    Objects.requireNonNull(schedule, "schedule");
  }
}
