package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.vigil.contract.IngestClient;

/**
 * Posts batches with {@link IngestClient} and turns every answer, failure included, into an {@link
 * Outcome}. Thread-safe. Never retries: a benchmark counts a failed post as failed.
 */
final class Poster {
  /** The longest a post can take: {@link IngestClient}'s request timeout. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_REASON = 200;

  private final IngestClient client;

  Poster(URI url, String key) {
    this.client = new IngestClient(url, key);
  }

  /**
   * What became of one post.
   *
   * @param status the HTTP status, or 0 when no answer came
   * @param accepted detections the server accepted
   * @param duplicates detections it had seen before
   * @param violations violations it stored
   * @param rejected detections it refused
   * @param problem for a failed post or a refused detection, what the server said (it names no
   *     plate), otherwise null
   */
  record Outcome(
      int status, int accepted, int duplicates, int violations, int rejected, String problem) {
    boolean ok() {
      return status == 200;
    }
  }

  /** Posts {@code batch} and waits for the answer. */
  Outcome post(Workload.Batch batch) throws InterruptedException {
    IngestClient.Result r;
    try {
      r = client.post(batch.ndjson());
    } catch (IOException e) {
      return new Outcome(0, 0, 0, 0, 0, shorten(e.toString()));
    }
    if (!r.ok()) {
      return new Outcome(
          r.status(), 0, 0, 0, 0, shorten("HTTP " + r.status() + ": " + r.body().strip()));
    }
    String problem = r.rejected() == 0 ? null : firstRejection(r.body());
    return new Outcome(200, r.accepted(), r.duplicates(), r.violations(), r.rejected(), problem);
  }

  private static String firstRejection(String body) {
    try {
      JsonNode first = MAPPER.readTree(body).path("rejected").path(0);
      return shorten(
          String.format(
              Locale.ROOT,
              "item %d rejected: %s",
              first.path("index").asInt(),
              first.path("reason").asText()));
    } catch (IOException e) {
      return "detections rejected";
    }
  }

  private static String shorten(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "...";
  }
}
