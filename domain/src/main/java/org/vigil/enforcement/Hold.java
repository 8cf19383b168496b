package org.vigil.enforcement;

import java.util.Objects;

/**
 * Why a violation waits for a person instead of going on to a notice.
 *
 * @param kind the kind of doubt
 * @param reason what was found, naming the values (never a plate)
 */
public record Hold(Kind kind, String reason) {

  /** The kinds of doubt. */
  public enum Kind {
    /** The plate was read with less confidence than the site requires: a person must read it. */
    PLATE_UNREADABLE,
    /** The plate fits no known format: a person must read it. */
    PLATE_FORMAT,
    /** The camera's clock was off by more than the site allows. */
    CLOCK_DRIFT,
    /** The camera's calibration certificate had expired. */
    CALIBRATION_EXPIRED;

    /** Whether a person must read the plate: the manual-read queue. */
    public boolean needsManualRead() {
      return this == PLATE_UNREADABLE || this == PLATE_FORMAT;
    }
  }

  public Hold {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
