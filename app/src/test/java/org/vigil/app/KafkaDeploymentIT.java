package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.TestVigil.KEY;
import static org.vigil.app.TestVigil.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.IngestClient;
import org.vigil.contract.NdjsonWriter;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;

/**
 * The three-node deployment of docs/deploy.md, started with its very commands from the packaged
 * jar: a broker ({@code vigil kafka-broker}), PostgreSQL ({@code vigil postgres}), the cases node,
 * two processing nodes and an ingest node ({@code vigil serve --kafka … --role …}). A simulated
 * city is posted to the ingest node, one processing node is stopped half-way, and the cases node
 * ends up with exactly the violations the embedded rules give for the same detections: none lost,
 * none twice.
 */
class KafkaDeploymentIT {
  private static final int DETECTIONS = 24_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void theDeploymentOfTheGuideDecidesAsTheEmbeddedRulesAndLosesNothingWithANodeStopped()
      throws Exception {
    SimulatedCity city =
        new SimulatedCity(
            CityConfig.defaults()
                .withRate(2_000)
                .withStart(Instant.now().minus(Duration.ofMinutes(30))));
    List<Detection> detections =
        city.next(DETECTIONS).stream().map(SimulatedDetection::detection).toList();
    Set<String> expected = embeddedViolationIds(city, detections);
    Path sites = Files.writeString(dir.resolve("sites.json"), city.sitesJson());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path secretFile = Files.write(dir.resolve("vigil-kafka.secret"), secret);

    List<VigilProcess> started = new ArrayList<>();
    try {
      int brokerPort = VigilProcess.freePort();
      started.add(
          VigilProcess.launch(
              List.of(
                  "kafka-broker",
                  "--dir",
                  dir.resolve("broker").toString(),
                  "--port",
                  Integer.toString(brokerPort),
                  "--controller-port",
                  Integer.toString(VigilProcess.freePort())),
              brokerPort,
              dir.resolve("broker"),
              Map.of(),
              "Kafka broker ready at"));
      int pgPort = VigilProcess.freePort();
      started.add(
          VigilProcess.launch(
              List.of("postgres", "--dir", dir.resolve("pg").toString(), "--port", "" + pgPort),
              pgPort,
              dir.resolve("pg"),
              Map.of(),
              "PostgreSQL ready at"));
      Map<String, String> env = new HashMap<>();
      env.put("VIGIL_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
      env.put("VIGIL_DB_USER", "postgres");
      env.put("VIGIL_KAFKA_SECRET_FILE", secretFile.toString());
      env.put("VIGIL_INGEST_KEY", KEY);
      env.put("VIGIL_ADMIN_PASSWORD", PASSWORD);
      env.put("VIGIL_KAFKA_PARTITIONS", "4");
      String bootstrap = "localhost:" + brokerPort;
      VigilProcess cases = node(env, bootstrap, "cases", List.of("--sites", sites.toString()));
      started.add(cases);
      VigilProcess first = node(env, bootstrap, "process", List.of());
      started.add(first);
      VigilProcess second = node(env, bootstrap, "process", List.of());
      started.add(second);
      VigilProcess ingest = node(env, bootstrap, "ingest", List.of());
      started.add(ingest);
      for (VigilProcess node : List.of(cases, first, second, ingest)) {
        awaitReady(node.url());
      }

      int half = DETECTIONS / 2;
      post(ingest.url(), detections.subList(0, half));
      first.close(); // SIGTERM half-way: its tasks move to the other node
      post(ingest.url(), detections.subList(half, DETECTIONS));

      Set<String> stored = awaitViolations(cases.url(), expected.size());
      assertThat(stored).isEqualTo(expected);
      assertThat(metrics(second.url())).contains("vigil_violations_total{type=\"SECTION_SPEED\"}");
      assertThat(get(cases.url().resolve("/health/ready")).statusCode()).isEqualTo(200);
      assertThat(postOnce(cases.url(), detections.subList(0, 1)).status())
          .as("the cases node refuses cameras' posts")
          .isEqualTo(404);
    } finally {
      for (VigilProcess p : started.reversed()) {
        p.close();
      }
    }
  }

  /** What the embedded runtime's rules decide for {@code detections}: their violations' ids. */
  private static Set<String> embeddedViolationIds(SimulatedCity city, List<Detection> detections) {
    Clock clock = Clock.systemUTC();
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new StreamClock(clock, Duration.ofMinutes(5)),
            clock,
            Exemptions.NONE);
    Set<String> ids = new TreeSet<>();
    for (Detection d : detections) {
      if (enforcer.decide(d, city.sites(), clock.instant()) instanceof Decision.Decided decided) {
        for (Violation v : decided.violations()) {
          ids.add(v.id().toString());
        }
      }
    }
    assertThat(ids).as("the city yields violations of several kinds").hasSizeGreaterThan(100);
    return ids;
  }

  private VigilProcess node(
      Map<String, String> env, String bootstrap, String role, List<String> extra)
      throws IOException {
    int port = VigilProcess.freePort();
    List<String> args =
        new ArrayList<>(
            List.of("serve", "--kafka", bootstrap, "--role", role, "--port", "" + port));
    args.addAll(extra);
    Path data = Files.createTempDirectory(dir, role + "-");
    return VigilProcess.launch(args, port, data, env, "Vigil (Kafka, role " + role + ") is ready");
  }

  private static void post(URI ingest, List<Detection> detections) throws Exception {
    for (int from = 0; from < detections.size(); from += 1_000) {
      List<Detection> batch = detections.subList(from, Math.min(detections.size(), from + 1_000));
      IngestClient.Result r = postOnce(ingest, batch);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
  }

  private static IngestClient.Result postOnce(URI url, List<Detection> batch) throws Exception {
    try (IngestClient client = new IngestClient(url, KEY)) {
      return client.post(new NdjsonWriter().batch(batch));
    }
  }

  /** Waits until the cases node holds at least {@code count} violations (at most 3 minutes). */
  private static Set<String> awaitViolations(URI cases, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Set<String> ids = new TreeSet<>();
    while (System.nanoTime() < deadline) {
      ids.clear();
      for (JsonNode v : TestVigil.operator(cases, PASSWORD).allViolations("")) {
        ids.add(v.get("id").asText());
      }
      if (ids.size() >= count) {
        Thread.sleep(3_000); // a little longer: a duplicate would show now
        ids.clear();
        for (JsonNode v : TestVigil.operator(cases, PASSWORD).allViolations("")) {
          ids.add(v.get("id").asText());
        }
        return ids;
      }
      Thread.sleep(1_000);
    }
    return ids;
  }

  private static void awaitReady(URI node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (get(node.resolve("/health/ready")).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            node + " is not ready: " + get(node.resolve("/health/ready")).body());
      }
      Thread.sleep(500);
    }
  }

  private static String metrics(URI node) throws Exception {
    return get(node.resolve("/metrics")).body();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
