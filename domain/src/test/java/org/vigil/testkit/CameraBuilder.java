package org.vigil.testkit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vigil.detection.VehicleClass;
import org.vigil.site.Camera;
import org.vigil.site.ClassBan;
import org.vigil.site.GeoPoint;
import org.vigil.site.LimitRule;
import org.vigil.site.RedLight;
import org.vigil.site.RestrictedLane;
import org.vigil.site.Schedule;
import org.vigil.site.SignSetting;
import org.vigil.site.SiteRules;
import org.vigil.site.SpeedLimit;
import org.vigil.site.SpeedLimits;

/**
 * Builds cameras for tests: by default 4 lanes, 60 + 10 km/h, in Asia/Almaty, speed only, with the
 * default thresholds.
 */
public final class CameraBuilder {
  private final String id;
  private int lanes = 4;
  private SpeedLimit posted = new SpeedLimit(60, 10);
  private final List<LimitRule> limitRules = new ArrayList<>();
  private final List<SignSetting> sign = new ArrayList<>();
  private ZoneId zone = ZoneId.of("Asia/Almaty");
  private String jurisdiction = "KZ";
  private RedLight redLight;
  private final List<RestrictedLane> restrictedLanes = new ArrayList<>();
  private boolean oneWay;
  private final List<ClassBan> bans = new ArrayList<>();
  private double minConfidence = SiteRules.DEFAULT_MIN_CONFIDENCE;
  private Duration duplicateWindow = SiteRules.DEFAULT_DUPLICATE_WINDOW;
  private Duration maxClockDrift = SiteRules.DEFAULT_MAX_CLOCK_DRIFT;
  private LocalDate calibrationValidUntil;

  private CameraBuilder(String id) {
    this.id = id;
  }

  public static CameraBuilder aCamera(String id) {
    return new CameraBuilder(id);
  }

  /** Weekdays, Monday to Friday. */
  public static Set<DayOfWeek> weekdays() {
    return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  }

  /** Every day from {@code from} to {@code to}, local time. */
  public static Schedule daily(String from, String to) {
    return new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.parse(from), LocalTime.parse(to));
  }

  public CameraBuilder lanes(int lanes) {
    this.lanes = lanes;
    return this;
  }

  public CameraBuilder limit(int limitKmh, int toleranceKmh) {
    this.posted = new SpeedLimit(limitKmh, toleranceKmh);
    return this;
  }

  public CameraBuilder limitFor(Set<VehicleClass> classes, Schedule when, int limitKmh) {
    limitRules.add(new LimitRule(classes, when, limitKmh));
    return this;
  }

  public CameraBuilder sign(String fromIso, int limitKmh) {
    sign.add(new SignSetting(java.time.Instant.parse(fromIso), limitKmh));
    return this;
  }

  public CameraBuilder zone(String zone) {
    this.zone = ZoneId.of(zone);
    return this;
  }

  public CameraBuilder jurisdiction(String jurisdiction) {
    this.jurisdiction = jurisdiction;
    return this;
  }

  public CameraBuilder redLight(int graceMs, Integer... turnOnRedLanes) {
    this.redLight = new RedLight(graceMs, Set.of(turnOnRedLanes));
    return this;
  }

  public CameraBuilder restrictedLane(int lane, Set<VehicleClass> allowed, Schedule when) {
    restrictedLanes.add(new RestrictedLane(Set.of(lane), allowed, when));
    return this;
  }

  public CameraBuilder oneWay() {
    this.oneWay = true;
    return this;
  }

  public CameraBuilder ban(Set<VehicleClass> classes, Schedule when) {
    bans.add(new ClassBan(classes, when));
    return this;
  }

  public CameraBuilder minConfidence(double minConfidence) {
    this.minConfidence = minConfidence;
    return this;
  }

  public CameraBuilder duplicateWindow(Duration window) {
    this.duplicateWindow = window;
    return this;
  }

  public CameraBuilder maxClockDrift(Duration drift) {
    this.maxClockDrift = drift;
    return this;
  }

  public CameraBuilder calibratedUntil(String isoDate) {
    this.calibrationValidUntil = LocalDate.parse(isoDate);
    return this;
  }

  public Camera build() {
    return new Camera(
        id,
        "camera " + id,
        lanes,
        new SpeedLimits(posted, limitRules, sign),
        new GeoPoint(43.24, 76.89),
        new SiteRules(
            zone,
            jurisdiction,
            redLight,
            restrictedLanes,
            oneWay,
            bans,
            minConfidence,
            duplicateWindow,
            maxClockDrift,
            calibrationValidUntil));
  }
}
