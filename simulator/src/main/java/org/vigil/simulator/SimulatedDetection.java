package org.vigil.simulator;

import java.util.Objects;
import java.util.Set;
import org.vigil.detection.Detection;
import org.vigil.enforcement.ViolationType;

/**
 * A detection from a {@link SimulatedCity} together with the truth behind it.
 *
 * @param detection what the camera reports
 * @param speeder whether the vehicle is an offender: an offender exceeds the limit in force plus
 *     tolerance at every camera and over every section it drives, and commits the offence each
 *     special camera watches for (red light, bus lane, wrong way, banned class); a compliant
 *     vehicle commits none
 * @param offences the camera offences this detection shows, by the city's own truth (section
 *     speeding is decided from two detections and is not listed)
 */
public record SimulatedDetection(
    Detection detection, boolean speeder, Set<ViolationType> offences) {
  public SimulatedDetection {
    Objects.requireNonNull(detection, "detection");
    offences = Set.copyOf(offences);
  }
}
