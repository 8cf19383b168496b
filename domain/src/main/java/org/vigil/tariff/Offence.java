package org.vigil.tariff;

import java.time.Instant;
import java.util.Objects;
import org.vigil.enforcement.ViolationType;

/**
 * The facts a tariff needs to assess an offence.
 *
 * <p>For {@link ViolationType#SPEED} and {@link ViolationType#SECTION_SPEED} the measured speed is
 * finite and 0 or more, and the limit is 1 to 300 km/h; for every other type the speed is NaN and
 * the limit 0. Use {@link #speeding} and {@link #of} to build one.
 *
 * @param type the offence
 * @param observedAt when it was seen; picks the tariff version and the unit's year
 * @param measuredSpeedKmh the measured (spot) or average (section) speed; NaN when not a speed
 *     offence
 * @param limitKmh the posted limit; 0 when not a speed offence
 * @param priorOffencesInPeriod offences of the same kind by the same offender within the version's
 *     {@link RepeatRule} period before this one, 0 or more
 */
public record Offence(
    ViolationType type,
    Instant observedAt,
    double measuredSpeedKmh,
    int limitKmh,
    int priorOffencesInPeriod) {
  public Offence {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(observedAt, "observedAt");
    if (priorOffencesInPeriod < 0) {
      throw new IllegalArgumentException(
          "priorOffencesInPeriod must be 0 or more, was " + priorOffencesInPeriod);
    }
    if (isSpeed(type)) {
      if (!Double.isFinite(measuredSpeedKmh) || measuredSpeedKmh < 0) {
        throw new IllegalArgumentException(
            type + " needs a finite measured speed of 0 km/h or more, was " + measuredSpeedKmh);
      }
      if (limitKmh < 1 || limitKmh > 300) {
        throw new IllegalArgumentException(
            type + " needs a limit between 1 and 300 km/h, was " + limitKmh);
      }
    } else if (!Double.isNaN(measuredSpeedKmh) || limitKmh != 0) {
      throw new IllegalArgumentException(
          type
              + " is not a speed offence: speed must be NaN and limit 0, was "
              + measuredSpeedKmh
              + " and "
              + limitKmh);
    }
  }

  /** A spot or section speed offence. */
  public static Offence speeding(
      ViolationType type, Instant observedAt, double measuredKmh, int limitKmh, int prior) {
    return new Offence(type, observedAt, measuredKmh, limitKmh, prior);
  }

  /** An offence not graded by speed. */
  public static Offence of(ViolationType type, Instant observedAt, int prior) {
    return new Offence(type, observedAt, Double.NaN, 0, prior);
  }

  /** Whether {@code type} is graded by speed. */
  public static boolean isSpeed(ViolationType type) {
    return type == ViolationType.SPEED || type == ViolationType.SECTION_SPEED;
  }
}
