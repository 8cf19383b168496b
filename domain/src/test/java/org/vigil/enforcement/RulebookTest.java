package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;
import static org.vigil.testkit.CameraBuilder.daily;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.detection.VehicleClass;
import org.vigil.plate.Plate;
import org.vigil.plate.PlateFormats;
import org.vigil.site.Sites;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.SitesBuilder;

/**
 * The rulebook by example: what each rule records, when a violation waits for a person, exempt
 * vehicles, late and duplicate reads, and plate formats.
 */
class RulebookTest {
  private static final Instant T = Instant.parse("2026-11-02T07:30:00Z");
  private static final Sites SECTION =
      SitesBuilder.sites()
          .camera("A", 60, 5)
          .camera("B", 60, 5)
          .section("S", "A", "B", 500, 60, 5)
          .build();

  private static DetectionBuilder at(String camera) {
    return DetectionBuilder.aDetection().camera(camera).at(T).speed(50);
  }

  private static Sites junction() {
    return SitesBuilder.sites()
        .camera(aCamera("J").limit(60, 5).redLight(500, 4).oneWay())
        .camera(
            aCamera("C").limit(60, 5).ban(EnumSet.of(VehicleClass.TRUCK), daily("07:00", "22:00")))
        .build();
  }

  @Test
  void aRedLightViolationNamesHowLongTheSignalHadBeenRed() {
    List<Violation> found =
        Enforcement.of(junction(), Duration.ofMinutes(5)).see(at("J").red(1350).build());
    assertThat(found)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.type()).isEqualTo(ViolationType.RED_LIGHT);
              assertThat(v.detail()).isEqualTo("red for 1350 ms, grace 500 ms");
              assertThat(v.observation().signal().redElapsedMs()).isEqualTo(1350);
            });
  }

  @Test
  void turningOnRedIsAllowedInItsLaneAndWithinTheGraceAnywhere() {
    Enforcement e = Enforcement.of(junction(), Duration.ofMinutes(5));
    assertThat(e.see(at("J").red(1350).lane(4).build())).isEmpty();
    assertThat(e.see(at("J").red(500).lane(2).plate("222BBB02").build())).isEmpty();
  }

  @Test
  void wrongWayAndABannedClassAreEachAViolationOfTheirOwn() {
    Enforcement e = Enforcement.of(junction(), Duration.ofMinutes(5));
    assertThat(e.see(at("J").againstTraffic().build()))
        .extracting(Violation::type)
        .containsExactly(ViolationType.WRONG_WAY);
    assertThat(e.see(at("C").vehicleClass(VehicleClass.TRUCK).build()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.type()).isEqualTo(ViolationType.RESTRICTED_CLASS);
              assertThat(v.detail())
                  .isEqualTo("[TRUCK] banned daily 07:00-22:00; a TRUCK was seen");
            });
  }

  @Test
  void oneDetectionCanBreakSeveralRules() {
    List<Violation> found =
        Enforcement.of(junction(), Duration.ofMinutes(5))
            .see(at("J").red(2000).againstTraffic().speed(90).build());
    assertThat(found)
        .extracting(Violation::type)
        .containsExactly(ViolationType.SPEED, ViolationType.RED_LIGHT, ViolationType.WRONG_WAY);
    assertThat(found).extracting(Violation::id).doesNotHaveDuplicates();
  }

  @Test
  void anUnreadablePlateIsHeldForAManualReadAndNotPairedInASection() {
    Enforcement e = Enforcement.of(SECTION, Duration.ofMinutes(5));
    List<Violation> entry = e.see(at("A").confidence(0.5).speed(100).build());
    assertThat(entry)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.held()).isTrue();
              assertThat(v.needsManualRead()).isTrue();
              assertThat(v.holds())
                  .extracting(Hold::reason)
                  .containsExactly("read with confidence 0.50, below the site's 0.80");
            });
    assertThat(e.sightings().size()).as("an uncertain read waits for no exit").isZero();
  }

  @Test
  void aPlateThatFitsNoFormatIsHeldWithAReasonThatDoesNotRepeatIt() {
    List<Violation> found =
        Enforcement.of(junction(), Duration.ofMinutes(5))
            .see(at("J").plate("12345").red(900).build());
    assertThat(found)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.PLATE_FORMAT);
              assertThat(v.holds().getFirst().reason()).doesNotContain("12345");
            });
  }

  @Test
  void aCameraWhoseClockDriftsHasItsViolationsHeld() {
    Enforcement e = Enforcement.of(junction(), Duration.ofMinutes(5));
    // the camera's clock runs 4 s behind: its reads arrive 4 s after the time they claim
    List<Violation> found =
        e.decide(at("J").red(900).build(), T.plusSeconds(4)) instanceof Decision.Decided d
            ? d.violations()
            : List.of();
    assertThat(found)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.CLOCK_DRIFT);
              assertThat(v.holds().getFirst().reason())
                  .isEqualTo("camera 'J' clock is off by -4000 ms, more than the 2000 ms allowed");
            });
    assertThat(e.enforcer().clocks().reading("J"))
        .get()
        .satisfies(r -> assertThat(r.offset()).isEqualTo(Duration.ofSeconds(-4)));
  }

  @Test
  void anExpiredCalibrationHoldsMeasuredViolations() {
    Sites sites =
        SitesBuilder.sites()
            .camera(aCamera("K").limit(60, 5).calibratedUntil("2026-11-01"))
            .build();
    List<Violation> found =
        Enforcement.of(sites, Duration.ofMinutes(5)).see(at("K").speed(99).build());
    assertThat(found)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.holds())
                  .extracting(Hold::kind)
                  .containsExactly(Hold.Kind.CALIBRATION_EXPIRED);
              assertThat(v.holds().getFirst().reason())
                  .isEqualTo("camera 'K' calibration expired after 2026-11-01");
            });
  }

  @Test
  void anExemptVehicleIsDecidedAsUnseenOnlyWhileItsExemptionIsValid() {
    Plate ambulance = Plate.of("103AMB02", "KZ");
    ExemptionList exemptions =
        new ExemptionList(
            List.of(
                new Exemption(
                    UUID.randomUUID(),
                    ambulance,
                    "ambulance",
                    T.minusSeconds(3600),
                    T.plusSeconds(60))));
    Enforcement e = Enforcement.of(SECTION, Duration.ofMinutes(5), exemptions);
    Decision d = e.decide(at("A").plate("103AMB02").speed(140).build());
    assertThat(d)
        .isEqualTo(new Decision.Decided(List.of(), new org.vigil.site.SpeedLimit(60, 5), true));
    assertThat(e.sightings().size()).as("no movement of an exempt vehicle is kept").isZero();
    assertThat(e.see(at("A").plate("103AMB02").at(T.plusSeconds(120)).speed(140).build()))
        .as("after its validity")
        .extracting(Violation::type)
        .containsExactly(ViolationType.SPEED);
  }

  @Test
  void aReadLaterThanTheAllowedLatenessIsRefusedWithItsTimeAndTheStreamTime() {
    Enforcement e = Enforcement.of(junction(), Duration.ofMinutes(5));
    e.see(at("J").at(T.plusSeconds(600)).build());
    Decision late = e.decide(at("J").plate("222BBB02").at(T).build(), T.plusSeconds(601));
    assertThat(late)
        .isInstanceOfSatisfying(
            Decision.TooLate.class,
            t ->
                assertThat(t.reason())
                    .isEqualTo(
                        "observedAt 2026-11-02T07:30:00Z is more than the allowed lateness (300 s) behind the newest detection; stream time is 2026-11-02T07:35:00Z"));
  }

  @Test
  void aSecondReadWithinTheWindowIsOneSightingAndOutsideItTwo() {
    Enforcement e = Enforcement.of(junction(), Duration.ofMinutes(5));
    assertThat(e.see(at("J").red(900).build())).hasSize(1);
    assertThat(e.decide(at("J").red(950).at(T.plusMillis(2500)).build()))
        .isEqualTo(new Decision.DuplicateRead());
    assertThat(e.see(at("J").red(900).at(T.plusMillis(3500)).build())).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "KZ, 123ABC02, true",
    "KZ, 123AB02, true",
    "KZ, A123BC77, false",
    "KG, 01123ABC, true",
    "KG, 123ABC02, false",
    "UZ, 01A123BC, true",
    "UZ, 01123ABC, true",
    "UZ, 0112ABC, false",
    "RU, A123BC77, true",
    "RU, A123BC777, true",
    "RU, D123BC77, false",
    "DE, BAB1234, true"
  })
  void platesAreCheckedAgainstTheirCountrysFormat(String country, String text, boolean fits) {
    assertThat(PlateFormats.problem(Plate.of(text, country)).isEmpty()).isEqualTo(fits);
  }
}
