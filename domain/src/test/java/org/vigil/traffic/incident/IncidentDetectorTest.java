package org.vigil.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.traffic.incident.Road.Traffic;

class IncidentDetectorTest {
  static final Instant MONDAY = Instant.parse("2026-11-02T07:00:00Z");
  static final Traffic NORMAL = new Traffic(5, 80);

  @Test
  void aTotalStopIsRaisedWithinAMinuteThoughNoPassageArrivesAndClearsWhenTrafficReturns() {
    Road road = new Road(MONDAY).drive(Duration.ofMinutes(10), Map.of("A", NORMAL, "B", NORMAL));
    Instant stop = road.now();
    road.drive(Duration.ofMinutes(3), Map.of("B", NORMAL));
    Instant resumed = road.now();
    road.drive(Duration.ofMinutes(2), Map.of("A", NORMAL, "B", NORMAL));

    assertThat(road.events).hasSize(2);
    Incident incident = road.raised().getFirst().incident();
    assertThat(incident.cameraId()).isEqualTo("A");
    assertThat(incident.kind()).isEqualTo(IncidentKind.FLOW_DROP);
    assertThat(incident.startedAt()).isEqualTo(stop);
    assertThat(incident.detectedAt()).isEqualTo(stop.plusSeconds(35));
    assertThat(incident.observedFlowPerMinute()).isZero();
    assertThat(incident.usualFlowPerMinute()).isEqualTo(300);
    assertThat(incident.usualSpeedKmh()).isEqualTo(80);
    assertThat(incident.detail())
        .isEqualTo(
            "camera A: flow fell to 0 vehicles/min, 0 % of the usual 300 (alert below 30 %)"
                + " (usual: this camera over the last 20 min)");
    IncidentEvent.Cleared cleared = (IncidentEvent.Cleared) road.events.get(1);
    assertThat(cleared.incident()).isEqualTo(incident);
    assertThat(cleared.clearedAt()).isBetween(resumed, resumed.plusSeconds(40));
    assertThat(road.detector.open()).isEmpty();
  }

  @Test
  void aCrawlIsASpeedDrop() {
    Road road = new Road(MONDAY).drive(Duration.ofMinutes(10), Map.of("A", NORMAL));
    Instant crawl = road.now().plusSeconds(4);
    road.drive(Duration.ofSeconds(4), Map.of("A", NORMAL))
        .drive(Duration.ofMinutes(2), Map.of("A", new Traffic(4, 12)));

    assertThat(road.events).hasSize(1);
    Incident incident = road.raised().getFirst().incident();
    assertThat(incident.kind()).isEqualTo(IncidentKind.SPEED_DROP);
    assertThat(incident.startedAt()).isEqualTo(crawl.plusSeconds(6));
    assertThat(Duration.between(crawl, incident.detectedAt())).isEqualTo(Duration.ofSeconds(31));
    assertThat(incident.observedSpeedKmh()).isLessThan(40);
    assertThat(road.detector.open()).containsExactly(incident);
  }

  @Test
  void theUsualLevelIsThatOfTheTimeOfDayOnceADayHasBeenSeen() {
    Traffic quiet = new Traffic(1.5, 70);
    Traffic busy = new Traffic(10, 70);
    Road road =
        new Road(MONDAY)
            .drive(Duration.ofHours(1), Map.of("A", quiet))
            .drive(Duration.ofMinutes(30), Map.of("A", busy));
    Instant tuesday = MONDAY.plus(Duration.ofDays(1));
    road.clock.set(tuesday);
    road.detector.advance();
    road.events.clear();
    Road next = road.continueAt(tuesday);
    next.drive(Duration.ofMinutes(65), Map.of("A", quiet));

    List<IncidentEvent.Raised> raised =
        next.raised().stream()
            .filter(r -> !r.incident().detectedAt().isBefore(tuesday.plusSeconds(60)))
            .toList();
    assertThat(raised).hasSize(1);
    Incident incident = raised.getFirst().incident();
    assertThat(incident.kind()).isEqualTo(IncidentKind.FLOW_DROP);
    assertThat(incident.detectedAt()).isEqualTo(Instant.parse("2026-11-03T08:00:15Z"));
    assertThat(incident.usualFlowPerMinute()).isEqualTo(600);
    assertThat(incident.detail()).endsWith("(usual: this camera at this time of day)");
  }

  @Test
  void aCameraWhoseClockRunsAheadJudgesOnlyItself() {
    Road road =
        new Road(MONDAY)
            .drive(
                Duration.ofMinutes(30),
                Map.of("A", NORMAL, "B", NORMAL),
                Map.of("B", Duration.ofMinutes(2)));
    assertThat(road.events).isEmpty();
  }

  @Test
  void thinTrafficIsNeverJudgedByFlow() {
    Road road =
        new Road(MONDAY)
            .drive(Duration.ofMinutes(20), Map.of("A", new Traffic(0.9, 50)))
            .drive(Duration.ofMinutes(5), Map.of());
    assertThat(road.events).isEmpty();
  }
}
