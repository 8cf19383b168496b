package org.vigil.tariff;

import java.util.Objects;

/**
 * The penalty for an offence that is not graded by speed (red light, bus lane, ...).
 *
 * @param penalty the penalty for a first offence
 * @param repeat the penalty for a repeat within the version's {@link RepeatRule}; {@code null} when
 *     a repeat costs the same
 */
public record FlatFine(Penalty penalty, Penalty repeat) {
  public FlatFine {
    Objects.requireNonNull(penalty, "penalty");
  }

  /** A flat fine with no separate repeat penalty. */
  public static FlatFine of(Penalty penalty) {
    return new FlatFine(penalty, null);
  }

  /** The penalty for an offender with {@code priorOffences} in the repeat period. */
  public Penalty penaltyFor(int priorOffences) {
    return priorOffences > 0 && repeat != null ? repeat : penalty;
  }
}
