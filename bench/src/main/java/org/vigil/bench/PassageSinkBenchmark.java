package org.vigil.bench;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.detection.Detection;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.site.Sites;
import org.vigil.traffic.Passage;
import org.vigil.traffic.PassageSink;
import org.vigil.traffic.TrafficAggregator;
import org.vigil.traffic.incident.IncidentDetector;

/**
 * What traffic statistics and incident detection add to each decided detection on the ingest path:
 * one operation is one {@link Passage} handed to a sink, so the score is passages per second on one
 * thread. The passages come from the same simulated stream as {@link EnforcerBenchmark}'s, with the
 * limit in force of each. As in the server, the statistics are drained (as the flusher does every 5
 * s) and the incident detector is advanced (as the monitor does every 2 s), here every {@value
 * #HOUSEKEEPING_EVERY} passages, about every 4 s of stream time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PassageSinkBenchmark {

  /** Passages between two drains and advances; a power of two. */
  static final int HOUSEKEEPING_EVERY = 1 << 12;

  /** Cameras in the simulated city. */
  @Param("500")
  public int cameras;

  /** Passages pre-generated. */
  @Param("1000000")
  public int streamLength;

  private Passage[] stream;
  private TrafficAggregator statistics;
  private IncidentDetector incidents;
  private PassageSink both;
  private int next;

  /** Generates the stream once per fork. */
  @Setup(Level.Trial)
  public void generate() {
    CityConfig config =
        CityConfig.defaults().withCameras(cameras, cameras / 5).withRate(cameras * 2.0);
    SimulatedCity city = Workload.steadyCity(config);
    Sites sites = city.sites();
    stream =
        Workload.detections(city, streamLength).stream()
            .map(d -> passage(d, sites))
            .toArray(Passage[]::new);
  }

  private static Passage passage(Detection d, Sites sites) {
    var camera = sites.camera(d.cameraId()).orElseThrow();
    return new Passage(
        d.cameraId(),
        d.lane(),
        d.observedAt(),
        d.vehicleClass(),
        d.speedKmh(),
        camera.limits().inForce(d.vehicleClass(), d.observedAt(), camera.rules().timeZone()));
  }

  /** Starts every iteration with empty sinks at the beginning of the stream. */
  @Setup(Level.Iteration)
  public void restart() {
    statistics = new TrafficAggregator();
    incidents = new IncidentDetector(Clock.fixed(CityConfig.DEFAULT_START, ZoneOffset.UTC));
    both = PassageSink.all(statistics, incidents);
    next = 0;
  }

  /** Hands the next passage to statistics and incident detection, as the server does. */
  @Benchmark
  public int statisticsAndIncidents() {
    if (next == stream.length) {
      restart();
    }
    int i = next++;
    both.accept(stream[i]);
    if ((i & (HOUSEKEEPING_EVERY - 1)) == 0) {
      return statistics.drain().size() + incidents.advance().size();
    }
    return i;
  }
}
