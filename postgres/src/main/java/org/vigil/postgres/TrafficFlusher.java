package org.vigil.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.traffic.TrafficAggregator;
import org.vigil.traffic.TrafficKey;
import org.vigil.traffic.TrafficTally;

/**
 * Moves traffic statistics from memory to PostgreSQL: every {@code interval}, on one thread of its
 * own, drains the aggregator and {@link PostgresTraffic#add adds} the deltas. When the database
 * fails, the deltas go back into the aggregator and the next flush tries again. {@link #close}
 * flushes one last time, so a clean shutdown (after the ingest has stopped) loses nothing; a crash
 * loses what was tallied since the last flush, at most about one interval of statistics. That is
 * accepted: statistics are not evidence, and violations are stored on their own path.
 */
public final class TrafficFlusher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrafficFlusher.class);

  /** The interval Vigil runs with. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final TrafficAggregator aggregator;
  private final PostgresTraffic store;
  private final ScheduledExecutorService scheduler;

  /**
   * Starts flushing every {@code interval}.
   *
   * @throws IllegalArgumentException when {@code interval} is not positive
   */
  public TrafficFlusher(TrafficAggregator aggregator, PostgresTraffic store, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.aggregator = aggregator;
    this.store = store;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("traffic-flusher").daemon().factory());
    long ms = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::flushLogged, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Stores everything tallied so far, now; for shutdown and for tests.
   *
   * @return how many camera-lane-minutes were stored
   * @throws SQLException when the database refused them; they are kept for the next flush
   */
  public synchronized int flush() throws SQLException {
    Map<TrafficKey, TrafficTally> deltas = aggregator.drain();
    try {
      store.add(deltas);
    } catch (SQLException | RuntimeException e) {
      aggregator.restore(deltas);
      throw e;
    }
    return deltas.size();
  }

  private void flushLogged() {
    try {
      flush();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not store traffic statistics, will retry: {}", e.toString());
    }
  }

  /** Stops the schedule and flushes what is left; call it after the ingest has stopped. */
  @Override
  public void close() throws SQLException {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
