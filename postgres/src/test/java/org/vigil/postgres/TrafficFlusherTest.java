package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;
import org.vigil.traffic.Passage;
import org.vigil.traffic.TrafficAggregator;
import org.vigil.traffic.TrafficKey;

/** Without a database: what a failed flush does with the statistics it drained. */
class TrafficFlusherTest {

  /** A data source whose every connection attempt fails. */
  static DataSource down() {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              throw new SQLException("the database is down");
            });
  }

  @Test
  void aFailedFlushKeepsTheStatisticsForTheNext() throws Exception {
    TrafficAggregator aggregator = new TrafficAggregator();
    Instant t = Instant.parse("2026-11-02T08:00:00Z");
    aggregator.accept(new Passage("B-003", 1, t, VehicleClass.CAR, 80, new SpeedLimit(100, 10)));
    TrafficFlusher flusher =
        new TrafficFlusher(aggregator, new PostgresTraffic(down()), Duration.ofHours(1));
    assertThatThrownBy(flusher::flush).hasMessage("the database is down");
    assertThatThrownBy(flusher::close).hasMessage("the database is down");
    assertThat(aggregator.drain())
        .as("still there after two failed flushes, once")
        .containsOnlyKeys(new TrafficKey("B-003", 1, t))
        .allSatisfy((k, v) -> assertThat(v.vehicles()).isEqualTo(1));
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(
            () ->
                new TrafficFlusher(
                    new TrafficAggregator(), new PostgresTraffic(down()), Duration.ZERO))
        .hasMessage("interval must be positive, was PT0S");
  }
}
