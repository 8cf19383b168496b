package org.vigil.enforcement;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.plate.Plate;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

/**
 * The section rule as it was before keyed tags, kept as the reference of equivalence: entries and
 * exits wait in clear, keyed by section and plate match key, and every waiting entry before an exit
 * forms a pair with it. Single-threaded; for tests only.
 */
final class PlainSectionSpeedRule {
  private record Sighting(
      String cameraId,
      String eventId,
      Instant observedAt,
      Plate plate,
      Instant forgetAt,
      Observation observation) {}

  private record State(List<Sighting> entries, List<Sighting> exits) {}

  private final Map<String, State> states = new HashMap<>();

  List<Violation> decide(Detection d, Sites sites) {
    List<Violation> found = new ArrayList<>();
    for (Section section : sites.sectionsStartingAt(d.cameraId())) {
      Sighting entry = sighting(d, d.observedAt().plus(section.shortestLegalTravelTime()));
      State state = state(section, d);
      for (Sighting exit : state.exits()) {
        decide(section, zoneOf(section, sites), entry, exit).ifPresent(found::add);
      }
      state.entries().add(entry);
    }
    for (Section section : sites.sectionsEndingAt(d.cameraId())) {
      Sighting exit = sighting(d, d.observedAt());
      State state = state(section, d);
      for (Sighting entry : state.entries()) {
        decide(section, zoneOf(section, sites), entry, exit).ifPresent(found::add);
      }
      state.exits().add(exit);
    }
    return found;
  }

  void forgetBefore(Instant streamTime) {
    for (State s : states.values()) {
      s.entries().removeIf(x -> x.forgetAt().isBefore(streamTime));
      s.exits().removeIf(x -> x.forgetAt().isBefore(streamTime));
    }
    states.values().removeIf(s -> s.entries().isEmpty() && s.exits().isEmpty());
  }

  private State state(Section section, Detection d) {
    return states.computeIfAbsent(
        section.id() + '\u0000' + d.plate().matchKey(),
        k -> new State(new ArrayList<>(), new ArrayList<>()));
  }

  private static Sighting sighting(Detection d, Instant forgetAt) {
    return new Sighting(
        d.cameraId(), d.eventId(), d.observedAt(), d.plate(), forgetAt, Observation.of(d));
  }

  private static ZoneId zoneOf(Section section, Sites sites) {
    return sites.camera(section.exitCameraId()).orElseThrow().rules().timeZone();
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
}
