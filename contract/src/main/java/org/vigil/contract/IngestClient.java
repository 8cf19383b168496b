package org.vigil.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.vigil.detection.Detection;

/**
 * The client side of {@code POST /api/v1/detections}, for the command line, the simulator and the
 * benchmarks. Thread-safe; one instance serves many concurrent posts.
 */
public final class IngestClient implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final URI detections;
  private final String key;

  /**
   * @param baseUrl the server, e.g. {@code http://localhost:8080}
   * @param key the camera key or shared ingest key
   */
  public IngestClient(URI baseUrl, String key) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.detections = baseUrl.resolve("/api/v1/detections");
    this.key = key;
  }

  /** What the server said about one batch. */
  public record Result(
      int status, int accepted, int duplicates, int violations, int rejected, String body) {
    public boolean ok() {
      return status == 200;
    }
  }

  /** Posts {@code detections} as one NDJSON batch and waits for the answer. */
  public Result post(List<Detection> detections) throws IOException, InterruptedException {
    return post(new NdjsonWriter().batch(detections));
  }

  /** Posts an NDJSON batch and waits for the answer. */
  public Result post(byte[] ndjson) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(detections)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return new Result(response.statusCode(), 0, 0, 0, 0, response.body());
    }
    JsonNode body = MAPPER.readTree(response.body());
    return new Result(
        200,
        body.path("accepted").asInt(),
        body.path("duplicates").asInt(),
        body.path("violations").asInt(),
        body.path("rejected").size(),
        response.body());
  }

  /** Closes the connections to the server; posts after this fail. */
  @Override
  public void close() {
    http.close();
  }
}
