package org.vigil.enforcement;

import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.detection.Signal;
import org.vigil.site.RedLight;

/**
 * Red light: a violation when the vehicle crossed the stop line after the signal had been red for
 * longer than the site's grace; never in a lane where turning on red is allowed. A detection
 * without a signal, or at a camera without red-light enforcement, is no red-light offence.
 */
public final class RedLightRule implements CameraRule {

  @Override
  public Optional<Violation> decide(Situation s) {
    RedLight config = s.camera().rules().redLight();
    Detection d = s.detection();
    Signal signal = d.signal();
    if (config == null
        || signal == null
        || signal.state() != Signal.State.RED
        || signal.redElapsedMs() <= config.graceMs()
        || config.turnOnRedLanes().contains(d.lane())) {
      return Optional.empty();
    }
    String detail = "red for " + signal.redElapsedMs() + " ms, grace " + config.graceMs() + " ms";
    return Optional.of(Violation.atCamera(ViolationType.RED_LIGHT, d, s.limit(), detail));
  }
}
