package org.vigil.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.plate.PlateFormats;
import org.vigil.site.Camera;
import org.vigil.site.Section;
import org.vigil.site.SiteRules;
import org.vigil.site.Sites;

/**
 * Applies every rule to a detection: the one entry point that each runtime (embedded, Kafka
 * Streams) calls. Thread-safe when its {@link SectionSightings} is.
 *
 * <p>The order of work for one detection:
 *
 * <ol>
 *   <li>its arrival is noted for the camera's clock estimate ({@link CameraClocks});
 *   <li>a detection older than stream time (the newest {@code observedAt} less the allowed
 *       lateness) is {@link Decision.TooLate}: whatever it could have paired with is forgotten;
 *   <li>a second read of the same plate by the same camera within its duplicate window is a {@link
 *       Decision.DuplicateRead};
 *   <li>an exempt vehicle is decided as unseen;
 *   <li>the camera rules decide it; section control pairs it only when its plate is trustworthy
 *       (confidence at or above the site's threshold, a known format);
 *   <li>each violation is held for a person when the plate needs reading, or when a camera it rests
 *       on has a drifting clock or an expired calibration.
 * </ol>
 */
public final class Enforcer {
  private final CameraRule[] cameraRules = CameraRule.all().toArray(CameraRule[]::new);
  private final SectionSpeedRule sectionSpeed;
  private final SectionSightings sightings;
  private final StreamClock streamClock;
  private final RecentReads recentReads;
  private final CameraClocks clocks = new CameraClocks();
  private final Exemptions exemptions;

  /**
   * Section control with epoch keys from a {@link java.security.SecureRandom}, one per {@link
   * EpochKeys#DEFAULT_EPOCH}.
   *
   * @param sightings where section entries and exits wait, sealed
   * @param streamClock stream time, with the allowed lateness
   * @param wallClock the server's clock, for how long recent reads are remembered
   * @param exemptions the exempt vehicles
   */
  public Enforcer(
      SectionSightings sightings, StreamClock streamClock, Clock wallClock, Exemptions exemptions) {
    this(sightings, EpochKeys.secure(), streamClock, wallClock, exemptions);
  }

  /**
   * @param sightings where section entries and exits wait, sealed
   * @param epochKeys the keys section tags and seals are derived under (a seeded one in tests)
   * @param streamClock stream time, with the allowed lateness
   * @param wallClock the server's clock, for how long recent reads are remembered
   * @param exemptions the exempt vehicles
   */
  public Enforcer(
      SectionSightings sightings,
      EpochKeys epochKeys,
      StreamClock streamClock,
      Clock wallClock,
      Exemptions exemptions) {
    this.sightings = sightings;
    this.sectionSpeed = new SectionSpeedRule(sightings, epochKeys);
    this.streamClock = streamClock;
    this.recentReads = new RecentReads(wallClock);
    this.exemptions = exemptions;
  }

  /**
   * Decides {@code detection} against {@code sites}.
   *
   * @param receivedAt when the server received it
   * @throws IllegalArgumentException when its camera is not in {@code sites}; {@link
   *     org.vigil.detection.Admission} keeps such detections out
   */
  public Decision decide(Detection detection, Sites sites, Instant receivedAt) {
    Camera camera =
        sites
            .camera(detection.cameraId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("unknown camera '" + detection.cameraId() + "'"));
    clocks.observe(camera.id(), detection.observedAt(), receivedAt);
    Instant streamTime = streamClock.now();
    if (detection.observedAt().isBefore(streamTime)) {
      return new Decision.TooLate(
          "observedAt "
              + detection.observedAt()
              + " is more than the allowed lateness ("
              + streamClock.allowedLateness().toSeconds()
              + " s) behind the newest detection; stream time is "
              + streamTime);
    }
    streamClock.observe(detection.observedAt());
    SiteRules rules = camera.rules();
    if (!recentReads.firstRead(
        camera.id(),
        detection.plate().matchKey(),
        detection.observedAt(),
        rules.duplicateWindow())) {
      return new Decision.DuplicateRead();
    }
    Situation situation = Situation.of(detection, camera);
    if (exemptions.covers(detection.plate(), detection.observedAt())) {
      return new Decision.Decided(List.of(), situation.limit(), true);
    }
    List<Violation> found = null;
    for (CameraRule rule : cameraRules) {
      Optional<Violation> v = rule.decide(situation);
      if (v.isPresent()) {
        found = found == null ? new ArrayList<>(2) : found;
        found.add(v.get());
      }
    }
    boolean sections =
        !sites.sectionsStartingAt(camera.id()).isEmpty()
            || !sites.sectionsEndingAt(camera.id()).isEmpty();
    // Reading a plate's trust is needed only to hold a violation or to pair a section sighting.
    Optional<Hold> readHold =
        found != null || sections ? readHold(detection, rules) : Optional.empty();
    if (sections && readHold.isEmpty()) {
      List<Violation> paired = sectionSpeed.decide(detection, sites);
      if (!paired.isEmpty()) {
        found = found == null ? new ArrayList<>(paired.size()) : found;
        found.addAll(paired);
      }
    }
    if (found == null) {
      return new Decision.Decided(List.of(), situation.limit(), false);
    }
    found.replaceAll(v -> withHolds(v, readHold, sites));
    return new Decision.Decided(found, situation.limit(), false);
  }

