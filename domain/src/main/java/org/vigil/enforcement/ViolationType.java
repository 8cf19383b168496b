package org.vigil.enforcement;

/** The offences Vigil decides. */
public enum ViolationType {
  /** Spot speed measured by one camera above the limit in force plus tolerance. */
  SPEED,
  /** Average speed between a section's entry and exit cameras above its limit plus tolerance. */
  SECTION_SPEED,
  /** Crossing the stop line after the signal had been red for longer than the site's grace. */
  RED_LIGHT,
  /** Using a restricted lane (a bus lane, say) inside its schedule in a class it does not allow. */
  RESTRICTED_LANE,
  /** Driving against the traffic at a one-way or divided site. */
  WRONG_WAY,
  /** A vehicle class banned from the site at that time (trucks in a city centre, say). */
  RESTRICTED_CLASS
}
