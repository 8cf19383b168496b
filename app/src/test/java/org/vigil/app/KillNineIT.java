package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.IngestClient;
import org.vigil.contract.NdjsonWriter;
import org.vigil.contract.SitesJson;
import org.vigil.detection.Detection;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/**
 * Accepted means durable: a {@code kill -9} in the middle of ingestion loses no violation of any
 * batch that was acknowledged.
 */
class KillNineIT {
  static final String KEY = "kill-nine-key";
  static final String PASSWORD = "kill-nine-admin-pw";

  @TempDir Path dir;

  @Test
  void noAcknowledgedViolationIsLostToAKill() throws Exception {
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, SitesJson.write(SitesBuilder.standard()));
    Path data = dir.resolve("data");
    Map<String, String> env = Map.of("VIGIL_INGEST_KEY", KEY, "VIGIL_ADMIN_PASSWORD", PASSWORD);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger batches = new AtomicInteger();
    Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

    try (VigilProcess vigil = VigilProcess.start(data, sites, env)) {
      IngestClient client = new IngestClient(vigil.url(), KEY);
      CountDownLatch enough = new CountDownLatch(40);
      List<Thread> senders = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        int sender = s;
        senders.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      NdjsonWriter writer = new NdjsonWriter();
                      for (int b = 0; ; b++) {
                        List<Detection> batch = new ArrayList<>();
                        for (int i = 0; i < 200; i++) {
                          int n = (b * 200 + i);
                          batch.add(
                              DetectionBuilder.aDetection()
                                  .eventId("K" + sender + ":" + n)
                                  .camera("B-003")
                                  .at(t0.plusMillis(n))
                                  .plate(String.format(Locale.ROOT, "%d%07d", sender, n))
                                  .country(null)
                                  .speed(n % 10 == 0 ? 150 : 80)
                                  .build());
                        }
                        try {
                          if (client.post(writer.batch(batch)).ok()) {
                            for (Detection d : batch) {
                              if (d.speedKmh() > 110) {
                                acknowledged.add(d.eventId());
                              }
                            }
                            batches.incrementAndGet();
                            enough.countDown();
                          }
                        } catch (Exception e) {
                          return; // the server is gone
                        }
                      }
                    }));
      }
      enough.await();
      vigil.kill9();
      for (Thread t : senders) {
        t.join();
      }
    }
    assertThat(batches.get()).isGreaterThanOrEqualTo(40);

    try (VigilProcess again = VigilProcess.start(data, null, env)) {
      List<JsonNode> stored = TestVigil.operator(again.url(), PASSWORD).allViolations("");
      Set<String> storedEvents = new HashSet<>();
      stored.forEach(v -> storedEvents.add(v.get("eventIds").get(0).asText()));
      assertThat(storedEvents).containsAll(acknowledged);
    }
  }
}
