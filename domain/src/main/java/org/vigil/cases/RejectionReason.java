package org.vigil.cases;

import java.util.Arrays;
import java.util.Locale;

/** Why a reviewer rejects a violation: the fixed list the transparency report counts by. */
public enum RejectionReason {
  PLATE_UNREADABLE,
  PLATE_MISMATCH,
  EMERGENCY_VEHICLE,
  EVIDENCE_INSUFFICIENT,
  EQUIPMENT_FAULT,
  EXEMPT_VEHICLE,
  DUPLICATE,
  /** Anything else; the free text is then required. */
  OTHER;

  /**
   * The reason named {@code code}, ignoring case.
   *
   * @throws IllegalArgumentException naming the code and the list
   */
  public static RejectionReason parse(String code) {
    if (code != null) {
      for (RejectionReason r : values()) {
        if (r.name().equals(code.strip().toUpperCase(Locale.ROOT))) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException(
        "rejection reason '" + code + "' is not one of " + Arrays.toString(values()));
  }
}
