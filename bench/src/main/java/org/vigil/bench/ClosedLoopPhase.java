package org.vigil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Max throughput: {@code clients} threads post batches back to back, each sending its next batch as
 * soon as the previous one is answered, for a warm-up and then a measured time. A post counts in
 * the measurement when its answer arrives inside the measured time.
 *
 * <p>Bounded twice: no batch is sent after the measured time ends, and no more than the
 * pre-generated batches are ever sent (the phase ends early, and says so, when they run out). After
 * {@value #MAX_FAILURES_IN_A_ROW} failed posts in a row by one client the whole phase stops.
 */
final class ClosedLoopPhase {
  static final int MAX_FAILURES_IN_A_ROW = 10;

  private static final TimeUnit NANOS = TimeUnit.NANOSECONDS;

  private ClosedLoopPhase() {}

  /**
   * What the phase measured.
   *
   * @param clients concurrent clients
   * @param seconds the measured time, shorter than asked when the batches ran out
   * @param tally the posts answered within it
   * @param latency from sending a post to its answer
   * @param cpu cores used during it
   * @param ranOut whether the pre-generated batches ran out
   * @param aborted why the phase stopped early because of failures, or null
   */
  record Result(
      int clients,
      double seconds,
      Tally tally,
      Latency latency,
      CpuMeter.Usage cpu,
      boolean ranOut,
      String aborted) {

    double detectionsPerSecond() {
      return seconds > 0 ? tally.detections() / seconds : 0;
    }

    double violationsPerSecond() {
      return seconds > 0 ? tally.violations() / seconds : 0;
    }
  }

  /** Runs the phase over {@code batches}, in order. */
  static Result run(
      Poster poster,
      List<Workload.Batch> batches,
      int clients,
      Duration warmup,
      Duration duration,
      ProcessHandle server,
      ProcessHandle database)
      throws InterruptedException {
    long begin = System.nanoTime();
    long measureFrom = begin + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    AtomicInteger cursor = new AtomicInteger();
    AtomicBoolean ranOut = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<Client> all = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      Client c = new Client(poster, batches, cursor, ranOut, stop, measureFrom, end, done);
      all.add(c);
      Thread.ofPlatform().name("load-client-" + i).daemon().start(c);
    }
    boolean finishedEarly = done.await(Math.max(0, measureFrom - System.nanoTime()), NANOS);
    CpuMeter cpu = CpuMeter.start(server, database);
    if (!finishedEarly) {
      done.await(Math.max(0, end - System.nanoTime()), NANOS);
    }
    CpuMeter.Usage usage = cpu.stop();
    done.await(Poster.TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
    stop.set(true);

    Tally tally = Tally.ZERO;
    Histogram latency = Latency.histogram();
    long lastAnswer = measureFrom;
    String aborted = null;
    for (Client c : all) {
      tally = tally.plus(c.tally);
      latency.add(c.latency);
      lastAnswer = Math.max(lastAnswer, c.lastAnswer);
      if (aborted == null) {
        aborted = c.aborted;
      }
    }
    long measuredEnd = ranOut.get() || aborted != null ? Math.min(end, lastAnswer) : end;
    return new Result(
        clients,
        Math.max(0, measuredEnd - measureFrom) / 1e9,
        tally,
        Latency.of(latency),
        usage,
        ranOut.get(),
        aborted);
  }

  /** One client's loop and its own counts, read after it has finished. */
  private static final class Client implements Runnable {
    private final Poster poster;
    private final List<Workload.Batch> batches;
    private final AtomicInteger cursor;
    private final AtomicBoolean ranOut;
    private final AtomicBoolean stop;
    private final long measureFrom;
    private final long end;
    private final CountDownLatch done;
    final Histogram latency = Latency.histogram();
    Tally tally = Tally.ZERO;
    long lastAnswer;
    String aborted;

    Client(
        Poster poster,
        List<Workload.Batch> batches,
        AtomicInteger cursor,
        AtomicBoolean ranOut,
        AtomicBoolean stop,
        long measureFrom,
        long end,
        CountDownLatch done) {
      this.poster = poster;
      this.batches = batches;
      this.cursor = cursor;
      this.ranOut = ranOut;
      this.stop = stop;
      this.measureFrom = measureFrom;
      this.end = end;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        int failuresInARow = 0;
        while (!stop.get() && System.nanoTime() < end) {
          int i = cursor.getAndIncrement();
          if (i >= batches.size()) {
            ranOut.set(true);
            break;
          }
          Workload.Batch batch = batches.get(i);
          long sent = System.nanoTime();
          Poster.Outcome outcome = poster.post(batch);
          long answered = System.nanoTime();
          if (answered >= measureFrom && answered < end) {
            tally = tally.plus(batch, outcome);
            latency.recordValue(Math.min((answered - sent) / 1000, Latency.HIGHEST_MICROS));
            lastAnswer = answered;
          }
          failuresInARow = outcome.ok() ? 0 : failuresInARow + 1;
          if (failuresInARow == MAX_FAILURES_IN_A_ROW) {
            aborted = failuresInARow + " failed posts in a row, the last: " + outcome.problem();
            stop.set(true);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
    }
  }
}
