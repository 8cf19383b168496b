package org.vigil.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vigil.detection.VehicleClass;

/**
 * Tallies against a reference model small enough to be obviously right: the list of passages
 * itself, with its speeds rounded and sorted for the percentile.
 */
class TrafficTallyPropertiesTest {

  @Provide
  Arbitrary<List<Passage>> passages() {
    Arbitrary<Double> speed =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 400).ofScale(3),
            Arbitraries.of(Double.NaN, 0.0, 110.0, 110.001, 299.5, 300.0));
    Arbitrary<Passage> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 7_199),
                Arbitraries.of(VehicleClass.class),
                speed)
            .as((lane, second, c, s) -> Passages.at(Passages.T0.plusSeconds(second), lane, c, s));
    return one.list().ofMaxSize(300);
  }

  private static TrafficTally tally(List<Passage> ps) {
    TrafficTally t = TrafficTally.EMPTY;
    for (Passage p : ps) {
      t = t.plus(TrafficTally.of(p));
    }
    return t;
  }

  @Property
  void aTallyCountsWhatTheReferenceCounts(
      @ForAll("passages") List<Passage> ps, @ForAll @IntRange(min = 1, max = 100) int percent) {
    TrafficTally t = tally(ps);
    List<Integer> rounded = new ArrayList<>();
    long overLimit = 0;
    double sum = 0;
    for (Passage p : ps) {
      if (p.hasSpeed()) {
        rounded.add((int) Math.min(300, Math.round(p.speedKmh())));
        sum += p.speedKmh();
        overLimit += p.overLimit() ? 1 : 0;
      }
    }
    Collections.sort(rounded);
    assertThat(t.vehicles()).isEqualTo(ps.size());
    assertThat(t.measured()).isEqualTo(rounded.size());
    assertThat(t.overLimit()).isEqualTo(overLimit);
    for (VehicleClass c : VehicleClass.values()) {
      assertThat(t.count(c)).isEqualTo(ps.stream().filter(p -> p.vehicleClass() == c).count());
    }
    if (rounded.isEmpty()) {
      assertThat(t.percentileKmh(percent)).isNaN();
      assertThat(t.meanSpeedKmh()).isNaN();
    } else {
      int rank = (int) Math.ceil(percent * rounded.size() / 100.0);
      assertThat(t.percentileKmh(percent)).isEqualTo((double) rounded.get(Math.max(rank, 1) - 1));
      assertThat(t.meanSpeedKmh()).isCloseTo(sum / rounded.size(), within(1e-9));
      assertThat(t.overLimitShare()).isEqualTo((double) overLimit / rounded.size());
    }
  }

  @Property
  void mergingTalliesEqualsTallyingTheUnion(
      @ForAll("passages") List<Passage> a, @ForAll("passages") List<Passage> b) {
    List<Passage> union = new ArrayList<>(a);
    union.addAll(b);
    assertThat(tally(a).plus(tally(b))).isEqualTo(tally(union));
    assertThat(tally(b).plus(tally(a))).isEqualTo(tally(union));
  }

  @Property
  void theAggregatorDrainsWhatTallyingPerMinuteGives(
      @ForAll("passages") List<Passage> ps, @ForAll @IntRange(min = 0, max = 300) int drainAfter) {
    TrafficAggregator aggregator = new TrafficAggregator();
    Map<TrafficKey, TrafficTally> drained = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      if (i == drainAfter) {
        aggregator.drain().forEach((k, v) -> drained.merge(k, v, TrafficTally::plus));
      }
      aggregator.accept(ps.get(i));
    }
    aggregator.drain().forEach((k, v) -> drained.merge(k, v, TrafficTally::plus));

    Map<TrafficKey, TrafficTally> reference = new HashMap<>();
    for (Passage p : ps) {
      Instant minute = Resolution.MINUTE.start(p.observedAt());
      reference.merge(
          new TrafficKey(p.cameraId(), p.lane(), minute), TrafficTally.of(p), TrafficTally::plus);
    }
    assertThat(drained).isEqualTo(reference);
  }

  @Property
  void hourAndDayRollUpsAreSumsOfMinutes(@ForAll("passages") List<Passage> ps) {
    for (Resolution r : Resolution.values()) {
      Map<TrafficKey, TrafficTally> direct = new HashMap<>();
      Map<TrafficKey, TrafficTally> rolled = new HashMap<>();
      Map<TrafficKey, TrafficTally> minutes = new HashMap<>();
      for (Passage p : ps) {
        direct.merge(
            new TrafficKey(p.cameraId(), p.lane(), r.start(p.observedAt())),
            TrafficTally.of(p),
            TrafficTally::plus);
        minutes.merge(
            new TrafficKey(p.cameraId(), p.lane(), Resolution.MINUTE.start(p.observedAt())),
            TrafficTally.of(p),
            TrafficTally::plus);
      }
      minutes.forEach((k, v) -> rolled.merge(k.in(r), v, TrafficTally::plus));
      assertThat(rolled).isEqualTo(direct);
    }
  }
}
