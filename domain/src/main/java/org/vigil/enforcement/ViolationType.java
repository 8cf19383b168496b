package org.vigil.enforcement;

/** The offences Vigil decides. */
public enum ViolationType {
  /** Spot speed measured by one camera above its limit plus tolerance. */
  SPEED,
  /** Average speed between a section's entry and exit cameras above its limit plus tolerance. */
  SECTION_SPEED
}
