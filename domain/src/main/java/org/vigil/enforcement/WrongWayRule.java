package org.vigil.enforcement;

import java.util.Optional;
import org.vigil.detection.Direction;

/**
 * Wrong way: a violation when a vehicle drives against the traffic at a one-way or divided site.
 */
public final class WrongWayRule implements CameraRule {

  @Override
  public Optional<Violation> decide(Situation s) {
    if (!s.camera().rules().oneWay() || s.detection().direction() != Direction.AGAINST_TRAFFIC) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.atCamera(
            ViolationType.WRONG_WAY,
            s.detection(),
            s.limit(),
            "drove against the traffic at a one-way site"));
  }
}
