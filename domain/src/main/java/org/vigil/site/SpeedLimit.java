package org.vigil.site;

/**
 * A posted speed limit and the tolerance the authority grants above it.
 *
 * <p>A speed is an offence only when it is strictly greater than {@code limitKmh + toleranceKmh}:
 * exactly at the limit plus tolerance is not.
 *
 * @param limitKmh the posted limit, 1 to 300 km/h
 * @param toleranceKmh the tolerance above the limit, 0 to 50 km/h
 */
public record SpeedLimit(int limitKmh, int toleranceKmh) {
  public SpeedLimit {
    if (limitKmh < 1 || limitKmh > 300) {
      throw new IllegalArgumentException(
          "speedLimitKmh must be between 1 and 300, was " + limitKmh);
    }
    if (toleranceKmh < 0 || toleranceKmh > 50) {
      throw new IllegalArgumentException(
          "toleranceKmh must be between 0 and 50, was " + toleranceKmh);
    }
  }

  /** The highest speed that is not an offence, in km/h. */
  public int thresholdKmh() {
    return limitKmh + toleranceKmh;
  }

  /** Whether {@code speedKmh} is an offence under this limit. */
  public boolean isExceededBy(double speedKmh) {
    return speedKmh > thresholdKmh();
  }
}
