package org.vigil.traffic.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;

/**
 * Synthetic traffic through a detector, second by second: each camera sees evenly spaced vehicles
 * at a set rate and speed, the wall clock (a test clock) follows the stream, and the detector is
 * advanced every second.
 */
final class Road {
  private static final SpeedLimit LIMIT = new SpeedLimit(60, 10);

  /** What one camera sees: vehicles per second and their speed (NaN: not measured). */
  record Traffic(double perSecond, double speedKmh) {
    static final Traffic NONE = new Traffic(0, Double.NaN);
  }

  final TestClock clock;
  final IncidentDetector detector;
  final List<IncidentEvent> events = new ArrayList<>();
  private final Map<String, Double> credit = new LinkedHashMap<>();
  private Instant now;

  Road(Instant start) {
    this.now = start;
    this.clock = new TestClock(start);
    this.detector = new IncidentDetector(clock);
  }

  /** Goes on driving the same detector from {@code at}, as if the cameras had been off. */
  Road continueAt(Instant at) {
    now = at;
    clock.set(at);
    credit.clear();
    return this;
  }

  Instant now() {
    return now;
  }

  /** Drives {@code span} of traffic, each camera's clock {@code ahead} of the stream. */
  Road drive(Duration span, Map<String, Traffic> traffic) {
    return drive(span, traffic, Map.of());
  }

  Road drive(Duration span, Map<String, Traffic> traffic, Map<String, Duration> ahead) {
    Instant end = now.plus(span);
    while (now.isBefore(end)) {
      for (Map.Entry<String, Traffic> e : traffic.entrySet()) {
        double c = credit.getOrDefault(e.getKey(), 0.0) + e.getValue().perSecond();
        int n = (int) c;
        credit.put(e.getKey(), c - n);
        Instant cameraNow = now.plus(ahead.getOrDefault(e.getKey(), Duration.ZERO));
        for (int i = 0; i < n; i++) {
          detector.accept(
              new Passage(
                  e.getKey(),
                  1,
                  cameraNow.plusMillis(1000L * i / n),
                  VehicleClass.CAR,
                  e.getValue().speedKmh(),
                  LIMIT));
        }
      }
      now = now.plusSeconds(1);
      clock.set(now);
      events.addAll(detector.advance());
    }
    return this;
  }

  List<IncidentEvent.Raised> raised() {
    return events.stream()
        .filter(IncidentEvent.Raised.class::isInstance)
        .map(IncidentEvent.Raised.class::cast)
        .toList();
  }
}
