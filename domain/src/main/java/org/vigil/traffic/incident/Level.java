package org.vigil.traffic.incident;

/**
 * A level of traffic at one camera over some span: how many vehicles per minute, and their mean
 * speed.
 *
 * @param vehiclesPerMinute vehicles per minute, 0 or more
 * @param meanSpeedKmh the mean measured speed, or {@link Double#NaN} when nothing was measured
 * @param speedReadings how many speeds the mean is made of, 0 or more (0 exactly when the mean is
 *     NaN)
 */
public record Level(double vehiclesPerMinute, double meanSpeedKmh, long speedReadings) {
  public Level {
    if (!(vehiclesPerMinute >= 0) || Double.isInfinite(vehiclesPerMinute)) {
      throw new IllegalArgumentException(
          "vehiclesPerMinute must be finite and 0 or more, was " + vehiclesPerMinute);
    }
    if (speedReadings < 0) {
      throw new IllegalArgumentException(
          "speedReadings must not be negative, was " + speedReadings);
    }
    if (Double.isNaN(meanSpeedKmh) != (speedReadings == 0)) {
      throw new IllegalArgumentException(
          "meanSpeedKmh "
              + meanSpeedKmh
              + " must be NaN exactly when there are no speed readings, there are "
              + speedReadings);
    }
    if (!Double.isNaN(meanSpeedKmh) && (meanSpeedKmh < 0 || Double.isInfinite(meanSpeedKmh))) {
      throw new IllegalArgumentException(
          "meanSpeedKmh must be finite and 0 or more, was " + meanSpeedKmh);
    }
  }

  /** The level of {@code vehicles} vehicles over {@code minutes}, with these speed sums. */
  public static Level of(double vehicles, double minutes, double speedSum, long speedReadings) {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("minutes must be more than 0, was " + minutes);
    }
    return new Level(
        vehicles / minutes,
        speedReadings == 0 ? Double.NaN : speedSum / speedReadings,
        speedReadings);
  }

  /** Whether a mean speed is known. */
  public boolean hasSpeed() {
    return speedReadings > 0;
  }
}
