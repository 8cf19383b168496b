package org.vigil.enforcement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

/**
 * Average speed over a section: a vehicle seen at the entry camera and later at the exit camera is
 * a violation when the section's length divided by its travel time is above the limit plus
 * tolerance.
 *
 * <p>An entry waits in {@link SectionSightings} only until stream time passes the moment it can no
 * longer produce a violation (entry time plus {@link Section#shortestLegalTravelTime()}); an exit
 * waits for a late entry until stream time passes it. Every waiting entry before an exit forms a
 * pair with it, so the violations do not depend on the order the detections arrive in. (Two entry
 * reads of one vehicle within the shortest legal travel time are one passage read twice; merging
 * such duplicate reads is the job of sighting de-duplication, not of this rule.)
 */
public final class SectionSpeedRule {
  private final SectionSightings sightings;

  public SectionSpeedRule(SectionSightings sightings) {
    this.sightings = sightings;
  }

  /** Decides {@code detection} for every section that starts or ends at its camera. */
  public List<Violation> decide(Detection detection, Sites sites) {
    List<Violation> found = List.of();
    for (Section section : sites.sectionsStartingAt(detection.cameraId())) {
      found = concat(found, enter(section, zoneOf(section, sites), detection));
    }
    for (Section section : sites.sectionsEndingAt(detection.cameraId())) {
      found = concat(found, exit(section, zoneOf(section, sites), detection));
    }
    return found;
  }

  private static ZoneId zoneOf(Section section, Sites sites) {
    return sites.camera(section.exitCameraId()).orElseThrow().rules().timeZone();
  }

  private List<Violation> enter(Section section, ZoneId zone, Detection d) {
    Sighting entry =
        new Sighting(
            d.cameraId(),
            d.eventId(),
            d.observedAt(),
            d.plate(),
            d.observedAt().plus(section.shortestLegalTravelTime()),
            Observation.of(d));
    return sightings.update(
        key(section, d),
        state -> {
          List<Violation> found = new ArrayList<>(0);
          for (Sighting exit : state.exits()) {
            decide(section, zone, entry, exit).ifPresent(found::add);
          }
          return new SectionSightings.Step<>(state.withEntry(entry), found);
        });
  }

  private List<Violation> exit(Section section, ZoneId zone, Detection d) {
    Sighting exit =
        new Sighting(
            d.cameraId(),
            d.eventId(),
            d.observedAt(),
            d.plate(),
            d.observedAt(),
            Observation.of(d));
    return sightings.update(
        key(section, d),
        state -> {
          List<Violation> found = new ArrayList<>(0);
          for (Sighting entry : state.entries()) {
            decide(section, zone, entry, exit).ifPresent(found::add);
          }
          return new SectionSightings.Step<>(state.withExit(exit), found);
        });
  }

  private static Optional<Violation> decide(
      Section section, ZoneId zone, Sighting entry, Sighting exit) {
    if (!exit.observedAt().isAfter(entry.observedAt())) {
      return Optional.empty();
    }
    SectionPassage passage =
        new SectionPassage(entry.observedAt(), exit.observedAt(), section.distanceM());
    SpeedLimit limit =
        section.limits().inForce(exit.observation().vehicleClass(), exit.observedAt(), zone);
    if (!section.isSpeeding(passage.travelTime(), limit)) {
      return Optional.empty();
    }
    double average = section.averageSpeedKmh(passage.travelTime());
    List<String> events =
        List.of(entry.cameraId() + "/" + entry.eventId(), exit.cameraId() + "/" + exit.eventId());
    return Optional.of(
        new Violation(
            Violation.idOf(ViolationType.SECTION_SPEED, section.id(), events),
            ViolationType.SECTION_SPEED,
            null,
            section.id(),
            exit.plate(),
            exit.observedAt(),
            average,
            limit,
            List.of(entry.eventId(), exit.eventId()),
            passage,
            exit.observation(),
            String.format(
                Locale.ROOT,
                "average %.2f km/h over %.1f m in %.3f s, limit %d + %d km/h for a %s",
                average,
                section.distanceM(),
                passage.travelTime().toNanos() / 1e9,
                limit.limitKmh(),
                limit.toleranceKmh(),
                exit.observation().vehicleClass()),
            List.of(),
            null));
  }

  private static String key(Section section, Detection d) {
    return section.id() + '\u0000' + d.plate().matchKey();
  }

  private static List<Violation> concat(List<Violation> a, List<Violation> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<Violation> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
