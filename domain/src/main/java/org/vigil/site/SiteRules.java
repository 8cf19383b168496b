package org.vigil.site;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a camera enforces besides speed, and how far its reads and measurements are trusted.
 *
 * @param timeZone the site's local time, for schedules and calibration dates
 * @param jurisdiction whose tariff applies, e.g. {@code KZ}
 * @param redLight red-light enforcement, or {@code null} when the camera watches no stop line
 * @param restrictedLanes lanes reserved to some classes
 * @param oneWay whether the site is one-way or divided, so that driving against the traffic is an
 *     offence
 * @param classBans classes banned at some times
 * @param minConfidence reads below this confidence go to the manual-read queue, 0 to 1
 * @param duplicateWindow two reads of one plate by this camera closer than this are one sighting
 * @param maxClockDrift violations are held for review while the camera's clock is off by more
 * @param calibrationValidUntil the last day the measuring certificate is valid, or {@code null}
 *     when the camera measures nothing that needs one
 */
public record SiteRules(
    ZoneId timeZone,
    String jurisdiction,
    RedLight redLight,
    List<RestrictedLane> restrictedLanes,
    boolean oneWay,
    List<ClassBan> classBans,
    double minConfidence,
    Duration duplicateWindow,
    Duration maxClockDrift,
    LocalDate calibrationValidUntil) {

  /** The default confidence threshold. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

  /** Reads of one plate closer than this are one sighting, by default. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(3);

  /** The default clock tolerance. */
  public static final Duration DEFAULT_MAX_CLOCK_DRIFT = Duration.ofSeconds(2);

  /** Speed only, in UTC, under the Kazakh tariff, with the default thresholds. */
  public static final SiteRules DEFAULTS =
      new SiteRules(
          ZoneId.of("UTC"),
          "KZ",
          null,
          List.of(),
          false,
          List.of(),
          DEFAULT_MIN_CONFIDENCE,
          DEFAULT_DUPLICATE_WINDOW,
          DEFAULT_MAX_CLOCK_DRIFT,
          null);

  public SiteRules {
    Objects.requireNonNull(timeZone, "timeZone");
    if (jurisdiction == null || !jurisdiction.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      throw new IllegalArgumentException(
          "jurisdiction must be an ISO 3166 code such as KZ or FR, was '" + jurisdiction + "'");
    }
    restrictedLanes = List.copyOf(restrictedLanes);
    classBans = List.copyOf(classBans);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "minConfidence must be between 0 and 1, was " + minConfidence);
    }
    if (duplicateWindow.isNegative() || duplicateWindow.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "duplicateWindowMs must be between 0 and 60000, was " + duplicateWindow.toMillis());
    }
    if (maxClockDrift.isNegative() || maxClockDrift.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "maxClockDriftMs must be between 0 and 3600000, was " + maxClockDrift.toMillis());
    }
  }

  /** These rules with another time zone. */
  public SiteRules withTimeZone(ZoneId zone) {
    return new SiteRules(
        zone,
        jurisdiction,
        redLight,
        restrictedLanes,
        oneWay,
        classBans,
        minConfidence,
        duplicateWindow,
        maxClockDrift,
        calibrationValidUntil);
  }
}
