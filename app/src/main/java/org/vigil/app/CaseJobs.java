package org.vigil.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cases.CaseDesk;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeRenderer;

/**
 * The case life cycle's scheduled jobs, each on its own thread:
 *
 * <ul>
 *   <li>the case opener, every {@link #OPEN_PERIOD}: a case in review for each recorded violation
 *       without holds and without a case;
 *   <li>the outbox dispatcher, every {@code VIGIL_OUTBOX_INTERVAL} (default PT30S), only when a
 *       renderer and at least one channel are wired: delivers what is due, retrying failures;
 *   <li>the deadline sweep, every {@code VIGIL_DEADLINE_INTERVAL} (default PT1H): time bars, keeper
 *       lookups that could not be made, escalation of unpaid notices, closure of finished cases
 *       once settled ({@code VIGIL_CLOSE_AFTER}, default P30D).
 * </ul>
 *
 * A failed run is logged (type and message, which carry no personal data) and the next one runs.
 */
final class CaseJobs implements AutoCloseable {
  static final Duration OPEN_PERIOD = Duration.ofSeconds(5);
  private static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(CaseJobs.class);

  private final CaseDesk desk;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          3, r -> Thread.ofPlatform().name("case-jobs").daemon().unstarted(r));

  CaseJobs(
      CaseDesk desk,
      Optional<NoticeRenderer> renderer,
      Map<Channel, NoticeChannel> channels,
      Duration outboxInterval,
      Duration deadlineInterval) {
    this.desk = desk;
    schedule("case opener", this::open, OPEN_PERIOD);
    if (renderer.isPresent() && !channels.isEmpty()) {
      NoticeRenderer r = renderer.get();
      Map<Channel, NoticeChannel> wired = Map.copyOf(channels);
      schedule("outbox dispatcher", () -> dispatch(r, wired), outboxInterval);
    } else {
      LOG.warn("no notice renderer or channel is wired: notices wait in the outbox");
    }
    schedule("deadline sweep", this::sweep, deadlineInterval);
  }

  private void schedule(String name, Runnable job, Duration period) {
    long first = Math.min(period.toMillis(), OPEN_PERIOD.toMillis());
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            job.run();
          } catch (RuntimeException e) {
            LOG.error("the {} failed: {}", name, e.toString());
          }
        },
        first,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void open() {
    int n;
    do {
      n = desk.openNew(BATCH);
      if (n > 0) {
        LOG.info("opened {} cases", n);
      }
    } while (n == BATCH);
  }

  private void dispatch(NoticeRenderer renderer, Map<Channel, NoticeChannel> channels) {
    int sent = desk.dispatch(renderer, channels, BATCH);
    if (sent > 0) {
      LOG.info("delivered {} notices", sent);
    }
  }

  private void sweep() {
    CaseDesk.SweepReport r = desk.sweep(BATCH);
    if (r.progressed() + r.timeBarred() + r.escalated() + r.closed() > 0) {
      LOG.info(
          "deadline sweep: {} progressed, {} time-barred, {} escalated, {} closed",
          r.progressed(),
          r.timeBarred(),
          r.escalated(),
          r.closed());
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
  }
}
