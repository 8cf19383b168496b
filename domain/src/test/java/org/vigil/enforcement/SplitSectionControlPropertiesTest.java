package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.detection.Detection;
import org.vigil.site.Sites;
import org.vigil.testkit.CameraBuilder;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * The split section control that a partitioned runtime runs ({@link Enforcer#route}, then {@link
 * Enforcer#place} for every placement, in any order) decides exactly what the embedded {@link
 * Enforcer#decide} decides: the same decisions, the same violations with every field, holds
 * included. Camera B is the exit of one section and the entry of another; its clock runs 3 s ahead
 * (a clock-drift hold), camera C's calibration has expired, and some reads are not trustworthy.
 */
class SplitSectionControlPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");
  private static final Map<String, Duration> DELAY =
      Map.of("A", Duration.ofMillis(200), "B", Duration.ofSeconds(-3), "C", Duration.ofMillis(50));
  private static final Sites SITES =
      SitesBuilder.sites()
          .camera(CameraBuilder.aCamera("A").limit(60, 5).maxClockDrift(Duration.ofSeconds(2)))
          .camera(CameraBuilder.aCamera("B").limit(80, 0).maxClockDrift(Duration.ofSeconds(2)))
          .camera(CameraBuilder.aCamera("C").limit(50, 5).calibratedUntil("2026-11-01"))
          .section("S1", "A", "B", 500, 60, 5)
          .section("S2", "B", "C", 700, 50, 5)
          .build();

  record Seen(String camera, long millis, String plate, double speed, double confidence, int seq) {
    Detection detection() {
      return DetectionBuilder.aDetection()
          .eventId(camera + ":" + seq)
          .camera(camera)
          .at(T0.plusMillis(millis))
          .plate(plate)
          .speed(speed)
          .confidence(confidence)
          .build();
    }

    Instant receivedAt() {
      return T0.plusMillis(millis).plus(DELAY.get(camera));
    }
  }

  @Provide
  Arbitrary<List<Seen>> traffic() {
    Arbitrary<Seen> one =
        Combinators.combine(
                Arbitraries.of("A", "B", "C"),
                Arbitraries.longs().between(0, 150_000),
                Arbitraries.of("111AAA01", "222BBB02", "333CCC03", "444DDD04"),
                Arbitraries.doubles().between(0, 120).ofScale(1),
                Arbitraries.of(0.95, 0.95, 0.95, 0.4),
                Arbitraries.integers().between(0, 1_000_000))
            .as(Seen::new);
    return one.list().ofMaxSize(40).uniqueElements(s -> s.camera() + s.seq());
  }

  @Property(tries = 300)
  void routingAndPlacingDecidesWhatDecidingDoes(
      @ForAll("traffic") List<Seen> traffic, @ForAll long seed) {
    List<Seen> arrival = new ArrayList<>(traffic);
    arrival.sort((a, b) -> Long.compare(a.millis(), b.millis()));
    // mostly in time order, some reads late: with 30 s lateness a few are too late
    Random random = new Random(seed);
    for (int i = 0; i + 1 < arrival.size(); i++) {
      if (random.nextInt(5) == 0) {
        Collections.swap(arrival, i, i + 1 + random.nextInt(Math.min(4, arrival.size() - i - 1)));
      }
    }

    Enforcer embedded = enforcer(seed);
    Enforcer split = enforcer(seed);
    Map<UUID, Violation> decided = new HashMap<>();
    Map<UUID, Violation> routedAndPlaced = new HashMap<>();
    List<Placement> placements = new ArrayList<>();
    for (Seen s : arrival) {
      Decision whole = embedded.decide(s.detection(), SITES, s.receivedAt());
      Enforcer.Routed routed = split.route(s.detection(), SITES, s.receivedAt());
      assertThat(routed.decision().getClass()).isEqualTo(whole.getClass());
      if (whole instanceof Decision.Decided d) {
        d.violations().forEach(v -> decided.put(v.id(), v));
        Decision.Decided r = (Decision.Decided) routed.decision();
        assertThat(r.limit()).isEqualTo(d.limit());
        assertThat(r.exempt()).isEqualTo(d.exempt());
        r.violations().forEach(v -> routedAndPlaced.put(v.id(), v));
      } else {
        assertThat(routed.placements()).isEmpty();
      }
      placements.addAll(routed.placements());
    }
    Collections.shuffle(placements, random);
    for (Placement p : placements) {
      for (Violation v : split.place(p, SITES)) {
        Violation before = routedAndPlaced.putIfAbsent(v.id(), v);
        assertThat(before == null || before.equals(v)).isTrue();
      }
    }
    assertThat(routedAndPlaced).isEqualTo(decided);
  }

  @Example
  void aSectionViolationIsHeldForTheClockOfEitherCameraAndTheExpiredCalibration() {
    List<Seen> pass =
        List.of(
            new Seen("A", 0, "111AAA01", 50, 0.95, 1),
            new Seen("B", 20_000, "111AAA01", 50, 0.95, 2),
            new Seen("C", 40_000, "111AAA01", 50, 0.95, 3));
    Enforcer embedded = enforcer(1);
    Enforcer split = enforcer(1);
    List<Violation> decided = new ArrayList<>();
    List<Violation> placed = new ArrayList<>();
    for (Seen s : pass) {
      decided.addAll(
          ((Decision.Decided) embedded.decide(s.detection(), SITES, s.receivedAt())).violations());
      for (Placement p : split.route(s.detection(), SITES, s.receivedAt()).placements()) {
        placed.addAll(split.place(p, SITES));
      }
    }
    assertThat(placed).isEqualTo(decided).hasSize(2);
    assertThat(placed.get(0).holds()).extracting(Hold::kind).containsExactly(Hold.Kind.CLOCK_DRIFT);
    assertThat(placed.get(1).holds())
        .extracting(Hold::kind)
        .containsExactly(Hold.Kind.CLOCK_DRIFT, Hold.Kind.CALIBRATION_EXPIRED);
  }

  private static Enforcer enforcer(long seed) {
    TestClock clock = new TestClock(T0);
    return new Enforcer(
        new InMemorySectionSightings(),
        new EpochKeys(new SplittableRandom(seed), EpochKeys.DEFAULT_EPOCH),
        new StreamClock(clock, Duration.ofSeconds(30)),
        clock,
        Exemptions.NONE,
        new SplittableRandom(seed + 1));
  }
}