  private static Optional<Hold> readHold(Detection d, SiteRules rules) {
    if (d.confidence() < rules.minConfidence()) {
      return Optional.of(
          new Hold(
              Hold.Kind.PLATE_UNREADABLE,
              String.format(
                  Locale.ROOT,
                  "read with confidence %.2f, below the site's %.2f",
                  d.confidence(),
                  rules.minConfidence())));
    }
    return PlateFormats.problem(d.plate()).map(reason -> new Hold(Hold.Kind.PLATE_FORMAT, reason));
  }

  private Violation withHolds(Violation v, Optional<Hold> readHold, Sites sites) {
    List<Hold> holds = new ArrayList<>(0);
    readHold.ifPresent(holds::add);
    if (v.cameraId() != null) {
      cameraHolds(sites.camera(v.cameraId()).orElseThrow(), v.observedAt(), holds);
    } else {
      Section section = sites.section(v.sectionId()).orElseThrow();
      cameraHolds(
          sites.camera(section.entryCameraId()).orElseThrow(), v.passage().entryAt(), holds);
      cameraHolds(sites.camera(section.exitCameraId()).orElseThrow(), v.observedAt(), holds);
    }
    return holds.isEmpty() ? v : v.withHolds(holds);
  }

  private void cameraHolds(Camera camera, Instant at, List<Hold> holds) {
    SiteRules rules = camera.rules();
    clocks
        .reading(camera.id())
        .filter(r -> r.driftsMoreThan(rules.maxClockDrift()))
        .ifPresent(
            r ->
                holds.add(
                    new Hold(
                        Hold.Kind.CLOCK_DRIFT,
                        "camera '"
                            + camera.id()
                            + "' clock is off by "
                            + r.offset().toMillis()
                            + " ms, more than the "
                            + rules.maxClockDrift().toMillis()
                            + " ms allowed")));
    LocalDate validUntil = rules.calibrationValidUntil();
    if (validUntil != null && LocalDate.ofInstant(at, rules.timeZone()).isAfter(validUntil)) {
      holds.add(
          new Hold(
              Hold.Kind.CALIBRATION_EXPIRED,
              "camera '" + camera.id() + "' calibration expired after " + validUntil));
    }
  }

  /**
   * Takes back the read of {@code detection}, so that sending it again decides it afresh: for a
   * runtime that could not make its violations durable. Its section sightings may stay; pairing
   * them again yields the same violation ids.
   */
  public void retract(Detection detection, Sites sites) {
    sites
        .camera(detection.cameraId())
        .ifPresent(
            camera ->
                recentReads.forget(
                    camera.id(),
                    detection.plate().matchKey(),
                    detection.observedAt(),
                    camera.rules().duplicateWindow()));
  }

  /** What is known of each camera's clock, for the camera-health view. */
  public CameraClocks clocks() {
    return clocks;
  }

  /**
   * Forgets the section sightings that can no longer produce a violation, and destroys the epoch
   * keys no sighting can need any more. Call it often.
   */
  public void forgetExpired() {
    sectionSpeed.forgetBefore(streamClock.now());
  }

  /** How many section sightings are waiting. */
  public long waitingSightings() {
    return sightings.size();
  }
}
