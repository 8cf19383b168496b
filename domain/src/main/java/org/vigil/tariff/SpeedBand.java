package org.vigil.tariff;

import java.util.Objects;

/**
 * One line of a speeding table: how far the retained speed is over the limit, optionally for which
 * limits, and the penalty for a first offence and for a repeat.
 *
 * @param over how far the retained speed is over the limit, e.g. more than 10 up to 20 km/h
 * @param limit the limits the line applies to (France: up to 50, or more than 50 km/h); {@code
 *     null} for every limit
 * @param penalty the penalty for a first offence
 * @param repeat the penalty for a repeat within the version's {@link RepeatRule}; {@code null} when
 *     a repeat costs the same
 */
public record SpeedBand(SpeedRange over, SpeedRange limit, Penalty penalty, Penalty repeat) {
  public SpeedBand {
    Objects.requireNonNull(over, "over");
    Objects.requireNonNull(penalty, "penalty");
  }

  /** A line for every limit with no separate repeat penalty. */
  public static SpeedBand of(SpeedRange over, Penalty penalty) {
    return new SpeedBand(over, null, penalty, null);
  }

  /** Whether the line applies to {@code excessKmh} over a limit of {@code limitKmh}. */
  public boolean applies(double excessKmh, int limitKmh) {
    return over.contains(excessKmh) && appliesToLimit(limitKmh);
  }

  /** Whether the line applies under a limit of {@code limitKmh}. */
  public boolean appliesToLimit(int limitKmh) {
    return limit == null || limit.contains(limitKmh);
  }

  /** The penalty for an offender with {@code priorOffences} in the repeat period. */
  public Penalty penaltyFor(int priorOffences) {
    return priorOffences > 0 && repeat != null ? repeat : penalty;
  }

  /** A short label, e.g. {@code 20-40}. */
  public String label() {
    return over.label();
  }
}
