package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;
import org.vigil.traffic.Passage;
import org.vigil.traffic.Resolution;
import org.vigil.traffic.TrafficAggregator;
import org.vigil.traffic.TrafficKey;
import org.vigil.traffic.TrafficQuery;
import org.vigil.traffic.TrafficStat;
import org.vigil.traffic.TrafficTally;

/** Against a real, embedded PostgreSQL. */
class PostgresTrafficIT {
  static final SpeedLimit LIMIT = new SpeedLimit(100, 10);
  static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant H8 = Instant.parse("2026-11-02T08:00:00Z");
  static final Instant H9 = Instant.parse("2026-11-02T09:00:00Z");

  @TempDir static Path dataDir;
  static Database database;
  static PostgresTraffic store;
  static TrafficAggregator aggregator;
  static TrafficFlusher flusher;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    store = new PostgresTraffic(database.dataSource());
    aggregator = new TrafficAggregator();
    // the schedule never fires during the test: it flushes by hand
    flusher = new TrafficFlusher(aggregator, store, Duration.ofHours(1));
  }

  @AfterAll
  static void close() throws Exception {
    flusher.close();
    database.close();
  }

  static Passage passage(String camera, int lane, String at, VehicleClass c, double speed) {
    return new Passage(camera, lane, Instant.parse(at), c, speed, LIMIT);
  }

  static List<TrafficStat> find(Resolution r, Instant from, Duration span, String camera) {
    try {
      return store.find(new TrafficQuery(r, from, from.plus(span), camera, null));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void minutesAddUpToHoursAndDaysAndALatePassageAddsToItsPeriods() throws Exception {
    List<Passage> first =
        List.of(
            passage("A-1", 1, "2026-11-02T08:59:30Z", VehicleClass.CAR, 90),
            passage("A-1", 1, "2026-11-02T09:00:10Z", VehicleClass.CAR, 95.5),
            passage("A-1", 1, "2026-11-02T09:00:50Z", VehicleClass.TRUCK, 130),
            passage("A-1", 2, "2026-11-02T09:30:00Z", VehicleClass.BUS, Double.NaN),
            passage("A-2", 1, "2026-11-02T09:45:00Z", VehicleClass.TAXI, 40));
    first.forEach(aggregator::accept);
    assertThat(flusher.flush()).isEqualTo(5 - 1);

    List<TrafficStat> minutes = find(Resolution.MINUTE, H8, Duration.ofHours(2), "A-1");
    assertThat(minutes)
        .extracting(s -> s.start().toString() + "/" + s.lane() + "=" + s.vehicles())
        .containsExactly(
            "2026-11-02T08:59:00Z/1=1", "2026-11-02T09:00:00Z/1=2", "2026-11-02T09:30:00Z/2=1");
    TrafficStat nine = minutes.get(1);
    assertThat(nine.meanSpeedKmh()).isEqualTo(112.75);
    assertThat(nine.p85SpeedKmh()).isEqualTo(130);
    assertThat(nine.overLimitShare()).isEqualTo(0.5);
    assertThat(nine.classes()).containsEntry(VehicleClass.TRUCK, 1L);
    TrafficStat bus = minutes.get(2);
    assertThat(bus.meanSpeedKmh()).isNaN();
    assertThat(bus.p85SpeedKmh()).isNaN();

    List<TrafficStat> hours = find(Resolution.HOUR, H8, Duration.ofHours(2), null);
    assertThat(hours)
        .extracting(s -> s.cameraId() + "/" + s.start() + "/" + s.lane() + "=" + s.vehicles())
        .containsExactly(
            "A-1/2026-11-02T08:00:00Z/1=1",
            "A-1/2026-11-02T09:00:00Z/1=2",
            "A-1/2026-11-02T09:00:00Z/2=1",
            "A-2/2026-11-02T09:00:00Z/1=1");

    // late: after its minute, hour and day rows were written
    Passage late = passage("A-1", 1, "2026-11-02T09:00:20Z", VehicleClass.CAR, 250);
    aggregator.accept(late);
    assertThat(flusher.flush()).isEqualTo(1);

    TrafficTally expected = TrafficTally.EMPTY;
    for (Passage p : List.of(first.get(1), first.get(2), late)) {
      expected = expected.plus(TrafficTally.of(p));
    }
    TrafficStat expectedNine =
        TrafficStat.of(new TrafficKey("A-1", 1, H9), Resolution.MINUTE, expected);
    TrafficStat nineAgain = find(Resolution.MINUTE, H9, Duration.ofMinutes(1), "A-1").getFirst();
    assertThat(nineAgain).isEqualTo(expectedNine);
    assertThat(nineAgain.p85SpeedKmh()).isEqualTo(250);

    TrafficStat hourNine =
        store
            .find(new TrafficQuery(Resolution.HOUR, H9, H9.plusSeconds(3600), "A-1", 1))
            .getFirst();
    assertThat(hourNine.vehicles()).isEqualTo(3);
    assertThat(hourNine.p85SpeedKmh()).isEqualTo(250);

    List<TrafficStat> days = find(Resolution.DAY, DAY, Duration.ofDays(1), "A-1");
    assertThat(days).extracting(TrafficStat::lane).containsExactly(1, 2);
    TrafficTally allLaneOne = expected.plus(TrafficTally.of(first.get(0)));
    assertThat(days.getFirst())
        .isEqualTo(TrafficStat.of(new TrafficKey("A-1", 1, DAY), Resolution.DAY, allLaneOne));
    assertThat(days.getFirst().classes())
        .containsEntry(VehicleClass.CAR, 3L)
        .containsEntry(VehicleClass.TRUCK, 1L);
  }

  @Test
  void histogramsOfDisjointSpeedsMergeAndFiltersApply() throws Exception {
    Instant t = Instant.parse("2026-11-03T10:15:00Z");
    aggregator.accept(new Passage("B-1", 3, t, VehicleClass.CAR, 20, LIMIT));
    flusher.flush();
    aggregator.accept(new Passage("B-1", 3, t.plusSeconds(5), VehicleClass.VAN, 300, LIMIT));
    aggregator.accept(new Passage("B-1", 4, t.plusSeconds(5), VehicleClass.VAN, 60, LIMIT));
    flusher.flush();
    aggregator.accept(new Passage("B-1", 3, t.plusSeconds(6), VehicleClass.CAR, 21, LIMIT));
    flusher.flush();

    TrafficStat m =
        store.find(new TrafficQuery(Resolution.MINUTE, t, t.plusSeconds(60), "B-1", 3)).getFirst();
    assertThat(m.vehicles()).isEqualTo(3);
    assertThat(m.p85SpeedKmh()).isEqualTo(300);
    assertThat(m.meanSpeedKmh()).isEqualTo(341 / 3.0);
    assertThat(store.find(new TrafficQuery(Resolution.MINUTE, t, t.plusSeconds(60), "B-1", 4)))
        .singleElement()
        .extracting(TrafficStat::vehicles)
        .isEqualTo(1L);
    assertThat(store.find(new TrafficQuery(Resolution.MINUTE, t, t.plusSeconds(60), "B-9", null)))
        .isEmpty();
    assertThat(
            store.find(
                new TrafficQuery(
                    Resolution.MINUTE, t.plusSeconds(60), t.plusSeconds(120), null, null)))
        .as("to is exclusive, from inclusive")
        .isEmpty();
  }

  @Test
  void aQueryMatchingTooManyRowsIsRefusedNamingItsSpan() throws Exception {
    Instant t = Instant.parse("2026-11-05T12:00:00Z");
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into traffic_minute select 'M-' || n, 1, ?, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0,"
                    + " 0, '{}' from generate_series(1, ?) as n")) {
      ps.setTimestamp(1, Timestamp.from(t));
      ps.setInt(2, TrafficQuery.MAX_ROWS + 1);
      ps.executeUpdate();
    }
    TrafficQuery all = new TrafficQuery(Resolution.MINUTE, t, t.plusSeconds(60), null, null);
    assertThatThrownBy(() -> store.find(all))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the query matches more than 50000 rows; narrow it with cameraId, lane or a shorter"
                + " span from 2026-11-05T12:00:00Z to 2026-11-05T12:01:00Z");
    assertThat(store.find(new TrafficQuery(Resolution.MINUTE, t, t.plusSeconds(60), "M-7", 1)))
        .singleElement()
        .extracting(TrafficStat::measuredVehicles)
        .isEqualTo(0L);
  }
}
