package org.vigil.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic: amounts in the currency, rounded half-up to cents, whole ones without. */
final class Amounts {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Amounts() {}

  static BigDecimal of(BigDecimal units, BigDecimal unitValue) {
    return round(units.multiply(unitValue));
  }

  static BigDecimal percentOff(BigDecimal amount, BigDecimal percent) {
    return round(amount.multiply(HUNDRED.subtract(percent)).divide(HUNDRED));
  }

  static BigDecimal round(BigDecimal amount) {
    BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
    return cents.stripTrailingZeros().scale() <= 0 ? cents.setScale(0) : cents;
  }
}
