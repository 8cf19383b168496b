package org.vigil.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.traffic.Passages.T0;
import static org.vigil.traffic.Passages.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;

class TrafficAggregatorTest {

  @Test
  void drainsPerCameraLaneAndMinuteAndStartsAfresh() {
    TrafficAggregator a = new TrafficAggregator();
    a.accept(at(T0.plusSeconds(5), 1, VehicleClass.CAR, 90));
    a.accept(at(T0.plusSeconds(59), 1, VehicleClass.VAN, 120));
    a.accept(at(T0.plusSeconds(60), 1, VehicleClass.CAR, 80));
    a.accept(at(T0.plusSeconds(61), 2, VehicleClass.CAR, Double.NaN));
    Map<TrafficKey, TrafficTally> d = a.drain();
    assertThat(d).hasSize(3);
    TrafficTally first = d.get(new TrafficKey("B-003", 1, T0));
    assertThat(first.vehicles()).isEqualTo(2);
    assertThat(first.overLimit()).isEqualTo(1);
    assertThat(first.count(VehicleClass.VAN)).isEqualTo(1);
    assertThat(d.get(new TrafficKey("B-003", 2, T0.plusSeconds(60))).measured()).isZero();
    assertThat(a.drain()).as("nothing new").isEmpty();

    a.accept(at(T0.plusSeconds(30), 1, VehicleClass.CAR, 100));
    assertThat(a.drain())
        .as("a late passage is a delta for its own minute")
        .containsOnlyKeys(new TrafficKey("B-003", 1, T0));
  }

  @Test
  void restoredTalliesComeBackInTheNextDrain() {
    TrafficAggregator a = new TrafficAggregator();
    a.accept(at(T0, 1, VehicleClass.CAR, 90));
    Map<TrafficKey, TrafficTally> failed = a.drain();
    a.accept(at(T0.plusSeconds(1), 1, VehicleClass.CAR, 70));
    a.restore(failed);
    TrafficTally both = a.drain().get(new TrafficKey("B-003", 1, T0));
    assertThat(both.vehicles()).isEqualTo(2);
    assertThat(both.meanSpeedKmh()).isEqualTo(80);
    assertThatThrownBy(
            () ->
                a.restore(
                    Map.of(
                        new TrafficKey("B-003", 1, T0.plusSeconds(1)),
                        TrafficTally.of(at(T0, 1, VehicleClass.CAR, 1)))))
        .hasMessage("start must be a whole minute, was 2026-11-02T07:30:01Z");
  }

  @Test
  void concurrentPassagesAndDrainsLoseNothingAndCountNothingTwice() throws Exception {
    TrafficAggregator a = new TrafficAggregator();
    int threads = 8;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int lane = t % 2;
      writers.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                  a.accept(at(T0.plusSeconds(i % 180), lane, VehicleClass.CAR, i % 150));
                }
                return null;
              }));
    }
    Map<TrafficKey, TrafficTally> total = new HashMap<>();
    Future<?> drainer =
        pool.submit(
            () -> {
              go.await();
              while (writers.stream().anyMatch(f -> !f.isDone())) {
                a.drain().forEach((k, v) -> total.merge(k, v, TrafficTally::plus));
              }
              return null;
            });
    go.countDown();
    for (Future<?> f : writers) {
      f.get(60, TimeUnit.SECONDS);
    }
    drainer.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    a.drain().forEach((k, v) -> total.merge(k, v, TrafficTally::plus));

    assertThat(total.values().stream().mapToLong(TrafficTally::vehicles).sum())
        .isEqualTo((long) threads * each);
    assertThat(total).hasSize(2 * 3);
    long firstMinutePerThread = 0;
    for (int i = 0; i < each; i++) {
      firstMinutePerThread += i % 180 < 60 ? 1 : 0;
    }
    TrafficTally firstMinute = total.get(new TrafficKey("B-003", 0, T0));
    assertThat(firstMinute.vehicles()).isEqualTo(threads / 2 * firstMinutePerThread);
    assertThat(firstMinute.measured()).isEqualTo(firstMinute.vehicles());
  }
}
