package org.vigil.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.traffic.Passages.car;

import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;

class TrafficTallyTest {

  private static TrafficTally tally(double... speeds) {
    TrafficTally t = TrafficTally.EMPTY;
    for (double s : speeds) {
      t = t.plus(TrafficTally.of(car(s)));
    }
    return t;
  }

  @Test
  void countsMeanShareAndClasses() {
    TrafficTally t =
        tally(80, 90, 111, 100.5)
            .plus(TrafficTally.of(Passages.at(Passages.T0, 1, VehicleClass.TRUCK, Double.NaN)));
    assertThat(t.vehicles()).isEqualTo(5);
    assertThat(t.measured()).isEqualTo(4);
    assertThat(t.count(VehicleClass.CAR)).isEqualTo(4);
    assertThat(t.count(VehicleClass.TRUCK)).isEqualTo(1);
    assertThat(t.meanSpeedKmh()).isEqualTo(95.375);
    assertThat(t.overLimit()).as("only 111 is above 100 + 10").isEqualTo(1);
    assertThat(t.overLimitShare()).isEqualTo(0.25);
    assertThat(t.histogramLow()).isEqualTo(80);
    assertThat(t.histogram()).hasSize(32);
  }

  @Test
  void p85IsTheNearestRankOnWholeKmh() {
    // 20 speeds 1..20: rank ceil(0.85 * 20) = 17
    double[] speeds = new double[20];
    for (int i = 0; i < 20; i++) {
      speeds[i] = i + 1;
    }
    assertThat(tally(speeds).p85SpeedKmh()).isEqualTo(17);
    // rank ceil(0.85 * 3) = 3: the highest
    assertThat(tally(50, 60, 70).p85SpeedKmh()).isEqualTo(70);
    assertThat(tally(42.4).p85SpeedKmh()).isEqualTo(42);
    assertThat(tally(42.5).p85SpeedKmh()).as("half up").isEqualTo(43);
    assertThat(tally(350).p85SpeedKmh()).as("the top bin").isEqualTo(300);
    assertThat(tally(0.2).percentileKmh(100)).isZero();
    assertThat(tally(10, 20, 30, 40).percentileKmh(1)).isEqualTo(10);
    assertThat(tally(10, 20, 30, 40).percentileKmh(50)).isEqualTo(20);
  }

  @Test
  void noSpeedMeansNoSpeedFigures() {
    TrafficTally t = TrafficTally.of(Passages.at(Passages.T0, 2, VehicleClass.BUS, Double.NaN));
    assertThat(t.vehicles()).isEqualTo(1);
    assertThat(t.meanSpeedKmh()).isNaN();
    assertThat(t.p85SpeedKmh()).isNaN();
    assertThat(t.overLimitShare()).isNaN();
    assertThat(t.histogram()).isEmpty();
    assertThat(TrafficTally.EMPTY.p85SpeedKmh()).isNaN();
  }

  @Test
  void restoreChecksConsistencyNamingTheValue() {
    long[] classes = new long[VehicleClass.values().length];
    classes[0] = 2;
    TrafficTally ok = TrafficTally.restore(2, 2, 181_000, 0, classes, 89, new long[] {0, 1, 1});
    assertThat(ok).isEqualTo(tally(90, 91));
    assertThatThrownBy(() -> TrafficTally.restore(2, 3, 0, 0, classes, 0, new long[] {3}))
        .hasMessage("measured must be at most vehicles (2), was 3");
    assertThatThrownBy(() -> TrafficTally.restore(2, 2, 0, 0, classes, 0, new long[] {1}))
        .hasMessage("histogram must sum to measured (2), summed to 1");
    assertThatThrownBy(() -> TrafficTally.restore(3, 0, 0, 0, classes, 0, new long[0]))
        .hasMessage("class counts must sum to vehicles (3), summed to 2");
    assertThatThrownBy(() -> TrafficTally.restore(2, 2, 0, 0, classes, 300, new long[] {1, 1}))
        .hasMessage("histogram must lie within 0..300 km/h, was 300..301");
    assertThatThrownBy(() -> TrafficTally.restore(-1, 0, 0, 0, classes, 0, new long[0]))
        .hasMessage("vehicles must be 0 or more, was -1");
    assertThatThrownBy(() -> tally(1).percentileKmh(0))
        .hasMessage("percent must be between 1 and 100, was 0");
  }

  @Test
  void theHistogramCannotBeChangedFromOutside() {
    TrafficTally t = tally(50);
    t.histogram()[0] = 99;
    t.classCounts()[0] = 99;
    assertThat(t).isEqualTo(tally(50));
  }
}
