package org.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.vigil.http.ingest.DetectionParser;

/**
 * The one-core parse rate of the bodies the load test posts: each reader runs on the calling thread
 * over the same batches, round and round, for a warm-up and then a measured time.
 */
final class ParseRate {
  /** The batches read, at most; enough that they do not all sit in the CPU caches. */
  private static final int MAX_BATCHES = 256;

  @SuppressWarnings("unused") // written so that the JIT cannot drop the work
  private static volatile long sink;

  private ParseRate() {}

  /** One way of reading a body; returns something derived from all of it. */
  @FunctionalInterface
  interface Reader {
    long read(byte[] body) throws IOException;
  }

  /**
   * A measured rate.
   *
   * @param reader what read the bytes
   * @param detectionsPerSecond detections read per second on one core
   * @param megabytesPerSecond bytes read per second on one core, in MB (10^6 bytes)
   */
  record Rate(String reader, double detectionsPerSecond, double megabytesPerSecond) {}

  /** Jackson's streaming parser, every token found, no value decoded. */
  static final Reader JACKSON_TOKENS = JacksonScan::tokens;

  /** The server's parser, every detection built and checked. */
  static final Reader DETECTION_PARSER =
      body -> DetectionParser.parse(body, DetectionParser.Format.NDJSON).size();

  /** Measures {@code reader} over {@code batches}. */
  static Rate measure(String name, Reader reader, List<Workload.Batch> batches, Duration time) {
    List<Workload.Batch> used = batches.subList(0, Math.min(MAX_BATCHES, batches.size()));
    run(reader, used, time.toNanos());
    long[] counted = run(reader, used, time.toNanos());
    double seconds = counted[2] / 1e9;
    return new Rate(name, counted[0] / seconds, counted[1] / 1e6 / seconds);
  }

  /** Reads for {@code nanos}; returns detections, bytes and the exact nanoseconds taken. */
  private static long[] run(Reader reader, List<Workload.Batch> batches, long nanos) {
    long detections = 0;
    long bytes = 0;
    long acc = 0;
    long begin = System.nanoTime();
    long now = begin;
    try {
      while (now - begin < nanos) {
        for (Workload.Batch b : batches) {
          acc += reader.read(b.ndjson());
          detections += b.detections();
          bytes += b.ndjson().length;
          now = System.nanoTime();
          if (now - begin >= nanos) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sink = acc;
    return new long[] {detections, bytes, now - begin};
  }
}
