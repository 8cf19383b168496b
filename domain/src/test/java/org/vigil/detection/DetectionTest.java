package org.vigil.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.SitesBuilder;

class DetectionTest {

  @Test
  void eachBadFieldIsNamedWithItsValue() {
    assertThatThrownBy(() -> aDetection().speed(-1).build())
        .hasMessage("speedKmh must be between 0 and 400, was -1.0");
    assertThatThrownBy(() -> aDetection().confidence(1.5).build())
        .hasMessage("plate.confidence must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> aDetection().lane(17).build())
        .hasMessage("lane must be between 1 and 16, was 17");
    assertThatThrownBy(() -> aDetection().eventId(" ").build()).hasMessage("eventId is missing");
  }

  /**
   * Regression: an event id holding a control character (the unit separator Vigil uses to store
   * event id lists, or NUL, which PostgreSQL refuses) could corrupt or block a batch of violations.
   */
  @Test
  void eventIdsHoldNoControlCharacters() {
    assertThatThrownBy(() -> aDetection().eventId("B-003:\u001f17").build())
        .hasMessage("eventId may not hold control characters, position 7 holds one");
    assertThatThrownBy(() -> aDetection().eventId("B-003:\u000017").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void observationTimeIsKeptToTheMicrosecond() {
    Instant t = Instant.parse("2026-11-02T07:30:04.123456789Z");
    assertThat(aDetection().at(t).build().observedAt())
        .isEqualTo(Instant.parse("2026-11-02T07:30:04.123456Z"));
  }

  @Test
  void admissionNamesWhyItRefuses() {
    Admission admission = new Admission(Duration.ofMinutes(2));
    var sites = SitesBuilder.standard();
    Instant now = Instant.parse("2026-11-02T07:30:00Z");
    assertThat(admission.refusal(aDetection().camera("X").build(), sites, now))
        .contains("unknown camera 'X'");
    assertThat(admission.refusal(aDetection().lane(5).build(), sites, now))
        .contains("lane 5 does not exist at camera 'B-003', which has 4");
    assertThat(admission.refusal(aDetection().at(now.plusSeconds(121)).build(), sites, now))
        .hasValueSatisfying(
            r -> assertThat(r).contains("more than 120 s after the server's clock"));
    assertThat(admission.refusal(aDetection().at(now.plusSeconds(120)).build(), sites, now))
        .isEmpty();
  }
}
