package org.vigil.enforcement;

import java.util.Locale;
import java.util.Optional;
import org.vigil.detection.Detection;

/**
 * Spot speed: a violation when the measured speed is above the limit in force for the vehicle, at
 * its time, plus tolerance.
 */
public final class SpotSpeedRule implements CameraRule {

  @Override
  public Optional<Violation> decide(Situation s) {
    Detection d = s.detection();
    if (!d.hasSpeed() || !s.limit().isExceededBy(d.speedKmh())) {
      return Optional.empty();
    }
    String detail =
        String.format(
            Locale.ROOT,
            "measured %.1f km/h, limit %d + %d km/h for a %s",
            d.speedKmh(),
            s.limit().limitKmh(),
            s.limit().toleranceKmh(),
            d.vehicleClass());
    return Optional.of(Violation.atCamera(ViolationType.SPEED, d, s.limit(), detail));
  }
}
