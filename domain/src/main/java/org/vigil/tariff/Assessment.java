package org.vigil.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a tariff says about one offence.
 *
 * <p>Amounts are in the currency, rounded half-up to cents (whole amounts have no fraction), and
 * are set only for {@link Outcome#FINE}; otherwise they are {@code null}. The speeds are NaN for an
 * offence not graded by speed, and also when no version was in force.
 *
 * @param outcome what the tariff says
 * @param jurisdiction the jurisdiction asked for
 * @param versionFrom the first day of the version applied; {@code null} when none was in force
 * @param legal the legal basis and source of the penalty; {@code null} when no penalty applies
 * @param retainedSpeedKmh the measured speed less the technical margin
 * @param excessKmh the retained speed less the limit
 * @param repeat whether the repeat penalty was applied
 * @param units the fine in the tariff's unit (e.g. 10 for 10 MCI)
 * @param unit the tariff's unit (e.g. {@code MCI}); {@code null} when no version was in force
 * @param amount the fine in the currency (e.g. 39320 KZT)
 * @param currency the currency, e.g. {@code KZT}; {@code null} when no version was in force
 * @param discountedAmount the amount when paid early; {@code null} when there is no discount
 * @param discountWithinDays the early-payment window after the notice; 0 when there is none
 * @param increasedAmount the amount after the escalation deadline; {@code null} when none is set
 * @param deadlines the notice, payment and escalation deadlines of a fine; {@code null} otherwise
 * @param explanation one line in words, e.g. for a notice or a log
 */
public record Assessment(
    Outcome outcome,
    String jurisdiction,
    LocalDate versionFrom,
    Legal legal,
    double retainedSpeedKmh,
    double excessKmh,
    boolean repeat,
    BigDecimal units,
    String unit,
    BigDecimal amount,
    String currency,
    BigDecimal discountedAmount,
    int discountWithinDays,
    BigDecimal increasedAmount,
    Deadlines deadlines,
    String explanation) {
  public Assessment {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(explanation, "explanation");
    boolean fine = outcome == Outcome.FINE;
    if (fine != (amount != null) || fine != (units != null) || fine != (deadlines != null)) {
      throw new IllegalArgumentException(
          "units, amount and deadlines are set exactly for a FINE, outcome was " + outcome);
    }
    if ((discountedAmount != null) != (discountWithinDays > 0)) {
      throw new IllegalArgumentException(
          "a discounted amount needs its window and only it, was " + discountWithinDays + " days");
    }
  }

  /** A {@link Outcome#NO_TARIFF} answer with no version, penalty or amounts, saying why. */
  public static Assessment noTariff(String jurisdiction, String explanation) {
    return new Assessment(
        Outcome.NO_TARIFF,
        jurisdiction,
        null,
        null,
        Double.NaN,
        Double.NaN,
        false,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        explanation);
  }

  /** Whether a fixed fine applies. */
  public boolean isFine() {
    return outcome == Outcome.FINE;
  }

  /** The legal basis text, e.g. {@code CoAO RK art. 592 part 2}; {@code null} when none. */
  public String basis() {
    return legal == null ? null : legal.basis();
  }
}
