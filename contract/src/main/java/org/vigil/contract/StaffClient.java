package org.vigil.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A signed-in member of staff calling Vigil's APIs: for the command line and for tests. */
public final class StaffClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String authorization;
  private final Map<String, String> headers;

  public StaffClient(URI base, String username, String password) {
    this(
        base,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
        Map.of());
  }

  private StaffClient(URI base, String authorization, Map<String, String> headers) {
    this.base = base;
    this.authorization = authorization;
    this.headers = headers;
  }

  /**
   * This client, sending {@code name: value} with every request too; e.g. {@code
   * X-Vigil-Break-Glass} with the reason an administrator opens personal data for.
   */
  public StaffClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new StaffClient(base, authorization, Map.copyOf(more));
  }

  /** A response: status and body. */
  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Response put(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response post(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  /** Every violation matching {@code query} (e.g. {@code "type=SPEED"}), following the cursor. */
  public List<JsonNode> allViolations(String query) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      String path =
          "/api/v1/violations?limit=1000"
              + (query.isEmpty() ? "" : "&" + query)
              + (cursor == null ? "" : "&cursor=" + cursor);
      Response r = get(path);
      if (r.status() != 200) {
        throw new IllegalStateException(
            "GET " + path + " answered " + r.status() + ": " + r.body());
      }
      JsonNode page = r.json();
      page.get("items").forEach(all::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return all;
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> r =
          http.send(
              request.header("Authorization", authorization).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
