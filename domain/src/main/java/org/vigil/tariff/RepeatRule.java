package org.vigil.tariff;

import java.time.Period;
import java.util.Objects;

/**
 * When an offence counts as a repeat: the offender had another offence of the same kind within
 * {@code within} before it. The caller counts those ({@link Offence#priorOffencesInPeriod()}); a
 * band or flat fine then applies its repeat penalty, if it has one.
 *
 * @param within the look-back period, e.g. one year; positive
 * @param legal where the rule comes from
 */
public record RepeatRule(Period within, Legal legal) {
  public RepeatRule {
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(legal, "legal");
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("the repeat period must be positive, was " + within);
    }
  }
}
