package org.vigil.enforcement;

import java.util.Optional;
import java.util.TreeSet;
import org.vigil.detection.Detection;
import org.vigil.site.RestrictedLane;

/**
 * Restricted lanes: a violation when a vehicle of a class the lane does not allow uses it inside
 * its schedule. A detection without a lane is no lane offence.
 */
public final class RestrictedLaneRule implements CameraRule {

  @Override
  public Optional<Violation> decide(Situation s) {
    if (s.camera().rules().restrictedLanes().isEmpty()) {
      return Optional.empty();
    }
    Detection d = s.detection();
    for (RestrictedLane lane : s.camera().rules().restrictedLanes()) {
      if (lane.lanes().contains(d.lane())
          && !lane.allowedClasses().contains(d.vehicleClass())
          && lane.schedule().contains(s.localTime())) {
        String detail =
            "lane "
                + d.lane()
                + " is reserved to "
                + new TreeSet<>(lane.allowedClasses())
                + " "
                + lane.schedule()
                + "; a "
                + d.vehicleClass()
                + " used it";
        return Optional.of(Violation.atCamera(ViolationType.RESTRICTED_LANE, d, s.limit(), detail));
      }
    }
    return Optional.empty();
  }
}
