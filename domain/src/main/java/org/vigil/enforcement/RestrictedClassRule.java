package org.vigil.enforcement;

import java.util.Optional;
import java.util.TreeSet;
import org.vigil.site.ClassBan;

/** Restricted classes: a violation when a banned class is seen inside the ban's schedule. */
public final class RestrictedClassRule implements CameraRule {

  @Override
  public Optional<Violation> decide(Situation s) {
    if (s.camera().rules().classBans().isEmpty()) {
      return Optional.empty();
    }
    for (ClassBan ban : s.camera().rules().classBans()) {
      if (ban.classes().contains(s.detection().vehicleClass())
          && ban.schedule().contains(s.localTime())) {
        String detail =
            new TreeSet<>(ban.classes())
                + " banned "
                + ban.schedule()
                + "; a "
                + s.detection().vehicleClass()
                + " was seen";
        return Optional.of(
            Violation.atCamera(ViolationType.RESTRICTED_CLASS, s.detection(), s.limit(), detail));
      }
    }
    return Optional.empty();
  }
}
