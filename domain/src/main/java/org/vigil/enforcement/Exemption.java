package org.vigil.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.vigil.plate.Plate;

/**
 * One exempt vehicle (an ambulance, a fire engine) for one period.
 *
 * @param id its identifier
 * @param plate the vehicle's plate, normalised
 * @param label who or what it is, e.g. {@code Almaty ambulance 12}: 1 to 200 characters
 * @param validFrom the first moment it is exempt
 * @param validUntil the moment it stops being exempt, after {@code validFrom}
 */
public record Exemption(UUID id, Plate plate, String label, Instant validFrom, Instant validUntil) {
  public Exemption {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plate, "plate");
    if (label == null || label.isBlank() || label.length() > 200) {
      throw new IllegalArgumentException("label must have 1 to 200 characters");
    }
    Objects.requireNonNull(validFrom, "validFrom is missing");
    Objects.requireNonNull(validUntil, "validUntil is missing");
    if (!validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException(
          "validUntil (" + validUntil + ") must lie after validFrom (" + validFrom + ")");
    }
  }

  /** Whether it covers {@code at}. */
  public boolean covers(Instant at) {
    return !at.isBefore(validFrom) && at.isBefore(validUntil);
  }

  @Override
  public String toString() {
    return "Exemption[" + id + " " + validFrom + " to " + validUntil + "]";
  }
}
