package org.vigil.enforcement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
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
 *
 * <p><b>Two runtimes.</b> The embedded runtime calls {@link #decide}, which does all of it in one
 * call. A partitioned runtime (Kafka Streams) calls {@link #route} where the detection's camera is
 * handled (its task sees every detection of that camera, so the camera's clock estimate, stream
 * time and recent reads are complete), and routes the returned {@link Placement}s by tag to where
 * {@link #place} pairs them; there the entry and exit cameras' detections are not seen. A section
 * violation's clock-drift holds therefore rest, in {@link #place}, on the clock offset each side's
 * camera had <em>when that sighting was decided</em>, carried in the placement and sealed with the
 * waiting evidence, where {@link #decide} takes the offsets known when the pair is found. Both are
 * estimates of the same clocks; the carried one does not depend on the order in which the two
 * sightings arrive (which a partitioned runtime does not fix), and it is the clock that stamped the
 * sighting. With steady clocks the two agree, and every other field is the same either way.
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
    this(sightings, epochKeys, streamClock, wallClock, exemptions, new SecureRandom());
  }

  /**
   * @param sightings where section entries and exits wait, sealed
   * @param epochKeys the keys section tags and seals are derived under (a seeded one in tests)
   * @param streamClock stream time, with the allowed lateness
   * @param wallClock the server's clock, for how long recent reads are remembered
   * @param exemptions the exempt vehicles
   * @param nonces where the nonces of sealed evidence come from (a {@link SecureRandom} in
   *     production)
   */
  public Enforcer(
      SectionSightings sightings,
      EpochKeys epochKeys,
      StreamClock streamClock,
      Clock wallClock,
      Exemptions exemptions,
      RandomGenerator nonces) {
    this.sightings = sightings;
    this.sectionSpeed = new SectionSpeedRule(sightings, epochKeys, nonces);
    this.streamClock = streamClock;
    this.recentReads = new RecentReads(wallClock);
    this.exemptions = exemptions;
  }

  /**
   * Decides {@code detection} against {@code sites}, section control included.
   *
   * @param receivedAt when the server received it
   * @throws IllegalArgumentException when its camera is not in {@code sites}; {@link
   *     org.vigil.detection.Admission} keeps such detections out
   */
  public Decision decide(Detection detection, Sites sites, Instant receivedAt) {
    return decide(detection, sites, receivedAt, true).decision();
  }

  /**
   * Decides {@code detection} against {@code sites} but for section pairing: too-late, duplicate
   * read, exemption, the camera rules and read holds, as {@link #decide} does; the section
   * sightings it makes are returned as placements, for the caller to route by tag to {@link
   * #place}. A {@link Decision.Decided} here holds the camera violations only.
   *
   * @param receivedAt when the server received it
   * @throws IllegalArgumentException when its camera is not in {@code sites}
   */
  public Routed route(Detection detection, Sites sites, Instant receivedAt) {
    return decide(detection, sites, receivedAt, false);
  }

  /**
   * What {@link #route} decided, and the placements still to {@link #place}: none unless the
   * detection was decided, not exempt, at a section's camera, and read well enough to pair.
   */
  public record Routed(Decision decision, List<Placement> placements) {
    public Routed {
      placements = List.copyOf(placements);
    }
  }

  /**
   * Places one placement that {@link #route} made (here or on another node) under its tag, and
   * returns the section violations it completes, each with its holds: a clock-drift hold from the
   * clock offsets carried with the two sightings (see the class comment), a calibration hold from
   * {@code sites}. No read hold: a placement is made only of a well-read plate. Notes the
   * placement's time for this enforcer's stream time, by which {@link #forgetExpired} forgets.
   *
   * @throws IllegalArgumentException when its section is not in {@code sites}
   */
  public List<Violation> place(Placement placement, Sites sites) {
    streamClock.observe(placement.detection().observedAt());
    List<SectionSpeedRule.Paired> paired = sectionSpeed.place(placement, sites);
    if (paired.isEmpty()) {
      return List.of();
    }
    List<Violation> found = new ArrayList<>(paired.size());
    for (SectionSpeedRule.Paired p : SectionSpeedRule.distinct(paired)) {
      Violation v = p.violation();
      Section section = sites.section(v.sectionId()).orElseThrow();
      List<Hold> holds = new ArrayList<>(0);
      cameraHolds(
          sites.camera(section.entryCameraId()).orElseThrow(),
          v.passage().entryAt(),
          Optional.ofNullable(p.entryClockOffset()),
          holds);
      cameraHolds(
          sites.camera(section.exitCameraId()).orElseThrow(),
          v.observedAt(),
          Optional.ofNullable(p.exitClockOffset()),
          holds);
      found.add(holds.isEmpty() ? v : v.withHolds(holds));
    }
    return found;
  }

  private Routed decide(Detection detection, Sites sites, Instant receivedAt, boolean pair) {
    Camera camera =
        sites
            .camera(detection.cameraId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("unknown camera '" + detection.cameraId() + "'"));
    clocks.observe(camera.id(), detection.observedAt(), receivedAt);
    Instant streamTime = streamClock.now();
    if (detection.observedAt().isBefore(streamTime)) {
      return new Routed(
          new Decision.TooLate(
              "observedAt "
                  + detection.observedAt()
                  + " is more than the allowed lateness ("
                  + streamClock.allowedLateness().toSeconds()
                  + " s) behind the newest detection; stream time is "
                  + streamTime),
          List.of());
    }
    streamClock.observe(detection.observedAt());
    SiteRules rules = camera.rules();
    if (!recentReads.firstRead(
        camera.id(),
        detection.plate().matchKey(),
        detection.observedAt(),
        rules.duplicateWindow())) {
      return new Routed(new Decision.DuplicateRead(), List.of());
    }
    Situation situation = Situation.of(detection, camera);
    if (exemptions.covers(detection.plate(), detection.observedAt())) {
      return new Routed(new Decision.Decided(List.of(), situation.limit(), true), List.of());
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
    List<Placement> placements = List.of();
    if (sections && readHold.isEmpty()) {
      Duration offset =
          clocks.reading(camera.id()).map(CameraClocks.ClockReading::offset).orElse(null);
      placements = sectionSpeed.placements(detection, sites, offset);
      if (pair) {
        List<SectionSpeedRule.Paired> paired = List.of();
        for (Placement p : placements) {
          paired = SectionSpeedRule.concat(paired, sectionSpeed.place(p, sites));
        }
        placements = List.of();
        if (!paired.isEmpty()) {
          List<Violation> violations =
              SectionSpeedRule.violations(SectionSpeedRule.distinct(paired));
          found = found == null ? new ArrayList<>(violations.size()) : found;
          found.addAll(violations);
        }
      }
    }
    if (found == null) {
      return new Routed(new Decision.Decided(List.of(), situation.limit(), false), placements);
    }
    found.replaceAll(v -> withHolds(v, readHold, sites));
    return new Routed(new Decision.Decided(found, situation.limit(), false), placements);
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
    cameraHolds(
        camera, at, clocks.reading(camera.id()).map(CameraClocks.ClockReading::offset), holds);
  }

  /** The holds of {@code camera} for a sighting at {@code at}, its clock off by {@code offset}. */
  private static void cameraHolds(
      Camera camera, Instant at, Optional<Duration> offset, List<Hold> holds) {
    SiteRules rules = camera.rules();
    offset
        .filter(o -> o.abs().compareTo(rules.maxClockDrift()) > 0)
        .ifPresent(
            o ->
                holds.add(
                    new Hold(
                        Hold.Kind.CLOCK_DRIFT,
                        "camera '"
                            + camera.id()
                            + "' clock is off by "
                            + o.toMillis()
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
