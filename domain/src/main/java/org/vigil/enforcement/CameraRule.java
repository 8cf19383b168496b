package org.vigil.enforcement;

import java.util.List;
import java.util.Optional;

/** A rule decided from one detection at one camera. Pure: no state, no clock. */
public interface CameraRule {

  /** The violation {@code s} commits under this rule, if any. */
  Optional<Violation> decide(Situation s);

  /** Every camera rule, in the order their violations are reported. */
  static List<CameraRule> all() {
    return List.of(
        new SpotSpeedRule(),
        new RedLightRule(),
        new RestrictedLaneRule(),
        new WrongWayRule(),
        new RestrictedClassRule());
  }
}
