package org.vigil.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.postgres.PostgresAuditLog;

/** Issues a checkpoint of the audit log every period when the log grew, and a last one on close. */
final class AuditCheckpointer implements AutoCloseable {
  /** How often a checkpoint is issued when the log grew. */
  static final Duration PERIOD = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointer.class);
  private final PostgresAuditLog log;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("audit-checkpoints").daemon().unstarted(r));

  AuditCheckpointer(PostgresAuditLog log, Duration period) {
    this.log = log;
    timer.scheduleAtFixedRate(
        this::issue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void issue() {
    try {
      log.issueIfGrown()
          .ifPresent(c -> LOG.info("audit checkpoint issued at size {}", c.checkpoint().size()));
    } catch (Exception e) {
      LOG.error("cannot issue an audit checkpoint: {}", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
    issue();
  }
}
