package org.vigil.enforcement;

import java.time.Instant;
import org.vigil.plate.Plate;

/**
 * What section control keeps of one detection while it waits for its other end.
 *
 * @param cameraId the camera that saw it
 * @param eventId the camera's event id
 * @param observedAt when
 * @param plate the plate
 * @param forgetAt the stream time after which it can no longer produce a violation
 * @param observation what else the camera saw
 */
public record Sighting(
    String cameraId,
    String eventId,
    Instant observedAt,
    Plate plate,
    Instant forgetAt,
    Observation observation) {

  @Override
  public String toString() {
    return "Sighting[" + cameraId + " " + eventId + " at " + observedAt + "]";
  }
}
