package org.vigil.enforcement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The fine a violation carries under the tariff in force at its {@code observedAt}, as recorded
 * with it. Repeat offences are not counted here: whether an offence repeats depends on earlier
 * confirmed penalties, which the case decides.
 *
 * @param outcome the tariff's answer: {@code FINE}, {@code COURT}, {@code BELOW_THRESHOLD}, {@code
 *     NO_TARIFF} or {@code NO_UNIT_VALUE}
 * @param retainedSpeedKmh the measured speed less the technical margin; NaN for offences not graded
 *     by speed
 * @param amount the fine, for {@code FINE}; otherwise {@code null}
 * @param currency its currency, e.g. {@code KZT}; {@code null} when no tariff was in force
 * @param discountedAmount the amount when paid early, or {@code null}
 * @param discountWithinDays the early-payment window; 0 when there is none
 * @param basis the legal basis, e.g. {@code CoAO RK art. 592 part 2}, or {@code null}
 * @param explanation one line in words
 */
public record Fine(
    String outcome,
    double retainedSpeedKmh,
    BigDecimal amount,
    String currency,
    BigDecimal discountedAmount,
    int discountWithinDays,
    String basis,
    String explanation) {
  public Fine {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(explanation, "explanation");
  }
}
