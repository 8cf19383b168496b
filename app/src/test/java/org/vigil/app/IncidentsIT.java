package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;

/**
 * A simulated city with a staged incident posted over HTTP to a whole Vigil: the incident arrives
 * on the event stream and is listed by the API, with the right camera and time.
 */
class IncidentsIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aStagedIncidentIsStreamedAndListed() throws Exception {
    Instant start = Instant.now().minus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
    Duration after = Duration.ofMinutes(6).plusSeconds(3);
    CityConfig config =
        new CityConfig(3, 4, 0, 40, CityConfig.DEFAULT_SPEEDER_SHARE, start)
            .withIncident(new CityConfig.StagedIncident("C-002", after, Duration.ofMinutes(3)));
    Instant staged = start.plus(after);
    SimulatedCity city = new SimulatedCity(config);
    try (Vigil vigil =
        Vigil.start(
            TestVigil.config(dir, city.sites())
                .withPipeline(
                    EmbeddedPipeline.Settings.defaults().withAllowedLateness(Duration.ofHours(1)))
                .withClock(Clock.systemUTC()))) {
      HttpClient http = HttpClient.newHttpClient();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> stream =
          http.sendAsync(
                  staff(vigil.url().resolve("/api/v1/incidents/stream")).build(),
                  HttpResponse.BodyHandlers.ofLines())
              .get(10, TimeUnit.SECONDS);
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValue("text/event-stream; charset=UTF-8");
      Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
      assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry: 5000");

      postUntil(vigil, city, staged.plus(Duration.ofSeconds(90)));

      JsonNode raised = nextEvent(lines, "incident-raised");
      assertThat(raised.get("cameraId").asText()).isEqualTo("C-002");
      Instant startedAt = Instant.parse(raised.get("startedAt").asText());
      Instant detectedAt = Instant.parse(raised.get("detectedAt").asText());
      assertThat(Duration.between(staged, startedAt).abs())
          .isLessThanOrEqualTo(Duration.ofSeconds(10));
      assertThat(Duration.between(staged, detectedAt)).isLessThanOrEqualTo(Duration.ofSeconds(60));
      assertThat(raised.get("clearedAt").isNull()).isTrue();
      JsonNode live =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(vigil.url().resolve("/api/v1/live")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(live.get("openIncidents"))
          .as("the public page shows the incident under way")
          .singleElement()
          .satisfies(i -> assertThat(i.get("cameraId").asText()).isEqualTo("C-002"));

      postUntil(vigil, city, start.plus(Duration.ofMinutes(11)));
      JsonNode cleared = nextEvent(lines, "incident-cleared");
      assertThat(cleared.get("id")).isEqualTo(raised.get("id"));

      StaffClient admin = TestVigil.admin(vigil);
      JsonNode listed = admin.get("/api/v1/incidents?cameraId=C-002&from=" + start).json();
      assertThat(listed.get("items")).hasSize(1);
      JsonNode item = listed.get("items").get(0);
      assertThat(item.get("id")).isEqualTo(raised.get("id"));
      assertThat(item.get("kind").asText()).isIn("FLOW_DROP", "SPEED_DROP");
      assertThat(Instant.parse(item.get("clearedAt").asText()))
          .isAfter(staged.plus(Duration.ofMinutes(3)));
      assertThat(admin.get("/api/v1/incidents?cameraId=C-002&open=true").json().get("items"))
          .isEmpty();

      StaffClient.Response bad = admin.get("/api/v1/incidents?open=maybe");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("open 'maybe' must be true or false");
      assertThat(admin.get("/api/v1/incidents?limit=0").body()).contains("was 0");
      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(vigil.url().resolve("/api/v1/incidents")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  /** Posts the city's detections, in batches of 2,000, up to {@code until} in stream time. */
  static void postUntil(Vigil vigil, SimulatedCity city, Instant until) throws Exception {
    while (city.nextObservedAt().isBefore(until)) {
      List<SimulatedDetection> batch = city.next(2000);
      JsonNode r =
          TestVigil.post(vigil, batch.stream().map(SimulatedDetection::detection).toList());
      assertThat(r.get("rejected")).as(r.toString()).isEmpty();
    }
  }

  /** The data of the next event named {@code name}, skipping comments and other events. */
  static JsonNode nextEvent(BlockingQueue<String> lines, String name) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    boolean named = false;
    while (Instant.now().isBefore(deadline)) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      if (line.startsWith("event: ")) {
        named = line.equals("event: " + name);
      } else if (named && line.startsWith("data: ")) {
        return JSON.readTree(line.substring("data: ".length()));
      }
    }
    throw new AssertionError("no " + name + " event within 30 s");
  }

  static HttpRequest.Builder staff(URI uri) {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + TestVigil.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic);
  }
}
