package org.vigil.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.postgres.PostgresRetention;

/**
 * Runs the retention purge every period (the first time one minute after start, or after the period
 * when it is shorter), recording each destroyed key and purged table on the audit trail as a PURGE
 * by {@code system:retention}.
 */
final class RetentionJob implements AutoCloseable {
  static final String ACTOR = "system:retention";
  static final String ROLE = "SYSTEM";

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private final PostgresRetention retention;
  private final AuditTrail trail;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("retention-purge").daemon().unstarted(r));

  RetentionJob(PostgresRetention retention, AuditTrail trail, Duration period) {
    this.retention = retention;
    this.trail = trail;
    long first = Math.min(period.toMillis(), Duration.ofMinutes(1).toMillis());
    timer.scheduleAtFixedRate(this::run, first, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      List<PostgresRetention.Purged> done = retention.purge(this::audit);
      for (PostgresRetention.Purged p : done) {
        LOG.info("purged {}: {}", p.target(), p.purpose());
      }
    } catch (Exception e) {
      LOG.error("the retention purge failed: {}", e.toString());
    }
  }

  private void audit(PostgresRetention.Purged p) {
    trail.record(
        new AuditEvent(AuditKind.PURGE, ACTOR, ROLE, "retention.purge", p.target(), p.purpose()));
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
  }
}
