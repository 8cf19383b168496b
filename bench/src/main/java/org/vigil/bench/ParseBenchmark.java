package org.vigil.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.http.Json;
import org.vigil.http.ingest.DetectionParser;
import org.vigil.pipeline.IngestItem;
import org.vigil.simulator.CityConfig;

/**
 * Reading one NDJSON batch of {@value #BATCH} detections, as the server receives it: with the
 * server's own {@link DetectionParser}, and with plain Jackson streaming as the baseline of a body
 * that is merely parsed as JSON.
 *
 * <p>Each invocation reads the whole batch; the score is per detection ({@link
 * OperationsPerInvocation}), so it reads as detections per second on one thread. {@link #bytes} is
 * the size of the batch, to turn the score into MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

  /** Detections in the batch. */
  static final int BATCH = 1000;

  private byte[] body;

  /** Builds the batch from the simulated city, after its warm-in. */
  @Setup(Level.Trial)
  public void generate() {
    CityConfig config = CityConfig.defaults().withCameras(500, 100).withRate(1000);
    body = Workload.batches(Workload.steadyCity(config), BATCH, BATCH).getFirst().ndjson();
  }

  /** The size of the batch in bytes. */
  public int bytes() {
    return body.length;
  }

  /** The server's parser: every field read, checked and turned into a {@code Detection}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<IngestItem> detectionParser() {
    return DetectionParser.parse(body, DetectionParser.Format.NDJSON);
  }

  /** Jackson's tokens only: every token found, no value decoded. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long jacksonTokens() throws IOException {
    return JacksonScan.tokens(body);
  }

  /** Jackson's tokens with every name and value decoded, still without building anything. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jacksonValues(Blackhole blackhole) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> blackhole.consume(p.currentName());
          case VALUE_STRING -> blackhole.consume(p.getText());
          case VALUE_NUMBER_INT -> blackhole.consume(p.getLongValue());
          case VALUE_NUMBER_FLOAT -> blackhole.consume(p.getDoubleValue());
          default -> blackhole.consume(t);
        }
      }
    }
  }
}
