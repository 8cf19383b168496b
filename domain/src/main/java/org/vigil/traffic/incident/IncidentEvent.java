package org.vigil.traffic.incident;

import java.time.Instant;
import java.util.Objects;

/** What the detector reports: an incident raised, or one cleared. */
public sealed interface IncidentEvent {

  /** The incident concerned. */
  Incident incident();

  /** Traffic fell at a camera. */
  record Raised(Incident incident) implements IncidentEvent {
    public Raised {
      Objects.requireNonNull(incident, "incident");
    }
  }

  /**
   * Traffic at the incident's camera is back near its usual level.
   *
   * @param clearedAt the stream time of the recovery, not before the incident was detected
   */
  record Cleared(Incident incident, Instant clearedAt) implements IncidentEvent {
    public Cleared {
      Objects.requireNonNull(incident, "incident");
      Objects.requireNonNull(clearedAt, "clearedAt");
      if (clearedAt.isBefore(incident.detectedAt())) {
        throw new IllegalArgumentException(
            "clearedAt "
                + clearedAt
                + " must not be before the incident's detectedAt "
                + incident.detectedAt());
      }
    }
  }
}
