package org.vigil.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The technical margin deducted from a measured speed to give the speed the authority retains,
 * against which the excess over the limit is counted.
 */
public sealed interface SpeedMargin {

  /**
   * The retained speed for {@code measuredKmh}; never negative.
   *
   * @param measuredKmh a finite speed, 0 or more
   */
  double retained(double measuredKmh);

  /** No margin: the retained speed is the measured one, unrounded (Kazakhstan). */
  record None() implements SpeedMargin {
    @Override
    public double retained(double measuredKmh) {
      return measuredKmh;
    }
  }

  /**
   * A margin in km/h below a threshold and in per cent at or above it, the result rounded down to
   * whole km/h. French fixed radars: 5 km/h under 100 km/h, 5 % from 100 km/h, so 99 gives 94, 100
   * gives 95 and 120 gives 114.
   *
   * @param thresholdKmh the measured speed from which the percentage applies, 1 or more
   * @param belowKmh the margin in km/h below the threshold, 0 or more
   * @param percentFrom the margin in per cent at or above the threshold, 0 to 100
   */
  record KmhThenPercent(int thresholdKmh, int belowKmh, int percentFrom) implements SpeedMargin {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public KmhThenPercent {
      if (thresholdKmh < 1) {
        throw new IllegalArgumentException(
            "the threshold must be 1 km/h or more, was " + thresholdKmh);
      }
      if (belowKmh < 0) {
        throw new IllegalArgumentException("the margin must be 0 km/h or more, was " + belowKmh);
      }
      if (percentFrom < 0 || percentFrom > 100) {
        throw new IllegalArgumentException(
            "the margin must be between 0 and 100 %, was " + percentFrom);
      }
    }

    @Override
    public double retained(double measuredKmh) {
      BigDecimal measured = BigDecimal.valueOf(measuredKmh);
      BigDecimal kept =
          measuredKmh < thresholdKmh
              ? measured.subtract(BigDecimal.valueOf(belowKmh))
              : measured.multiply(BigDecimal.valueOf(100L - percentFrom)).divide(HUNDRED);
      return Math.max(0, kept.setScale(0, RoundingMode.FLOOR).doubleValue());
    }
  }
}
