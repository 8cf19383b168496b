package org.vigil.tariff;

import java.math.BigDecimal;
import java.util.Objects;

/** What the law sets for an offence: a fixed fine, or no fixed fine because a court decides. */
public sealed interface Penalty {

  /** Where the figure comes from. */
  Legal legal();

  /**
   * A fixed fine in the version's unit (e.g. 10 MCI, or 135 EUR).
   *
   * @param units the fine, 0 or more
   * @param discountedUnits the explicit reduced fine for early payment (the French "minorée"), at
   *     most {@code units}; {@code null} when there is none or the discount is a percentage
   * @param increasedUnits the increased fine after the escalation deadline (the French "majorée"),
   *     at least {@code units}; {@code null} when the law sets none
   * @param legal where the figures come from
   */
  record Fine(BigDecimal units, BigDecimal discountedUnits, BigDecimal increasedUnits, Legal legal)
      implements Penalty {
    public Fine {
      Objects.requireNonNull(units, "units");
      Objects.requireNonNull(legal, "legal");
      if (units.signum() < 0) {
        throw new IllegalArgumentException("the fine must not be negative, was " + units);
      }
      if (discountedUnits != null
          && (discountedUnits.signum() < 0 || discountedUnits.compareTo(units) > 0)) {
        throw new IllegalArgumentException(
            "the reduced fine must be between 0 and " + units + ", was " + discountedUnits);
      }
      if (increasedUnits != null && increasedUnits.compareTo(units) < 0) {
        throw new IllegalArgumentException(
            "the increased fine must be at least " + units + ", was " + increasedUnits);
      }
    }

    /** A plain fine with neither reduced nor increased amount. */
    public static Fine of(long units, Legal legal) {
      return new Fine(BigDecimal.valueOf(units), null, null, legal);
    }
  }

  /**
   * No fixed fine: the offence is referred to a court (e.g. a French class-5 contravention).
   *
   * @param legal the basis of the referral
   */
  record Court(Legal legal) implements Penalty {
    public Court {
      Objects.requireNonNull(legal, "legal");
    }
  }
}
