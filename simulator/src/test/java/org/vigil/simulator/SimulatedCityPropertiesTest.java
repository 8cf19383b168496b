package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.vigil.detection.Detection;
import org.vigil.site.Camera;
import org.vigil.site.Section;

/** The ground truth holds for any seed and any city shape, not just the defaults. */
class SimulatedCityPropertiesTest {

  @Property(tries = 40)
  void compliantVehiclesNeverSpeedAndSpeedersAlwaysDo(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 40) int cameras,
      @ForAll @IntRange(min = 0, max = 20) int sections,
      @ForAll @DoubleRange(min = 0.5, max = 100_000) double rate,
      @ForAll @DoubleRange(min = 0, max = 1) double speederShare) {
    CityConfig config =
        new CityConfig(seed, cameras, Math.min(sections, cameras / 2), rate, speederShare);
    SimulatedCity city = new SimulatedCity(config);
    Map<String, Detection> entries = new HashMap<>();
    Detection previous = null;
    for (SimulatedDetection s : city.next(2000)) {
      Detection d = s.detection();
      if (previous != null) {
        assertThat(d.observedAt()).isAfterOrEqualTo(previous.observedAt());
      }
      previous = d;
      Camera cam = city.sites().camera(d.cameraId()).orElseThrow();
      int threshold =
          cam.limits()
              .inForce(d.vehicleClass(), d.observedAt(), cam.rules().timeZone())
              .thresholdKmh();
      assertThat(d.speedKmh() > threshold).isEqualTo(s.speeder());
      for (Section section : city.sites().sectionsStartingAt(d.cameraId())) {
        entries.put(section.id() + "/" + d.plate().text(), d);
      }
      for (Section section : city.sites().sectionsEndingAt(d.cameraId())) {
        Detection entry = entries.remove(section.id() + "/" + d.plate().text());
        if (entry != null) {
          Duration travel = Duration.between(entry.observedAt(), d.observedAt());
          assertThat(section.isSpeeding(travel, section.limit())).isEqualTo(s.speeder());
        }
      }
    }
    assertThat(Collections.disjoint(city.compliantPlates(), city.speederPlates())).isTrue();
  }
}
