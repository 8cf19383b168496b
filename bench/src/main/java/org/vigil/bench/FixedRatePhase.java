package org.vigil.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed rate: batches are sent on a fixed schedule (open loop) that offers {@code
 * rate} detections per second, each on its own virtual thread, whether or not earlier ones have
 * been answered. Latency is taken from the moment a batch was due to be sent, so a client or server
 * that falls behind shows in it (no coordinated omission).
 *
 * <p>Bounded: the schedule holds exactly the pre-generated batches, about {@code duration} long; at
 * most {@value #MAX_IN_FLIGHT} posts are outstanding at once (a full house delays the next send,
 * which the latency then shows); answers are awaited for at most the post timeout after the
 * schedule ends.
 *
 * <p>The rate counts as held when no post failed and the detections acknowledged, divided by the
 * time from the first scheduled send to the last answer, reach {@value #HELD_SHARE} of the rate.
 */
final class FixedRatePhase {
  static final int MAX_IN_FLIGHT = 256;
  static final double HELD_SHARE = 0.98;

  private FixedRatePhase() {}

  /**
   * What the phase measured.
   *
   * @param rate the offered rate, detections per second
   * @param scheduledSeconds how long the schedule was
   * @param tally the posts answered
   * @param latency from when a post was due to its answer (committed)
   * @param service from when a post was actually sent to its answer
   * @param maxSendLagMs the most a send came after its due time
   * @param achievedRate detections acknowledged per second, first due send to last answer
   * @param held whether the rate was held (see the class comment)
   * @param cpu cores used during it
   */
  record Result(
      int rate,
      double scheduledSeconds,
      Tally tally,
      Latency latency,
      Latency service,
      double maxSendLagMs,
      double achievedRate,
      boolean held,
      CpuMeter.Usage cpu) {}

  /** Runs the schedule over {@code batches}, in order. */
  static Result run(
      Poster poster,
      List<Workload.Batch> batches,
      int rate,
      ProcessHandle server,
      ProcessHandle database)
      throws InterruptedException {
    Histogram latency = new ConcurrentHistogram(Latency.HIGHEST_MICROS, 3);
    Histogram service = new ConcurrentHistogram(Latency.HIGHEST_MICROS, 3);
    AtomicReference<Tally> tally = new AtomicReference<>(Tally.ZERO);
    AtomicLong lastAnswer = new AtomicLong();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long maxLag = 0;
    long offered = 0;
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    lastAnswer.set(t0);
    CpuMeter cpu = CpuMeter.start(server, database);
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    try {
      for (Workload.Batch batch : batches) {
        long due = t0 + (long) (offered * 1e9 / rate);
        offered += batch.detections();
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        inFlight.acquire();
        maxLag = Math.max(maxLag, System.nanoTime() - due);
        senders.execute(
            () -> {
              try {
                long sent = System.nanoTime();
                Poster.Outcome outcome = poster.post(batch);
                long answered = System.nanoTime();
                latency.recordValue(Math.min((answered - due) / 1000, Latency.HIGHEST_MICROS));
                service.recordValue(Math.min((answered - sent) / 1000, Latency.HIGHEST_MICROS));
                tally.accumulateAndGet(Tally.ZERO.plus(batch, outcome), Tally::plus);
                lastAnswer.accumulateAndGet(answered, Math::max);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                inFlight.release();
              }
            });
      }
    } finally {
      senders.shutdown();
      if (!senders.awaitTermination(Poster.TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    }
    CpuMeter.Usage usage = cpu.stop();
    Tally total = tally.get();
    double scheduled = offered * 1.0 / rate;
    double elapsed = Math.max(1e-9, (lastAnswer.get() - t0) / 1e9);
    double achieved = total.detections() / elapsed;
    boolean held =
        total.failedPosts() == 0 && total.detections() == offered && achieved >= HELD_SHARE * rate;
    return new Result(
        rate,
        scheduled,
        total,
        Latency.of(latency),
        Latency.of(service),
        maxLag / 1e6,
        achieved,
        held,
        usage);
  }
}
