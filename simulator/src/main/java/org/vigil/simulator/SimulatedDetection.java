package org.vigil.simulator;

import java.util.Objects;
import org.vigil.detection.Detection;

/**
 * A detection from a {@link SimulatedCity} together with the truth behind it.
 *
 * @param detection what the camera reports
 * @param speeder whether the vehicle is a speeder: a speeder exceeds the limit plus tolerance at
 *     every camera and over every section it drives, a compliant vehicle at none
 */
public record SimulatedDetection(Detection detection, boolean speeder) {
  public SimulatedDetection {
    Objects.requireNonNull(detection, "detection");
  }
}
