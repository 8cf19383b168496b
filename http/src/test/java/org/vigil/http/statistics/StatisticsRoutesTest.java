package org.vigil.http.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.common.uri.UriQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;
import org.vigil.traffic.Passage;
import org.vigil.traffic.Resolution;
import org.vigil.traffic.TrafficKey;
import org.vigil.traffic.TrafficQuery;
import org.vigil.traffic.TrafficStat;
import org.vigil.traffic.TrafficTally;

class StatisticsRoutesTest {
  static final Instant NOW = Instant.parse("2026-11-02T10:17:00Z");

  static TrafficQuery query(String q) {
    return StatisticsRoutes.query(UriQuery.create(q), NOW);
  }

  @Test
  void defaultsToTheLastHourOfMinutes() {
    TrafficQuery q = query("");
    assertThat(q.resolution()).isEqualTo(Resolution.MINUTE);
    assertThat(q.to()).isEqualTo(NOW);
    assertThat(q.from()).isEqualTo(Instant.parse("2026-11-02T09:17:00Z"));
    assertThat(q.cameraId()).isNull();
    assertThat(q.lane()).isNull();
    TrafficQuery days = query("resolution=DAY&to=2026-11-01T00:00:00Z&cameraId=B-003&lane=2");
    assertThat(days.resolution()).isEqualTo(Resolution.DAY);
    assertThat(days.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(days.cameraId()).isEqualTo("B-003");
    assertThat(days.lane()).isEqualTo(2);
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> query("resolution=week"))
        .hasMessage("resolution 'week' must be minute, hour or day");
    assertThatThrownBy(() -> query("from=yesterday"))
        .hasMessage("from 'yesterday' is not an ISO-8601 instant such as 2026-11-02T07:30:00Z");
    assertThatThrownBy(() -> query("lane=two")).hasMessage("lane 'two' is not a whole number");
    assertThatThrownBy(() -> query("lane=-1")).hasMessage("lane must be 0 or more, was -1");
    assertThatThrownBy(() -> query("from=2026-11-01T00:00:00Z"))
        .hasMessageContaining("spans PT34H17M, more than the PT24H allowed at resolution MINUTE");
    assertThatThrownBy(() -> query("to=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z"))
        .hasMessage("to (2026-11-01T00:00:00Z) must be after from (2026-11-02T00:00:00Z)");
  }

  @Test
  void csvHasAHeaderAndAColumnPerClass() {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    SpeedLimit limit = new SpeedLimit(100, 10);
    TrafficTally tally =
        TrafficTally.of(new Passage("B,1", 1, t, VehicleClass.CAR, 95.25, limit))
            .plus(TrafficTally.of(new Passage("B,1", 1, t, VehicleClass.BUS, 120, limit)))
            .plus(TrafficTally.of(new Passage("B,1", 1, t, VehicleClass.BUS, Double.NaN, limit)));
    TrafficStat s = TrafficStat.of(new TrafficKey("B,1", 1, t), Resolution.HOUR, tally);
    TrafficStat none =
        TrafficStat.of(
            new TrafficKey("B-7", 0, t),
            Resolution.HOUR,
            TrafficTally.of(new Passage("B-7", 0, t, VehicleClass.VAN, Double.NaN, limit)));
    assertThat(StatisticsRoutes.csv(List.of(s, none)).split("\r\n"))
        .containsExactly(
            "cameraId,lane,start,resolution,vehicles,measuredVehicles,meanSpeedKmh,p85SpeedKmh,"
                + "overLimitShare,CAR,MOTORCYCLE,VAN,TRUCK,BUS,TAXI,OTHER",
            "\"B,1\",1,2026-11-02T10:00:00Z,hour,3,2,107.6,120,0.5,1,0,0,0,2,0,0",
            "B-7,0,2026-11-02T10:00:00Z,hour,1,0,,,,0,0,1,0,0,0,0");
    assertThat(StatisticsRoutes.json(none))
        .containsEntry("meanSpeedKmh", null)
        .containsEntry("p85SpeedKmh", null)
        .containsEntry("resolution", "hour");
  }
}
