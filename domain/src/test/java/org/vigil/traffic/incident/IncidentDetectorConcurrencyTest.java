package org.vigil.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;

class IncidentDetectorConcurrencyTest {
  static final Instant START = Instant.parse("2026-11-02T07:00:00Z");
  static final SpeedLimit LIMIT = new SpeedLimit(60, 10);

  @Test
  void passagesCountedFromManyThreadsAtOnceAreNeverLost() throws Exception {
    TestClock clock = new TestClock(START);
    IncidentDetector detector = new IncidentDetector(clock);
    int threads = 8;
    int seconds = 600;
    List<Thread> feeders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      feeders.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int s = 0; s < seconds; s++) {
                      detector.accept(
                          new Passage(
                              "A",
                              1,
                              START.plusSeconds(s).plusMillis(100L * offset),
                              VehicleClass.CAR,
                              70,
                              LIMIT));
                    }
                  }));
    }
    for (Thread f : feeders) {
      f.join();
    }
    List<IncidentEvent> events = new ArrayList<>();
    for (int s = 1; s <= seconds + 60; s++) {
      clock.set(START.plusSeconds(s));
      events.addAll(detector.advance());
    }
    assertThat(events).hasSize(1);
    Incident incident = events.getFirst().incident();
    assertThat(incident.kind()).isEqualTo(IncidentKind.FLOW_DROP);
    assertThat(incident.usualFlowPerMinute()).as("8 vehicles a second, none lost").isEqualTo(480);
    assertThat(incident.startedAt()).isEqualTo(START.plusSeconds(seconds));
  }
}
