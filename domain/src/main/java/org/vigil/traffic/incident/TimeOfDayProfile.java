package org.vigil.traffic.incident;

import java.util.Arrays;

/**
 * One camera's usual level per time-of-day slot (of UTC time; a fixed zone offset changes nothing,
 * a daylight-saving change shifts the profile by an hour until it relearns). Each slot of the day
 * holds an exponentially weighted mean across days of the flow per slot and of the mean speed. A
 * day counts for a time-of-day slot only when at least half of that slot's spans were seen clean
 * (outside an incident). Fed in time order, by one evaluating thread under the camera's lock.
 */
final class TimeOfDayProfile {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final long MIN_SPEED_READINGS = 30;

  private final long bucketMillis;
  private final int slotsPerBucket;
  private final double weight;
  private final double[] flowPerSlot;
  private final double[] speed;
  private final long[] speedReadings;

  private long day = Long.MIN_VALUE;
  private int bucket;
  private long vehicles;
  private int slots;
  private double speedSum;
  private long readings;

  TimeOfDayProfile(long bucketMillis, long slotMillis, double weight) {
    this.bucketMillis = bucketMillis;
    this.slotsPerBucket = (int) (bucketMillis / slotMillis);
    this.weight = weight;
    int buckets = (int) (DAY_MILLIS / bucketMillis);
    this.flowPerSlot = new double[buckets];
    this.speed = new double[buckets];
    this.speedReadings = new long[buckets];
    Arrays.fill(flowPerSlot, Double.NaN);
    Arrays.fill(speed, Double.NaN);
  }

  /** Adds the slot starting at {@code startMillis}; a slot that is not clean only takes time. */
  void add(long startMillis, boolean clean, int slotVehicles, long slotReadings, double slotSpeed) {
    long d = Math.floorDiv(startMillis, DAY_MILLIS);
    int b = (int) (Math.floorMod(startMillis, DAY_MILLIS) / bucketMillis);
    if (d != day || b != bucket) {
      finish();
      day = d;
      bucket = b;
    }
    if (clean) {
      vehicles += slotVehicles;
      slots++;
      speedSum += slotSpeed;
      readings += slotReadings;
    }
  }

  /** Forgets the part of a time-of-day slot seen so far, after a gap in what was fed. */
  void interrupt() {
    day = Long.MIN_VALUE;
    reset();
  }

  private void finish() {
    if (day != Long.MIN_VALUE && slots * 2 >= slotsPerBucket) {
      double flow = (double) vehicles / slots;
      flowPerSlot[bucket] =
          Double.isNaN(flowPerSlot[bucket])
              ? flow
              : weight * flow + (1 - weight) * flowPerSlot[bucket];
      if (readings >= MIN_SPEED_READINGS) {
        double mean = speedSum / readings;
        speed[bucket] =
            Double.isNaN(speed[bucket]) ? mean : weight * mean + (1 - weight) * speed[bucket];
        speedReadings[bucket] = readings;
      }
    }
    reset();
  }

  private void reset() {
    vehicles = 0;
    slots = 0;
    speedSum = 0;
    readings = 0;
  }

  /**
   * The usual level at {@code atMillis}, per minute given slots of {@code slotMinutes}, or null
   * when that time of day has no history yet.
   */
  Level usual(long atMillis, double slotMinutes) {
    int b = (int) (Math.floorMod(atMillis, DAY_MILLIS) / bucketMillis);
    if (Double.isNaN(flowPerSlot[b])) {
      return null;
    }
    boolean hasSpeed = !Double.isNaN(speed[b]);
    return new Level(
        flowPerSlot[b] / slotMinutes,
        hasSpeed ? speed[b] : Double.NaN,
        hasSpeed ? speedReadings[b] : 0);
  }
}
