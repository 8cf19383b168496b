package org.vigil.traffic;

import java.util.Arrays;
import java.util.Objects;
import org.vigil.detection.VehicleClass;

/**
 * What is known of the vehicles that passed one place in one period: counts and a speed histogram,
 * never anything about one vehicle. Tallies are additive: the tally of two sets of passages is the
 * {@link #plus sum} of their tallies, so minute, hour and day figures are plain sums and a late
 * passage simply adds to its period. Immutable.
 *
 * <p>Speeds are kept two ways. For the mean, their exact sum in thousandths of a km/h (each speed
 * rounded to the nearest 0.001 km/h, clamped to 0..{@value #MAX_SUM_SPEED_KMH} km/h), so that sums
 * are exact whatever the order of addition. For percentiles, a histogram of 1 km/h bins: a speed
 * falls in the bin of its value rounded half up to a whole km/h, clamped to 0..{@value
 * #TOP_BIN_KMH}; bin {@value #TOP_BIN_KMH} means "{@value #TOP_BIN_KMH} km/h or more". Only the
 * bins from the lowest to the highest one used are kept ({@link #histogramLow}, {@link
 * #histogram}).
 */
public final class TrafficTally {
  /** The highest bin of the histogram, which holds this speed and every higher one. */
  public static final int TOP_BIN_KMH = 300;

  /** The highest speed the sum of speeds takes at face value; a higher one adds this much. */
  public static final int MAX_SUM_SPEED_KMH = 1000;

  private static final int CLASSES = VehicleClass.values().length;
  private static final long[] NO_BINS = new long[0];

  /** The tally of no vehicle at all. */
  public static final TrafficTally EMPTY =
      new TrafficTally(0, 0, 0, 0, new long[CLASSES], 0, NO_BINS);

  private final long vehicles;
  private final long measured;
  private final long speedSumMilliKmh;
  private final long overLimit;
  private final long[] classCounts;
  private final int histogramLow;
  private final long[] histogram;

  private TrafficTally(
      long vehicles,
      long measured,
      long speedSumMilliKmh,
      long overLimit,
      long[] classCounts,
      int histogramLow,
      long[] histogram) {
    this.vehicles = vehicles;
    this.measured = measured;
    this.speedSumMilliKmh = speedSumMilliKmh;
    this.overLimit = overLimit;
    this.classCounts = classCounts;
    this.histogramLow = histogramLow;
    this.histogram = histogram;
  }

  /** The tally of one passage. */
  public static TrafficTally of(Passage p) {
    long[] classes = new long[CLASSES];
    classes[p.vehicleClass().ordinal()] = 1;
    if (!p.hasSpeed()) {
      return new TrafficTally(1, 0, 0, 0, classes, 0, NO_BINS);
    }
    return new TrafficTally(
        1,
        1,
        milliKmh(p.speedKmh()),
        p.overLimit() ? 1 : 0,
        classes,
        bin(p.speedKmh()),
        new long[] {1});
  }

