package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.site.Sites;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/** Section S-1: 1000 m from A to B at 90 + 10 km/h, so 36 s is the shortest legal time. */
class SectionSpeedRuleTest {
  private static final Instant T0 = Instant.parse("2026-11-02T07:30:00Z");
  private final Sites sites =
      SitesBuilder.sites()
          .camera("A", 100, 10)
          .camera("B", 100, 10)
          .section("S-1", "A", "B", 1000, 90, 10)
          .build();
  private final Enforcement enforcement = Enforcement.of(sites, Duration.ZERO);
  private final TestClock clock = enforcement.clock();
  private final InMemorySectionSightings sightings = enforcement.sightings();

  private List<Violation> see(String camera, Duration after, String plate) {
    return enforcement.see(
        aDetection().camera(camera).at(T0.plus(after)).plate(plate).speed(50).build());
  }

  @Test
  void fasterThanLimitPlusToleranceIsAViolation() {
    see("A", Duration.ZERO, "111AAA01");
    List<Violation> v = see("B", Duration.ofSeconds(30), "111AAA01");
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.type()).isEqualTo(ViolationType.SECTION_SPEED);
              assertThat(x.sectionId()).isEqualTo("S-1");
              assertThat(x.measuredSpeedKmh()).isEqualTo(120.0);
              assertThat(x.observedAt()).isEqualTo(T0.plusSeconds(30));
              assertThat(x.passage().entryAt()).isEqualTo(T0);
            });
  }

  @Test
  void exactlyAtLimitPlusToleranceIsNot() {
    see("A", Duration.ZERO, "111AAA01");
    assertThat(see("B", Duration.ofSeconds(36), "111AAA01")).isEmpty();
  }

  @Test
  void justAboveIsAViolation() {
    see("A", Duration.ZERO, "111AAA01");
    assertThat(see("B", Duration.ofMillis(35_999), "111AAA01")).hasSize(1);
  }

  @Test
  void matchesTheNormalisedPlate() {
    see("A", Duration.ZERO, "111 aaa 01");
    assertThat(see("B", Duration.ofSeconds(20), "111-AАA-01")).hasSize(1);
  }

  @Test
  void otherVehiclesDoNotPair() {
    see("A", Duration.ZERO, "111AAA01");
    assertThat(see("B", Duration.ofSeconds(20), "222BBB02")).isEmpty();
  }

  @Test
  void exitBeforeEntryAndSameTimeAreNoPassage() {
    see("A", Duration.ofSeconds(10), "111AAA01");
    assertThat(see("B", Duration.ofSeconds(10), "111AAA01")).isEmpty();
  }

  @Test
  void entryIsForgottenOnceItCanNoLongerProduceAViolation() {
    see("A", Duration.ZERO, "111AAA01");
    assertThat(sightings.size()).isEqualTo(1);
    see("A", Duration.ofSeconds(36), "999ZZZ09"); // stream time reaches T0 + 36 s
    enforcement.forgetExpired();
    assertThat(sightings.size()).isEqualTo(2);
    see("A", Duration.ofSeconds(37), "888YYY08");
    clock.advance(Duration.ofSeconds(1));
    enforcement.forgetExpired();
    assertThat(sightings.size()).as("the first entry is gone, the two new ones wait").isEqualTo(2);
  }

  @Test
  void streamTimeMovesWithTheWallClockWhenTrafficStops() {
    see("A", Duration.ZERO, "111AAA01");
    clock.advance(Duration.ofSeconds(37));
    enforcement.forgetExpired();
    assertThat(sightings.size()).isZero();
  }

  @Test
  void anExitWaitsOnlyUntilStreamTimePassesIt() {
    see("B", Duration.ofSeconds(60), "111AAA01");
    assertThat(sightings.size()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61));
    enforcement.forgetExpired();
    assertThat(sightings.size()).isZero();
  }

  @Test
  void aLateEntryStillPairsWithItsWaitingExit() {
    Enforcement late = Enforcement.of(sites, Duration.ofMinutes(5));
    late.see(aDetection().camera("B").at(T0.plusSeconds(20)).plate("111AAA01").build());
    List<Violation> v = late.see(aDetection().camera("A").at(T0).plate("111AAA01").build());
    assertThat(v).singleElement().extracting(Violation::measuredSpeedKmh).isEqualTo(180.0);
  }

  @Test
  void decidingTheSameEventsAfterARestartGivesTheSameViolation() {
    var entry = aDetection().camera("A").at(T0).plate("111AAA01").build();
    var exit = aDetection().camera("B").at(T0.plusSeconds(20)).plate("111AAA01").build();
    enforcement.see(entry);
    Violation first = enforcement.see(exit).getFirst();
    Enforcement restarted = Enforcement.of(sites, Duration.ZERO);
    restarted.see(entry);
    assertThat(restarted.see(exit)).containsExactly(first);
  }

  @Test
  void aSecondReadOfTheSameSightingIsNoSecondViolation() {
    Enforcement enforcement = Enforcement.of(sites, Duration.ofMinutes(5));
    var entry = aDetection().camera("A").at(T0).plate("111AAA01").build();
    var exit = aDetection().camera("B").at(T0.plusSeconds(20)).plate("111AAA01").build();
    enforcement.see(entry);
    assertThat(enforcement.see(exit)).hasSize(1);
    assertThat(
            enforcement.decide(
                aDetection().camera("A").at(T0.plusMillis(400)).plate("111AAA01").build()))
        .isInstanceOf(Decision.DuplicateRead.class);
    assertThat(
            enforcement.see(
                aDetection().camera("B").at(T0.plusSeconds(21)).plate("111AAA01").build()))
        .isEmpty();
  }
}
