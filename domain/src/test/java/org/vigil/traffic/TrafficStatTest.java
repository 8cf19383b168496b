package org.vigil.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.traffic.Passages.T0;
import static org.vigil.traffic.Passages.at;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;

class TrafficStatTest {

  private static Map<VehicleClass, Long> cars(long n) {
    Map<VehicleClass, Long> m = new EnumMap<>(VehicleClass.class);
    for (VehicleClass c : VehicleClass.values()) {
      m.put(c, c == VehicleClass.CAR ? n : 0L);
    }
    return m;
  }

  @Test
  void readsTheFiguresOfATally() {
    TrafficTally t =
        TrafficTally.of(at(T0, 1, VehicleClass.CAR, 90))
            .plus(TrafficTally.of(at(T0, 1, VehicleClass.TAXI, 130)));
    TrafficStat s = TrafficStat.of(new TrafficKey("B-003", 1, T0), Resolution.MINUTE, t);
    assertThat(s.vehicles()).isEqualTo(2);
    assertThat(s.meanSpeedKmh()).isEqualTo(110);
    assertThat(s.p85SpeedKmh()).isEqualTo(130);
    assertThat(s.overLimitShare()).isEqualTo(0.5);
    assertThat(s.classes()).containsEntry(VehicleClass.TAXI, 1L).hasSize(7);
  }

  @Test
  void validatesNamingTheBadValue() {
    assertThatThrownBy(
            () ->
                new TrafficStat(
                    "B-003", 1, T0.plusSeconds(1), Resolution.MINUTE, 1, 1, 50, 50, 0, cars(1)))
        .hasMessage("start must be the start of a MINUTE in UTC, was 2026-11-02T07:30:01Z");
    assertThatThrownBy(
            () -> new TrafficStat("B-003", 1, T0, Resolution.HOUR, 1, 1, 50, 50, 0, cars(1)))
        .hasMessage("start must be the start of a HOUR in UTC, was 2026-11-02T07:30:00Z");
    assertThatThrownBy(
            () -> new TrafficStat("B-003", 1, T0, Resolution.MINUTE, 2, 1, 50, 50, 0, cars(1)))
        .hasMessage("classes must sum to vehicles (2), summed to 1");
    assertThatThrownBy(
            () -> new TrafficStat("B-003", 1, T0, Resolution.MINUTE, 1, 1, 50, 50, 1.5, cars(1)))
        .hasMessage("overLimitShare must be between 0 and 1.0, was 1.5");
    assertThatThrownBy(
            () -> new TrafficStat("B-003", 1, T0, Resolution.MINUTE, 1, 0, 50, 50, 0, cars(1)))
        .hasMessage("meanSpeedKmh must be NaN when no speed was measured, was 50.0");
    assertThatThrownBy(
            () -> new TrafficStat(" ", 1, T0, Resolution.MINUTE, 1, 1, 50, 50, 0, cars(1)))
        .hasMessage("cameraId must not be blank, was ' '");
    assertThatThrownBy(
            () -> new TrafficStat("B-003", -1, T0, Resolution.MINUTE, 1, 1, 50, 50, 0, cars(1)))
        .hasMessage("lane must be 0 or more, was -1");
  }

  @Test
  void periodsStartOnWholeUtcUnits() {
    Instant t = Instant.parse("2026-11-02T23:59:59.999Z");
    assertThat(Resolution.MINUTE.start(t)).isEqualTo(Instant.parse("2026-11-02T23:59:00Z"));
    assertThat(Resolution.HOUR.start(t)).isEqualTo(Instant.parse("2026-11-02T23:00:00Z"));
    assertThat(Resolution.DAY.start(t)).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(Resolution.DAY.length()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void queriesAreBounded() {
    Instant to = T0.plus(Duration.ofDays(2));
    assertThatThrownBy(() -> new TrafficQuery(Resolution.MINUTE, T0, to, null, null))
        .hasMessage(
            "from 2026-11-02T07:30:00Z to 2026-11-04T07:30:00Z spans PT48H, more than the PT24H"
                + " allowed at resolution MINUTE");
    assertThat(new TrafficQuery(Resolution.HOUR, T0, to, "B-003", 1).lane()).isEqualTo(1);
    assertThatThrownBy(() -> new TrafficQuery(Resolution.HOUR, T0, T0, null, null))
        .hasMessage("to (2026-11-02T07:30:00Z) must be after from (2026-11-02T07:30:00Z)");
    assertThatThrownBy(() -> new TrafficQuery(Resolution.HOUR, T0, to, null, -2))
        .hasMessage("lane must be 0 or more, was -2");
  }
}
