package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.site.Camera;
import org.vigil.site.SpeedLimit;

class SpotSpeedRuleTest {
  private final Camera camera = new Camera("B-003", "A10", 4, new SpeedLimit(100, 10), null);
  private final SpotSpeedRule rule = new SpotSpeedRule();

  @ParameterizedTest
  @CsvSource({"0, false", "100, false", "109.99, false", "110, false", "110.01, true", "400, true"})
  void violationOnlyAboveLimitPlusTolerance(double speed, boolean violation) {
    assertThat(rule.decide(Situation.of(aDetection().speed(speed).build(), camera)).isPresent())
        .isEqualTo(violation);
  }

  @Test
  void noSpeedMeasuredIsNoViolation() {
    assertThat(rule.decide(Situation.of(aDetection().noSpeed().build(), camera))).isEmpty();
  }

  @Test
  void recordsTheFactsAndAStableId() {
    var d = aDetection().eventId("B-003:17").speed(127).build();
    Violation v = rule.decide(Situation.of(d, camera)).orElseThrow();
    assertThat(v.type()).isEqualTo(ViolationType.SPEED);
    assertThat(v.cameraId()).isEqualTo("B-003");
    assertThat(v.sectionId()).isNull();
    assertThat(v.measuredSpeedKmh()).isEqualTo(127);
    assertThat(v.limit()).isEqualTo(new SpeedLimit(100, 10));
    assertThat(v.eventIds()).containsExactly("B-003:17");
    assertThat(v.observedAt()).isEqualTo(d.observedAt());
    assertThat(rule.decide(Situation.of(d, camera)).orElseThrow().id()).isEqualTo(v.id());
  }
}
