package org.vigil.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Violation;
import org.vigil.site.Sites;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.SitesBuilder;

/** Pricing a decided violation under the tariff of the camera it was decided at. */
class FinesTest {
  private static final Fines FINES = new Fines(TariffBook.of(List.of(TariffFixtures.kz())));
  private static final Sites SITES =
      SitesBuilder.sites()
          .camera(aCamera("K").limit(60, 0))
          .camera(aCamera("X").limit(60, 0).jurisdiction("UZ"))
          .camera(aCamera("A").limit(60, 0).jurisdiction("UZ"))
          .camera(aCamera("B").limit(60, 0))
          .section("S", "A", "B", 1000, 60, 0)
          .build();

  private static Violation decided(DetectionBuilder d) {
    return Enforcement.of(SITES, Duration.ofMinutes(5)).see(d.build()).getFirst();
  }

  @Test
  void aSpotViolationIsPricedUnderItsCamerasTariff() {
    Fine fine =
        FINES.assess(decided(DetectionBuilder.aDetection().camera("K").speed(95)), SITES).fine();
    assertThat(fine.outcome()).isEqualTo("FINE");
    assertThat(fine.amount()).isEqualByComparingTo("43250");
    assertThat(fine.discountedAmount()).isEqualByComparingTo("21625");
    assertThat(fine.discountWithinDays()).isEqualTo(7);
    assertThat(fine.basis()).isEqualTo("CoAO RK art. 592 part 2");
  }

  @Test
  void aSectionViolationIsPricedUnderItsExitCamerasTariff() {
    Enforcement e = Enforcement.of(SITES, Duration.ofMinutes(5));
    DetectionBuilder entry = DetectionBuilder.aDetection().camera("A").noSpeed();
    e.see(entry.build());
    Violation section =
        e.see(
                DetectionBuilder.aDetection()
                    .camera("B")
                    .noSpeed()
                    .at(entry.build().observedAt().plusSeconds(30))
                    .build())
            .getFirst();
    assertThat(FINES.assess(section, SITES).fine().currency()).isEqualTo("KZT");
  }

  @Test
  void aJurisdictionWithoutATariffSaysSoRatherThanInventingAFine() {
    Fine fine =
        FINES.assess(decided(DetectionBuilder.aDetection().camera("X").speed(95)), SITES).fine();
    assertThat(fine.outcome()).isEqualTo("NO_TARIFF");
    assertThat(fine.amount()).isNull();
    assertThat(fine.explanation()).contains("UZ");
  }
}
