package org.vigil.enforcement;

import java.util.List;
import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.site.Camera;

/** Spot speed: a violation when the measured speed is above the camera's limit plus tolerance. */
public final class SpotSpeedRule {

  /** Decides {@code detection}, seen by {@code camera}. */
  public Optional<Violation> decide(Detection detection, Camera camera) {
    if (!detection.hasSpeed() || !camera.limit().isExceededBy(detection.speedKmh())) {
      return Optional.empty();
    }
    List<String> events = List.of(camera.id() + "/" + detection.eventId());
    return Optional.of(
        new Violation(
            Violation.idOf(ViolationType.SPEED, camera.id(), events),
            ViolationType.SPEED,
            camera.id(),
            null,
            detection.plate(),
            detection.observedAt(),
            detection.speedKmh(),
            camera.limit(),
            List.of(detection.eventId()),
            null));
  }
}