  /**
   * A tally as it was stored, checked for consistency.
   *
   * @param vehicles how many vehicles passed
   * @param measured how many of them had a measured speed, at most {@code vehicles}
   * @param speedSumMilliKmh the sum of their speeds in thousandths of a km/h
   * @param overLimit how many of the measured were over the limit, at most {@code measured}
   * @param classCounts how many of each {@link VehicleClass}, by ordinal; they sum to {@code
   *     vehicles}
   * @param histogramLow the speed of {@code histogram[0]}, 0 to {@value #TOP_BIN_KMH}
   * @param histogram counts per 1 km/h bin from {@code histogramLow}; they sum to {@code measured}
   * @throws IllegalArgumentException naming the inconsistent value
   */
  public static TrafficTally restore(
      long vehicles,
      long measured,
      long speedSumMilliKmh,
      long overLimit,
      long[] classCounts,
      int histogramLow,
      long[] histogram) {
    nonNegative("vehicles", vehicles);
    nonNegative("measured", measured);
    nonNegative("speedSumMilliKmh", speedSumMilliKmh);
    nonNegative("overLimit", overLimit);
    if (measured > vehicles) {
      throw new IllegalArgumentException(
          "measured must be at most vehicles (" + vehicles + "), was " + measured);
    }
    if (overLimit > measured) {
      throw new IllegalArgumentException(
          "overLimit must be at most measured (" + measured + "), was " + overLimit);
    }
    Objects.requireNonNull(classCounts, "classCounts");
    Objects.requireNonNull(histogram, "histogram");
    if (classCounts.length != CLASSES) {
      throw new IllegalArgumentException(
          "classCounts must have " + CLASSES + " entries, had " + classCounts.length);
    }
    long classSum = 0;
    for (VehicleClass c : VehicleClass.values()) {
      nonNegative("count of " + c, classCounts[c.ordinal()]);
      classSum += classCounts[c.ordinal()];
    }
    if (classSum != vehicles) {
      throw new IllegalArgumentException(
          "class counts must sum to vehicles (" + vehicles + "), summed to " + classSum);
    }
    if (histogramLow < 0 || histogramLow + histogram.length > TOP_BIN_KMH + 1) {
      throw new IllegalArgumentException(
          "histogram must lie within 0.."
              + TOP_BIN_KMH
              + " km/h, was "
              + histogramLow
              + ".."
              + (histogramLow + histogram.length - 1));
    }
    long binSum = 0;
    for (int i = 0; i < histogram.length; i++) {
      nonNegative("histogram bin " + (histogramLow + i), histogram[i]);
      binSum += histogram[i];
    }
    if (binSum != measured) {
      throw new IllegalArgumentException(
          "histogram must sum to measured (" + measured + "), summed to " + binSum);
    }
    return trimmed(
        vehicles,
        measured,
        speedSumMilliKmh,
        overLimit,
        classCounts.clone(),
        histogramLow,
        histogram);
  }

  /** Builds a tally from a histogram that may have unused bins at either end; copies it. */
  static TrafficTally trimmed(
      long vehicles,
      long measured,
      long speedSumMilliKmh,
      long overLimit,
      long[] classCounts,
      int low,
      long[] bins) {
    int first = 0;
    while (first < bins.length && bins[first] == 0) {
      first++;
    }
    if (first == bins.length) {
      return new TrafficTally(
          vehicles, measured, speedSumMilliKmh, overLimit, classCounts, 0, NO_BINS);
    }
    int last = bins.length - 1;
    while (bins[last] == 0) {
      last--;
    }
    return new TrafficTally(
        vehicles,
        measured,
        speedSumMilliKmh,
        overLimit,
        classCounts,
        low + first,
        Arrays.copyOfRange(bins, first, last + 1));
  }

  /** The histogram bin of {@code speedKmh}: rounded half up to a whole km/h, clamped to 0..300. */
  public static int bin(double speedKmh) {
    return (int) Math.min(TOP_BIN_KMH, Math.max(0, Math.round(speedKmh)));
  }

