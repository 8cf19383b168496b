package org.vigil.app;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.contract.NdjsonWriter;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;

/**
 * Posts a simulated city's detections to a server as they happen, every 200 ms, for {@code vigil
 * simulate --url} and {@code vigil demo}. The city's clock must start at the feeder's start.
 */
final class LiveFeeder implements AutoCloseable {
  private static final Duration TICK = Duration.ofMillis(200);

  private final SimulatedCity city;
  private final BatchPoster poster;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean stop;

  LiveFeeder(SimulatedCity city, URI url, String key, Clock clock, Instant until, long maxCount) {
    this.city = city;
    this.poster = new BatchPoster(url, key);
    this.clock = clock;
    this.thread =
        Thread.ofPlatform().name("live-feeder").daemon().unstarted(() -> feed(until, maxCount));
  }

  LiveFeeder start() {
    thread.start();
    return this;
  }

  BatchPoster poster() {
    return poster;
  }

  /** Waits until the feeder has posted everything it was asked to. */
  void join() throws InterruptedException {
    thread.join();
  }

  private void feed(Instant until, long maxCount) {
    NdjsonWriter writer = new NdjsonWriter();
    try {
      while (!stop) {
        Instant now = clock.instant();
        Instant upTo = until != null && now.isAfter(until) ? until : now;
        List<SimulatedDetection> due = city.nextUntil(upTo);
        if (maxCount > 0 && poster.sent.sum() + due.size() > maxCount) {
          due = due.subList(0, (int) Math.max(0, maxCount - poster.sent.sum()));
        }
        if (!due.isEmpty()) {
          poster.post(
              writer.batch(due.stream().map(SimulatedDetection::detection).toList()), due.size());
        }
        if ((until != null && !now.isBefore(until))
            || (maxCount > 0 && poster.sent.sum() >= maxCount)) {
          return;
        }
        Thread.sleep(TICK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
  }
}
