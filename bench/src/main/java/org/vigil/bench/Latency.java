package org.vigil.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * A summary of a latency histogram recorded in microseconds.
 *
 * @param count how many posts
 * @param p50Ms the median in milliseconds
 * @param p99Ms the 99th percentile in milliseconds
 * @param maxMs the largest in milliseconds
 * @param meanMs the mean in milliseconds
 */
record Latency(long count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

  /** The highest latency a histogram holds: longer than any post may take. */
  static final long HIGHEST_MICROS = 10 * 60 * 1_000_000L;

  /** An empty histogram for microseconds up to {@link #HIGHEST_MICROS}, three digits precise. */
  static Histogram histogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  /** The summary of {@code micros}. */
  static Latency of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Latency(
        micros.getTotalCount(),
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0,
        micros.getMean() / 1000.0);
  }

  /** E.g. {@code p50 81.2 ms · p99 140.5 ms · max 301.0 ms}. */
  String text() {
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms · p99 %.1f ms · max %.1f ms · mean %.1f ms",
        p50Ms,
        p99Ms,
        maxMs,
        meanMs);
  }
}
