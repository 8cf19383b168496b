package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.detection.Detection;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;
import org.vigil.traffic.incident.IncidentDetector;
import org.vigil.traffic.incident.IncidentEvent;

/**
 * The simulated city through the incident detector on stream time: the wall clock (a test clock)
 * follows the stream as it would live, and the detector is advanced every second.
 */
class IncidentDetectionTest {
  private static final SpeedLimit ANY_LIMIT = new SpeedLimit(60, 10);

  /** Runs {@code length} of the city's stream through a fresh detector. */
  static List<IncidentEvent> run(CityConfig config, Duration length) {
    return run(config, length, new long[1]);
  }

  /** Runs {@code length} of the stream, counting the passages in {@code passages[0]}. */
  static List<IncidentEvent> run(CityConfig config, Duration length, long[] passages) {
    SimulatedCity city = new SimulatedCity(config);
    TestClock clock = new TestClock(config.start());
    IncidentDetector detector = new IncidentDetector(clock);
    List<IncidentEvent> events = new ArrayList<>();
    Instant end = config.start().plus(length);
    Instant nextTick = config.start().plusSeconds(1);
    while (true) {
      Detection d = city.next().detection();
      while (!nextTick.isAfter(d.observedAt()) && !nextTick.isAfter(end)) {
        clock.set(nextTick);
        events.addAll(detector.advance());
        nextTick = nextTick.plusSeconds(1);
      }
      if (d.observedAt().isAfter(end)) {
        return events;
      }
      passages[0]++;
      detector.accept(
          new Passage(
              d.cameraId(), d.lane(), d.observedAt(), d.vehicleClass(), d.speedKmh(), ANY_LIMIT));
    }
  }

  @ParameterizedTest(name = "seed {0}, camera {1}, {2} detections/s")
  @CsvSource({"42, C-010, 200", "7, C-003, 200", "11, C-008, 120", "5, C-012, 60"})
  void aStagedIncidentIsRaisedAtItsCameraWithinAMinuteAndClears(
      long seed, String camera, double rate) {
    Duration after = Duration.ofMinutes(12).plusSeconds(seed);
    Duration lasts = Duration.ofMinutes(5);
    CityConfig config =
        CityConfig.defaults()
            .withSeed(seed)
            .withRate(rate)
            .withIncident(new CityConfig.StagedIncident(camera, after, lasts));
    Instant staged = config.start().plus(after);

    List<IncidentEvent> events = run(config, Duration.ofMinutes(22));

    assertThat(events).as(events.toString()).hasSize(2);
    IncidentEvent.Raised raised = (IncidentEvent.Raised) events.getFirst();
    assertThat(raised.incident().cameraId()).isEqualTo(camera);
    assertThat(Duration.between(staged, raised.incident().startedAt()).abs())
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
    Duration delay = Duration.between(staged, raised.incident().detectedAt());
    System.out.println("seed " + seed + " detected after " + delay + ": " + raised.incident());
    assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
    IncidentEvent.Cleared cleared = (IncidentEvent.Cleared) events.get(1);
    assertThat(cleared.incident()).isEqualTo(raised.incident());
    assertThat(cleared.clearedAt())
        .isAfter(staged.plus(lasts))
        .isBefore(staged.plus(lasts).plusSeconds(60));
  }

  @Test
  void theDemosIncidentThreeMinutesIntoAFreshStreamIsRaised() {
    Duration after = Duration.ofMinutes(3);
    CityConfig config =
        CityConfig.defaults()
            .withIncident(new CityConfig.StagedIncident("C-012", after, Duration.ofMinutes(5)));
    List<IncidentEvent> events = run(config, Duration.ofMinutes(6));
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().incident().cameraId()).isEqualTo("C-012");
    assertThat(
            Duration.between(config.start().plus(after), events.getFirst().incident().detectedAt()))
        .isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "seed {0}, {1} detections/s")
  @CsvSource({"1, 200", "2, 40", "3, 20", "4, 100"})
  void normalTrafficRaisesNothingForAnHour(long seed, double rate) {
    CityConfig config = CityConfig.defaults().withSeed(seed).withRate(rate);
    long[] passages = new long[1];
    assertThat(run(config, Duration.ofMinutes(70), passages)).isEmpty();
    assertThat(passages[0]).isGreaterThan((long) (rate * 3600));
  }

  @Test
  void aCityWithoutSectionsRaisesNothingEither() {
    CityConfig config = CityConfig.defaults().withSeed(9).withCameras(6, 0).withRate(30);
    assertThat(run(config, Duration.ofMinutes(70))).isEmpty();
  }
}
