package org.vigil.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.http.incidents.IncidentHub;
import org.vigil.postgres.PostgresIncidents;
import org.vigil.traffic.incident.IncidentDetector;
import org.vigil.traffic.incident.IncidentEvent;

/**
 * Advances the incident detector every {@code period} on a thread of its own, records what it
 * raises and clears, then pushes it to the event stream's clients. A failure to record is logged
 * and the event still pushed; detection goes on.
 */
final class IncidentMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentMonitor.class);

  private final IncidentDetector detector;
  private final PostgresIncidents store;
  private final IncidentHub hub;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("incident-monitor").daemon().factory());

  IncidentMonitor(
      IncidentDetector detector, PostgresIncidents store, IncidentHub hub, Duration period) {
    this.detector = detector;
    this.store = store;
    this.hub = hub;
    scheduler.scheduleWithFixedDelay(
        this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      for (IncidentEvent e : detector.advance()) {
        try {
          store.record(e);
        } catch (Exception failure) {
          LOG.error("could not record incident {}: {}", e.incident().id(), failure.toString());
        }
        hub.publish(e);
        switch (e) {
          case IncidentEvent.Raised r -> LOG.warn("incident raised: {}", r.incident().detail());
          case IncidentEvent.Cleared c ->
              LOG.info(
                  "incident cleared at camera {} at {}", c.incident().cameraId(), c.clearedAt());
        }
      }
    } catch (RuntimeException failure) {
      LOG.error("incident detection failed: {}", failure.toString());
    }
  }

  /** Stops advancing; what was not yet evaluated is forgotten. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
