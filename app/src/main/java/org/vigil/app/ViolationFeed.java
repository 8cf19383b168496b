package org.vigil.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.http.health.HealthCheck;
import org.vigil.traffic.PassageSink;

/**
 * Where the violations of a cases node come from when the rules run on other nodes (the Kafka
 * runtime's {@code --role cases}): the feed writes each into the node's store, exactly once by its
 * id, and hands every decided passage to its statistics.
 */
@FunctionalInterface
interface ViolationFeed {

  /**
   * Starts feeding {@code violations} and {@code passages}.
   *
   * @param meters where the feed registers its metrics (lag, rates, latency)
   * @return what stops the feed, and what must hold for it to be ready
   */
  Started start(ViolationRecorder violations, PassageSink passages, MeterRegistry meters);

  /**
   * A running feed.
   *
   * @param handle closes the feed: stops reading and lets go of its connections
   * @param checks its readiness checks
   */
  record Started(AutoCloseable handle, List<HealthCheck> checks) {
    public Started {
      checks = List.copyOf(checks);
    }
  }
}
