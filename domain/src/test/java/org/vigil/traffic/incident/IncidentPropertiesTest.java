package org.vigil.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.vigil.traffic.incident.Road.Traffic;

class IncidentPropertiesTest {
  static final Instant START = Instant.parse("2026-11-02T05:00:00Z");

  @Property(tries = 40)
  void constantTrafficNeverAlerts(
      @ForAll @DoubleRange(min = 0.05, max = 40) double perSecond,
      @ForAll @IntRange(min = 5, max = 130) int speedKmh,
      @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
    Road road =
        new Road(START.plusSeconds(secondOfDay))
            .drive(Duration.ofMinutes(40), Map.of("A", new Traffic(perSecond, speedKmh)));
    assertThat(road.events).isEmpty();
  }

  @Property(tries = 40)
  void aFallToNothingAlwaysAlertsWithinAMinute(
      @ForAll @DoubleRange(min = 1.05, max = 40) double perSecond,
      @ForAll @IntRange(min = 6, max = 25) int minutesBefore,
      @ForAll @IntRange(min = 0, max = 59) int extraSeconds) {
    Traffic usual = new Traffic(perSecond, 60);
    Road road =
        new Road(START)
            .drive(Duration.ofMinutes(minutesBefore).plusSeconds(extraSeconds), Map.of("A", usual));
    Instant fall = road.now();
    road.drive(Duration.ofSeconds(90), Map.of());

    assertThat(road.raised()).hasSize(1);
    Incident incident = road.raised().getFirst().incident();
    assertThat(incident.cameraId()).isEqualTo("A");
    assertThat(incident.kind()).isEqualTo(IncidentKind.FLOW_DROP);
    assertThat(Duration.between(fall, incident.detectedAt()))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(Duration.between(incident.startedAt(), fall).abs())
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
  }
}
