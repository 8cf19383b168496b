package org.vigil.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RulesTest {
  static final Level USUAL = new Level(600, 80, 5000);

  static Level level(double perMinute, double speed, long readings) {
    return new Level(perMinute, readings == 0 ? Double.NaN : speed, readings);
  }

  @Test
  void flowDropHoldsBelowThirtyPerCentOfAUsualFlowThatIsNotThin() {
    assertThat(FlowDrop.DEFAULT.fallen(level(179, 80, 100), USUAL))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .isEqualTo(
                        "flow fell to 179 vehicles/min, 30 % of the usual 600 (alert below 30 %)"));
    assertThat(FlowDrop.DEFAULT.fallen(level(180, 80, 100), USUAL)).isEmpty();
    assertThat(FlowDrop.DEFAULT.fallen(level(0, 0, 0), level(59, 80, 100)))
        .as("a usual flow under 60 vehicles a minute is too thin to judge by")
        .isEmpty();
    assertThat(FlowDrop.DEFAULT.fallen(level(0, 0, 0), level(60, 80, 100))).isPresent();
  }

  @Test
  void flowDropRecoversAtSixtyPerCent() {
    assertThat(FlowDrop.DEFAULT.recovered(level(359, 80, 10), USUAL)).isFalse();
    assertThat(FlowDrop.DEFAULT.recovered(level(360, 80, 10), USUAL)).isTrue();
    assertThat(FlowDrop.DEFAULT.slotFell(level(100, 80, 10), USUAL)).isTrue();
    assertThat(FlowDrop.DEFAULT.slotFell(level(300, 80, 10), USUAL)).isFalse();
  }

  @Test
  void speedDropHoldsBelowHalfTheUsualSpeedOverTenSpeedsOrMore() {
    assertThat(SpeedDrop.DEFAULT.fallen(level(500, 39.9, 10), USUAL))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .isEqualTo(
                        "mean speed fell to 40 km/h over 10 vehicles, 50 % of the usual 80 km/h"
                            + " (alert below 50 %)"));
    assertThat(SpeedDrop.DEFAULT.fallen(level(500, 40, 10), USUAL)).isEmpty();
    assertThat(SpeedDrop.DEFAULT.fallen(level(500, 10, 9), USUAL))
        .as("nine speeds are too few")
        .isEmpty();
    assertThat(SpeedDrop.DEFAULT.fallen(level(500, 10, 50), level(600, 0, 0)))
        .as("no usual speed, nothing to compare with")
        .isEmpty();
  }

  @Test
  void speedDropRecoversAtThreeQuartersOverEnoughSpeeds() {
    assertThat(SpeedDrop.DEFAULT.recovered(level(500, 60, 10), USUAL)).isTrue();
    assertThat(SpeedDrop.DEFAULT.recovered(level(500, 59, 10), USUAL)).isFalse();
    assertThat(SpeedDrop.DEFAULT.recovered(level(500, 80, 9), USUAL)).isFalse();
    assertThat(SpeedDrop.DEFAULT.slotFell(level(0, 0, 0), USUAL))
        .as("a slot where nothing passed fell")
        .isTrue();
  }

  @Test
  void rulesAndLevelsRefuseNonsenseNamingTheValue() {
    assertThatThrownBy(() -> new FlowDrop(1.2, 60, 0.6)).hasMessageContaining("was 1.2");
    assertThatThrownBy(() -> new FlowDrop(0.3, 0, 0.6)).hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> new FlowDrop(0.3, 60, 0.2)).hasMessageContaining("was 0.2");
    assertThatThrownBy(() -> new SpeedDrop(0.5, 0, 0.75)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new Level(-1, Double.NaN, 0)).hasMessageContaining("was -1.0");
    assertThatThrownBy(() -> new Level(1, 50, 0)).hasMessageContaining("50.0");
    assertThatThrownBy(() -> Level.of(1, 0, 0, 0)).hasMessageContaining("was 0.0");
  }
}
