package org.vigil.tariff;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The reduction for paying within a window after the notice: either a percentage off every fine
 * (Kazakhstan: 50 % within 7 days) or, when {@code percentOff} is {@code null}, the explicit
 * reduced amount each {@link Penalty.Fine} carries (France: the "minorée", 90 EUR instead of 135
 * EUR within 15 days). A fine without a reduced amount then has no reduction.
 *
 * @param withinDays the window after the notice, 1 or more days
 * @param percentOff the reduction, above 0 and below 100; {@code null} for explicit amounts
 * @param legal where the rule comes from
 */
public record EarlyPayment(int withinDays, BigDecimal percentOff, Legal legal) {
  public EarlyPayment {
    Objects.requireNonNull(legal, "legal");
    if (withinDays < 1) {
      throw new IllegalArgumentException(
          "the discount window must be 1 day or more, was " + withinDays);
    }
    if (percentOff != null
        && (percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) >= 0)) {
      throw new IllegalArgumentException(
          "the discount must be above 0 and below 100 %, was " + percentOff);
    }
  }

  /** Whether the discount is a percentage rather than an explicit amount per fine. */
  public boolean isPercentage() {
    return percentOff != null;
  }
}
