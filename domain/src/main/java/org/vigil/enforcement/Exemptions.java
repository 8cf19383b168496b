package org.vigil.enforcement;

import java.time.Instant;
import org.vigil.plate.Plate;

/**
 * The vehicles exempt from enforcement (ambulances, fire engines, police on duty), each for a
 * period. An exempt vehicle's detections are decided as if it had not been seen: nothing about it
 * is kept, not even a waiting section entry.
 */
@FunctionalInterface
public interface Exemptions {

  /** No vehicle is exempt. */
  Exemptions NONE = (plate, at) -> false;

  /** Whether {@code plate} is exempt at {@code at}. Must be fast: it runs for every detection. */
  boolean covers(Plate plate, Instant at);
}