  /** {@code speedKmh} in thousandths of a km/h, rounded, clamped to 0..1000 km/h. */
  static long milliKmh(double speedKmh) {
    return Math.round(Math.min(MAX_SUM_SPEED_KMH, Math.max(0, speedKmh)) * 1000);
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
    }
  }

  /** The tally of both sets of passages. */
  public TrafficTally plus(TrafficTally other) {
    if (other.vehicles == 0) {
      return this;
    }
    if (vehicles == 0) {
      return other;
    }
    long[] classes = new long[CLASSES];
    for (int i = 0; i < CLASSES; i++) {
      classes[i] = classCounts[i] + other.classCounts[i];
    }
    long[] bins;
    int low;
    if (histogram.length == 0) {
      low = other.histogramLow;
      bins = other.histogram;
    } else if (other.histogram.length == 0) {
      low = histogramLow;
      bins = histogram;
    } else {
      low = Math.min(histogramLow, other.histogramLow);
      int high =
          Math.max(histogramLow + histogram.length, other.histogramLow + other.histogram.length);
      bins = new long[high - low];
      for (int i = 0; i < histogram.length; i++) {
        bins[histogramLow - low + i] += histogram[i];
      }
      for (int i = 0; i < other.histogram.length; i++) {
        bins[other.histogramLow - low + i] += other.histogram[i];
      }
    }
    return new TrafficTally(
        vehicles + other.vehicles,
        measured + other.measured,
        speedSumMilliKmh + other.speedSumMilliKmh,
        overLimit + other.overLimit,
        classes,
        low,
        bins);
  }

  /** How many vehicles passed, measured or not. */
  public long vehicles() {
    return vehicles;
  }

  /** How many of them had a measured speed. */
  public long measured() {
    return measured;
  }

  /** The sum of the measured speeds, in thousandths of a km/h. */
  public long speedSumMilliKmh() {
    return speedSumMilliKmh;
  }

  /** How many measured vehicles were over the limit in force for them (limit plus tolerance). */
  public long overLimit() {
    return overLimit;
  }

  /** How many vehicles of {@code vehicleClass} passed. */
  public long count(VehicleClass vehicleClass) {
    return classCounts[vehicleClass.ordinal()];
  }

  /** The count of each vehicle class, by {@link VehicleClass#ordinal()}; a copy. */
  public long[] classCounts() {
    return classCounts.clone();
  }

  /** The speed, in km/h, of the first bin of {@link #histogram()}; 0 when it is empty. */
  public int histogramLow() {
    return histogramLow;
  }

  /**
   * Vehicles per 1 km/h bin from {@link #histogramLow()} to the highest bin used; empty when no
   * speed was measured. A copy.
   */
  public long[] histogram() {
    return histogram.clone();
  }

  /** The arithmetic mean of the measured speeds in km/h, or NaN when none was measured. */
  public double meanSpeedKmh() {
    return measured == 0 ? Double.NaN : speedSumMilliKmh / 1000.0 / measured;
  }

  /**
   * The {@code percent}-th percentile of the measured speeds, by nearest rank on the histogram:
   * with n measured vehicles, the rank r = ⌈percent × n / 100⌉ (at least 1), and the answer is the
   * lowest bin whose cumulative count reaches r. It is thus a whole km/h, the r-th smallest speed
   * rounded half up and clamped to 0..{@value #TOP_BIN_KMH}, and NaN when no speed was measured.
   *
   * @param percent 1 to 100
   */
  public double percentileKmh(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 1 and 100, was " + percent);
    }
    if (measured == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, Math.ceilDiv(percent * measured, 100));
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        return histogramLow + i;
      }
    }
    throw new IllegalStateException("histogram sums to " + seen + ", fewer than " + measured);
  }

  /** The 85th percentile of the measured speeds ({@link #percentileKmh}), or NaN. */
  public double p85SpeedKmh() {
    return percentileKmh(85);
  }

  /** The share of measured vehicles over the limit, 0 to 1, or NaN when none was measured. */
  public double overLimitShare() {
    return measured == 0 ? Double.NaN : (double) overLimit / measured;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficTally t
        && vehicles == t.vehicles
        && measured == t.measured
        && speedSumMilliKmh == t.speedSumMilliKmh
        && overLimit == t.overLimit
        && histogramLow == t.histogramLow
        && Arrays.equals(classCounts, t.classCounts)
        && Arrays.equals(histogram, t.histogram);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        vehicles,
        measured,
        speedSumMilliKmh,
        overLimit,
        histogramLow,
        Arrays.hashCode(classCounts),
        Arrays.hashCode(histogram));
  }

  @Override
  public String toString() {
    return "TrafficTally[vehicles="
        + vehicles
        + ", measured="
        + measured
        + ", speedSumMilliKmh="
        + speedSumMilliKmh
        + ", overLimit="
        + overLimit
        + ", classes="
        + Arrays.toString(classCounts)
        + ", histogram from "
        + histogramLow
        + "="
        + Arrays.toString(histogram)
        + "]";
  }
}
