package org.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vigil.contract.NdjsonWriter;
import org.vigil.detection.Detection;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;

/**
 * The realistic detection streams every benchmark runs on: a {@link SimulatedCity} with spot
 * cameras and average-speed sections, 3 % speeders, taken only after its warm-in.
 *
 * <p>A simulated city starts with empty roads, so its first minutes of stream hold almost no
 * section exits. {@link #steadyCity} runs the city past {@link #WARM_IN} of simulated time before
 * handing it out, so that the stream a benchmark sees has entries and exits in their steady-state
 * proportion.
 */
public final class Workload {

  /** Simulated time skipped before a stream is used: longer than almost every section passage. */
  public static final Duration WARM_IN = Duration.ofMinutes(5);

  private Workload() {}

  /**
   * The city {@code config} describes, run past {@link #WARM_IN}: its next detection is observed at
   * {@code config.start() + WARM_IN} or later.
   */
  public static SimulatedCity steadyCity(CityConfig config) {
    SimulatedCity city = new SimulatedCity(config);
    Instant steady = config.start().plus(WARM_IN);
    while (city.nextObservedAt().isBefore(steady)) {
      city.next();
    }
    return city;
  }

  /**
   * When a city must start so that all {@code detections} of its stream after {@link #WARM_IN}, at
   * {@code cityRate} per second, are observed in the recent past at {@code now}: the stream ends
   * about a minute before {@code now} (a server refuses detections more than 2 minutes ahead of its
   * clock), with 5 % to spare for the simulator's pace.
   */
  public static Instant recentStart(Instant now, long detections, double cityRate) {
    double spanSeconds = detections / cityRate * 1.05 + 60;
    return now.minus(WARM_IN)
        .minusMillis((long) (spanSeconds * 1000))
        .truncatedTo(ChronoUnit.SECONDS);
  }

  /** The next {@code n} detections of {@code city}, without the truth behind them. */
  public static List<Detection> detections(SimulatedCity city, int n) {
    List<Detection> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(city.next().detection());
    }
    return out;
  }

  /**
   * The next {@code count} detections of {@code city} as NDJSON bodies of {@code batchSize}
   * detections each (the last one may be shorter).
   */
  public static List<Batch> batches(SimulatedCity city, long count, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    NdjsonWriter writer = new NdjsonWriter();
    List<Batch> out = new ArrayList<>((int) (count / batchSize + 1));
    long left = count;
    while (left > 0) {
      int n = (int) Math.min(batchSize, left);
      List<Detection> detections = detections(city, n);
      out.add(new Batch(writer.batch(detections), n));
      left -= n;
    }
    return out;
  }

  /**
   * One NDJSON request body.
   *
   * @param ndjson the body, one detection per line
   * @param detections how many detections it holds
   */
  public record Batch(byte[] ndjson, int detections) {}
}
