package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.detection.Detection;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * The enforcer against a reference model small enough to be obviously right: a spot violation is a
 * speed above limit plus tolerance; a section violation is any entry and later exit of the same
 * plate that are too close in time. Reads of one plate by one camera are generated more than the
 * duplicate window apart, so that each is a sighting of its own; duplicates have their own
 * property.
 */
class EnforcerPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");
  private static final Sites SITES =
      SitesBuilder.sites()
          .camera("A", 60, 5)
          .camera("B", 80, 0)
          .section("S", "A", "B", 500, 60, 5)
          .build();

  record Seen(String camera, long millis, String plate, double speed, int seq) {
    Detection detection() {
      return DetectionBuilder.aDetection()
          .eventId(camera + ":" + seq)
          .camera(camera)
          .at(T0.plusMillis(millis))
          .plate(plate)
          .speed(speed)
          .build();
    }
  }

  @Provide
  Arbitrary<List<Seen>> traffic() {
    Arbitrary<Seen> one =
        Combinators.combine(
                Arbitraries.of("A", "B"),
                Arbitraries.longs().between(0, 120_000),
                Arbitraries.of("111AAA01", "222BBB02", "333CCC03"),
                Arbitraries.doubles().between(0, 120).ofScale(1),
                Arbitraries.integers().between(0, 1_000_000))
            .as(Seen::new);
    return one.list()
        .ofMaxSize(30)
        .uniqueElements(s -> s.camera() + s.seq())
        .filter(EnforcerPropertiesTest::readsApart);
  }

  private static boolean readsApart(List<Seen> traffic) {
    for (Seen a : traffic) {
      for (Seen b : traffic) {
        if (a != b
            && a.camera().equals(b.camera())
            && a.plate().equals(b.plate())
            && Math.abs(a.millis() - b.millis()) <= 3000) {
          return false;
        }
      }
    }
    return true;
  }

  @Property(tries = 300)
  void aSecondReadWithinTheWindowIsTheSameSighting(
      @ForAll("traffic") List<Seen> traffic,
      @ForAll("offsets") List<Integer> offsets,
      @ForAll("speeds") List<Double> speeds) {
    List<Seen> withDuplicates = new ArrayList<>(traffic);
    for (int i = 0; i < traffic.size() && i < offsets.size() && i < speeds.size(); i++) {
      Seen s = traffic.get(i);
      withDuplicates.add(
          new Seen(
              s.camera(),
              s.millis() + offsets.get(i),
              s.plate(),
              speeds.get(i),
              s.seq() + 2_000_000));
    }
    List<Seen> ordered =
        withDuplicates.stream().sorted(Comparator.comparingLong(Seen::millis)).toList();
    assertThat(run(ordered, Duration.ZERO)).isEqualTo(reference(firstReads(ordered)));
  }

  @Property(tries = 200)
  void exactRepeatsInAnyOrderNeverAddOrLoseAnOffence(
      @ForAll("traffic") List<Seen> traffic, @ForAll long shuffleSeed) {
    List<Seen> withRepeats = new ArrayList<>(traffic);
    for (Seen s : traffic) {
      withRepeats.add(new Seen(s.camera(), s.millis(), s.plate(), s.speed(), s.seq() + 2_000_000));
    }
    java.util.Collections.shuffle(withRepeats, new java.util.Random(shuffleSeed));
    assertThat(offences(withRepeats)).isEqualTo(offences(traffic));
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    // a second read of the same vehicle, up to 2.5 s after the first
    return Arbitraries.integers().between(1, 2500).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Double>> speeds() {
    return Arbitraries.doubles().between(0, 120).ofScale(1).list().ofMaxSize(30);
  }

  /** The reference de-duplication: in time order, a read within 3 s of a kept one is dropped. */
  private static List<Seen> firstReads(List<Seen> ordered) {
    List<Seen> kept = new ArrayList<>();
    for (Seen s : ordered) {
      boolean duplicate =
          kept.stream()
              .anyMatch(
                  k ->
                      k.camera().equals(s.camera())
                          && k.plate().equals(s.plate())
                          && Math.abs(k.millis() - s.millis()) <= 3000);
      if (!duplicate) {
        kept.add(s);
      }
    }
    return kept;
  }

  private static java.util.Map<String, Long> offences(List<Seen> traffic) {
    TestClock clock = new TestClock(T0);
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new StreamClock(clock, Duration.ofMinutes(5)),
            clock,
            Exemptions.NONE);
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (Seen s : traffic) {
      if (enforcer.decide(s.detection(), SITES, T0.plusMillis(s.millis()))
          instanceof Decision.Decided(List<Violation> found, var limit, var exempt)) {
        for (Violation v : found) {
          String place = v.cameraId() != null ? v.cameraId() : v.sectionId();
          counts.merge(v.type() + " " + place + " " + v.plate().text(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  @Property(tries = 300)
  void inOrderMatchesTheReferenceModel(@ForAll("traffic") List<Seen> traffic) {
    List<Seen> ordered = traffic.stream().sorted(Comparator.comparingLong(Seen::millis)).toList();
    assertThat(run(ordered, Duration.ZERO)).isEqualTo(reference(traffic));
  }

  @Property(tries = 300)
  void anyOrderWithinTheLatenessGivesTheSameViolations(@ForAll("traffic") List<Seen> traffic) {
    assertThat(run(traffic, Duration.ofMinutes(5))).isEqualTo(reference(traffic));
  }

  private static Set<UUID> run(List<Seen> traffic, Duration lateness) {
    TestClock clock = new TestClock(T0);
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new StreamClock(clock, lateness),
            clock,
            Exemptions.NONE);
    Set<UUID> ids = new HashSet<>();
    for (Seen s : traffic) {
      if (enforcer.decide(s.detection(), SITES, T0.plusMillis(s.millis()))
          instanceof Decision.Decided decided) {
        decided.violations().forEach(v -> ids.add(v.id()));
      }
      enforcer.forgetExpired();
    }
    return ids;
  }

  private static Set<UUID> reference(List<Seen> traffic) {
    Section section = SITES.section("S").orElseThrow();
    Set<UUID> ids = new HashSet<>();
    for (Seen s : traffic) {
      int threshold = SITES.camera(s.camera()).orElseThrow().limit().thresholdKmh();
      if (s.speed() > threshold) {
        ids.add(
            Violation.idOf(
                ViolationType.SPEED,
                s.camera(),
                List.of(s.camera() + "/" + s.camera() + ":" + s.seq())));
      }
      if (s.camera().equals("B")) {
        for (Seen e : traffic) {
          long nanos = (s.millis() - e.millis()) * 1_000_000L;
          if (e.camera().equals("A")
              && e.plate().equals(s.plate())
              && nanos > 0
              && section.distanceM() * 3.6e9 > (double) section.limit().thresholdKmh() * nanos) {
            List<String> events = new ArrayList<>();
            events.add("A/A:" + e.seq());
            events.add("B/B:" + s.seq());
            ids.add(Violation.idOf(ViolationType.SECTION_SPEED, "S", events));
          }
        }
      }
    }
    return ids;
  }
}
