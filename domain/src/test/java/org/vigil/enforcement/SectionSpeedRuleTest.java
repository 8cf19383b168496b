package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.site.Sites;
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
  private final TestClock clock = new TestClock(T0);
  private final InMemorySectionSightings sightings = new InMemorySectionSightings();
  private final Enforcer enforcer = new Enforcer(sightings, new StreamClock(clock, Duration.ZERO));

  private List<Violation> see(String camera, Duration after, String plate) {
    return enforcer.decide(
        aDetection().camera(camera).at(T0.plus(after)).plate(plate).speed(50).build(), sites);
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
    enforcer.forgetExpired();
    assertThat(sightings.size()).isEqualTo(2);
    see("A", Duration.ofSeconds(37), "999ZZZ09");
    clock.advance(Duration.ofSeconds(1));
    enforcer.forgetExpired();
    assertThat(sightings.size()).as("the first entry is gone, the two new ones wait").isEqualTo(2);
  }

  @Test
  void streamTimeMovesWithTheWallClockWhenTrafficStops() {
    see("A", Duration.ZERO, "111AAA01");
    clock.advance(Duration.ofSeconds(37));
    enforcer.forgetExpired();
    assertThat(sightings.size()).isZero();
  }

  @Test
  void anExitWaitsOnlyUntilStreamTimePassesIt() {
    see("B", Duration.ofSeconds(60), "111AAA01");
    assertThat(sightings.size()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61));
    enforcer.forgetExpired();
    assertThat(sightings.size()).isZero();
  }

  @Test
  void aLateEntryStillPairsWithItsWaitingExit() {
    Enforcer late = new Enforcer(sightings, new StreamClock(clock, Duration.ofMinutes(5)));
    late.decide(aDetection().camera("B").at(T0.plusSeconds(20)).plate("111AAA01").build(), sites);
    List<Violation> v =
        late.decide(aDetection().camera("A").at(T0).plate("111AAA01").build(), sites);
    assertThat(v).singleElement().extracting(Violation::measuredSpeedKmh).isEqualTo(180.0);
  }

  @Test
  void resendingTheSameEventsGivesTheSameViolation() {
    var entry = aDetection().camera("A").at(T0).plate("111AAA01").build();
    var exit = aDetection().camera("B").at(T0.plusSeconds(20)).plate("111AAA01").build();
    enforcer.decide(entry, sites);
    Violation first = enforcer.decide(exit, sites).getFirst();
    enforcer.decide(entry, sites);
    assertThat(enforcer.decide(exit, sites)).containsExactly(first);
  }
}
