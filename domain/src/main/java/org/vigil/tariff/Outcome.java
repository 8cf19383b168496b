package org.vigil.tariff;

/** What the tariff in force says about an offence. */
public enum Outcome {
  /** A fixed fine applies; the assessment carries its amounts. */
  FINE,
  /** No fixed fine: the offence is referred to a court (e.g. a French class-5 contravention). */
  COURT,
  /** The retained speed is not far enough over the limit for the first band: no fine. */
  BELOW_THRESHOLD,
  /**
   * No tariff covers the offence: unknown jurisdiction, an offence before the first version, a
   * violation type the version does not fine, or a speed above every (closed) band.
   */
  NO_TARIFF,
  /** The fine is set in a unit (e.g. MCI) with no value for the offence's year. */
  NO_UNIT_VALUE
}
