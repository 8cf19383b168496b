package org.vigil.site;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of road between two cameras over which the average speed is enforced.
 *
 * @param id the section's identifier, unique among sections
 * @param entryCameraId the camera at the start
 * @param exitCameraId the camera at the end, not the entry camera
 * @param distanceM the length of the stretch in metres, more than 0 and at most 100 km
 * @param limits the speed limits over the stretch; the one in force at the exit applies
 */
public record Section(
    String id, String entryCameraId, String exitCameraId, double distanceM, SpeedLimits limits) {
  public Section {
    SiteIds.check("id", id);
    SiteIds.check("entryCameraId", entryCameraId);
    SiteIds.check("exitCameraId", exitCameraId);
    if (entryCameraId.equals(exitCameraId)) {
      throw new IllegalArgumentException(
          "exitCameraId must differ from entryCameraId, both were '" + entryCameraId + "'");
    }
    if (!(distanceM > 0 && distanceM <= 100_000)) {
      throw new IllegalArgumentException(
          "distanceM must be more than 0 and at most 100000, was " + distanceM);
    }
    Objects.requireNonNull(limits, "limits");
  }

  /** A section with one posted limit. */
  public Section(
      String id, String entryCameraId, String exitCameraId, double distanceM, SpeedLimit limit) {
    this(id, entryCameraId, exitCameraId, distanceM, SpeedLimits.of(limit));
  }

  /** The posted limit and tolerance. */
  public SpeedLimit limit() {
    return limits.posted();
  }

  /** This section with other limits, e.g. a new sign setting. */
  public Section withLimits(SpeedLimits next) {
    return new Section(id, entryCameraId, exitCameraId, distanceM, next);
  }

  /**
   * The shortest travel time that is not an offence for any vehicle at any time: the time to drive
   * the section at exactly the highest limit plus the tolerance. An entry sighting older than this
   * can no longer produce a violation.
   */
  public Duration shortestLegalTravelTime() {
    double seconds = distanceM / (limits.highest().thresholdKmh() / 3.6);
    return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
  }

  /**
   * Whether a vehicle that needed {@code travelTime} for the section drove faster than {@code
   * limit} plus tolerance. Decided in exact arithmetic, so that driving at exactly the limit plus
   * tolerance is never an offence through rounding.
   */
  public boolean isSpeeding(Duration travelTime, SpeedLimit limit) {
    long nanos = travelTime.toNanos();
    return nanos > 0 && distanceM * 3.6e9 > (double) limit.thresholdKmh() * nanos;
  }

  /**
   * The average speed in km/h of a vehicle that needed {@code travelTime} for the section, rounded
   * down to 0.01 km/h (rounding never counts against the driver).
   */
  public double averageSpeedKmh(Duration travelTime) {
    return Math.floor(distanceM * 3.6e9 / travelTime.toNanos() * 100) / 100;
  }
}
