package org.vigil.traffic;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.vigil.detection.VehicleClass;

/**
 * The traffic statistics of one camera and lane over one period, as they are read back: aggregate
 * figures only, nothing about any one vehicle.
 *
 * @param cameraId the camera, not blank
 * @param lane the lane, from 1, or 0 when the cameras did not say
 * @param start the start of the period, a whole minute, hour or day in UTC as {@code resolution}
 *     says
 * @param resolution the length of the period
 * @param vehicles how many vehicles passed, with or without a measured speed
 * @param measuredVehicles how many of them had a measured speed, at most {@code vehicles}
 * @param meanSpeedKmh the mean of the measured speeds, or NaN when {@code measuredVehicles} is 0
 * @param p85SpeedKmh the 85th percentile of the measured speeds as {@link
 *     TrafficTally#percentileKmh} defines it (a whole km/h, nearest rank on 1 km/h bins), or NaN
 * @param overLimitShare the share of measured vehicles over the limit in force for each (limit plus
 *     tolerance), 0 to 1, or NaN when none was measured
 * @param classes how many vehicles of each class; every class is present and they sum to {@code
 *     vehicles}
 */
public record TrafficStat(
    String cameraId,
    int lane,
    Instant start,
    Resolution resolution,
    long vehicles,
    long measuredVehicles,
    double meanSpeedKmh,
    double p85SpeedKmh,
    double overLimitShare,
    Map<VehicleClass, Long> classes) {
  public TrafficStat {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(classes, "classes");
    if (cameraId.isBlank()) {
      throw new IllegalArgumentException("cameraId must not be blank, was '" + cameraId + "'");
    }
    if (lane < 0) {
      throw new IllegalArgumentException("lane must be 0 or more, was " + lane);
    }
    if (!resolution.isStart(start)) {
      throw new IllegalArgumentException(
          "start must be the start of a " + resolution + " in UTC, was " + start);
    }
    if (vehicles < 0) {
      throw new IllegalArgumentException("vehicles must be 0 or more, was " + vehicles);
    }
    if (measuredVehicles < 0 || measuredVehicles > vehicles) {
      throw new IllegalArgumentException(
          "measuredVehicles must be between 0 and vehicles ("
              + vehicles
              + "), was "
              + measuredVehicles);
    }
    boolean measured = measuredVehicles > 0;
    checkSpeed("meanSpeedKmh", meanSpeedKmh, measured, TrafficTally.MAX_SUM_SPEED_KMH);
    checkSpeed("p85SpeedKmh", p85SpeedKmh, measured, TrafficTally.TOP_BIN_KMH);
    checkSpeed("overLimitShare", overLimitShare, measured, 1);
    EnumMap<VehicleClass, Long> copy = new EnumMap<>(VehicleClass.class);
    long sum = 0;
    for (VehicleClass c : VehicleClass.values()) {
      Long n = classes.get(c);
      if (n == null || n < 0) {
        throw new IllegalArgumentException(
            "classes must hold a count of 0 or more for " + c + ", held " + n);
      }
      copy.put(c, n);
      sum += n;
    }
    if (sum != vehicles) {
      throw new IllegalArgumentException(
          "classes must sum to vehicles (" + vehicles + "), summed to " + sum);
    }
    classes = Collections.unmodifiableMap(copy);
  }

  private static void checkSpeed(String name, double value, boolean measured, double max) {
    if (!measured) {
      if (!Double.isNaN(value)) {
        throw new IllegalArgumentException(
            name + " must be NaN when no speed was measured, was " + value);
      }
    } else if (!(value >= 0 && value <= max)) {
      throw new IllegalArgumentException(name + " must be between 0 and " + max + ", was " + value);
    }
  }

  /** The statistics of {@code tally}, for the period of {@code resolution} that starts the key. */
  public static TrafficStat of(TrafficKey key, Resolution resolution, TrafficTally tally) {
    Map<VehicleClass, Long> classes = new EnumMap<>(VehicleClass.class);
    for (VehicleClass c : VehicleClass.values()) {
      classes.put(c, tally.count(c));
    }
    return new TrafficStat(
        key.cameraId(),
        key.lane(),
        key.start(),
        resolution,
        tally.vehicles(),
        tally.measured(),
        tally.meanSpeedKmh(),
        tally.p85SpeedKmh(),
        tally.overLimitShare(),
        classes);
  }
}
