package org.vigil.postgres;

import java.time.Instant;
import java.util.Objects;
import org.vigil.traffic.incident.Incident;

/**
 * An incident as recorded: what was raised, and when it cleared.
 *
 * @param incident the incident
 * @param clearedAt when it cleared, or null while it is open
 */
public record RecordedIncident(Incident incident, Instant clearedAt) {
  public RecordedIncident {
    Objects.requireNonNull(incident, "incident");
    if (clearedAt != null && clearedAt.isBefore(incident.detectedAt())) {
      throw new IllegalArgumentException(
          "clearedAt " + clearedAt + " must not be before detectedAt " + incident.detectedAt());
    }
  }

  /** Whether it has not cleared yet. */
  public boolean open() {
    return clearedAt == null;
  }
}
