package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.IngestClient;
import org.vigil.contract.NdjsonWriter;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;
import org.vigil.testkit.PlateSearch;

/**
 * Vigil learns nothing about drivers who obey the law: after a simulated city has driven through a
 * real Vigil (its own process, its own embedded PostgreSQL), no byte of the data directory (tables,
 * WAL, server and application logs, console output) and nothing the server publishes holds the
 * plate of a compliant vehicle, and neither does a heap dump of the process's live objects taken
 * once the cameras have closed their connections. The speeders' plates are shown by the API but
 * stored sealed only, so they are not on disk in clear either; a plate the test writes to the data
 * directory is found, which shows that the search works.
 */
class NoTraceIT {
  static final String KEY = "no-trace-key";
  static final String PASSWORD = "no-trace-admin-pw";

  @TempDir Path dir;

  @Test
  void compliantPlatesLeaveNoTrace() throws Exception {
    SimulatedCity city =
        new SimulatedCity(
            CityConfig.defaults()
                .withRate(2_000)
                .withStart(Instant.now().minus(Duration.ofMinutes(30))));
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, city.sitesJson());
    Path data = dir.resolve("data");
    String live;
    String metrics;
    Path heap = Files.createDirectories(dir.resolve("heap")).resolve("vigil.hprof");
    String shown;
    try (VigilProcess vigil =
        VigilProcess.start(
            data, sites, Map.of("VIGIL_INGEST_KEY", KEY, "VIGIL_ADMIN_PASSWORD", PASSWORD))) {
      // The camera's connection is closed before the heap is dumped: the last request's bytes
      // stay in the socket buffers of an open connection until the next request overwrites them.
      try (IngestClient client = new IngestClient(vigil.url(), KEY)) {
        NdjsonWriter writer = new NdjsonWriter();
        for (int i = 0; i < 40; i++) {
          List<SimulatedDetection> batch = city.next(1000);
          assertThat(
                  client
                      .post(
                          writer.batch(batch.stream().map(SimulatedDetection::detection).toList()))
                      .ok())
              .isTrue();
        }
      }
      shown = TestVigil.operator(vigil.url(), PASSWORD).allViolations("").toString();
      assertThat(shown).isNotEmpty();
      live = get(vigil.url().resolve("/api/v1/live"));
      metrics = get(vigil.url().resolve("/metrics"));
      vigil.heapDump(heap);
    }
    Set<String> compliant = city.compliantPlates();
    Set<String> speeders = city.speederPlates();
    assertThat(compliant).hasSizeGreaterThan(30_000);

    assertThat(PlateSearch.find(data, compliant)).as("compliant plates found on disk").isEmpty();
    assertThat(PlateSearch.firstIn(live, compliant)).as("in the live numbers").isNull();
    assertThat(PlateSearch.firstIn(metrics, compliant)).as("in the metrics").isNull();
    assertThat(metrics).contains("vigil_detections_accepted_total 40000.0");
    assertThat(PlateSearch.find(heap.getParent(), compliant))
        .as("compliant plates in a heap dump of the live objects")
        .isEmpty();
    assertThat(PlateSearch.firstIn(shown, speeders))
        .as("the speeders' plates are in what the API shows")
        .isNotNull();
    assertThat(PlateSearch.find(data, speeders))
        .as("violators' plates are on disk sealed only, never in clear")
        .isEmpty();
    String planted = speeders.iterator().next();
    Files.writeString(data.resolve("planted.txt"), "x" + planted + "y");
    assertThat(PlateSearch.find(data, speeders))
        .as("the search finds a plate written to the data directory")
        .containsOnlyKeys(planted);
  }

  private static String get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
