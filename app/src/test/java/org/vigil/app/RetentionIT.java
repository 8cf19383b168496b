package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * Retention end to end, through the API of a real Vigil on a real PostgreSQL with its file key
 * vault: violations read back as recorded, a purge after the expiry day destroys the day's key file
 * and shreds every violation under it but the one under legal hold, the audit log counts the purge,
 * and the held violation is purged after its release once due.
 */
class RetentionIT {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  static final String KEY_FILE = "CASE-2027-11-02.kek";

  @TempDir Path dir;

  @Test
  void purgesDueViolationsKeepsHeldOnesAndCountsIt() throws Exception {
    TestClock clock = new TestClock(T0.plusSeconds(60));
    VigilConfig config =
        TestVigil.config(dir, SitesBuilder.standard())
            .withPipeline(
                EmbeddedPipeline.Settings.defaults().withAllowedLateness(Duration.ofHours(1)))
            .withClock(clock);
    try (Vigil vigil = Vigil.start(config)) {
      StaffClient admin = TestVigil.admin(vigil);
      StaffClient operator = TestVigil.operator(vigil);
      List<String> plates = List.of("RET1AA", "RET2BB", "RET3CC");
      for (int i = 0; i < plates.size(); i++) {
        TestVigil.post(
            vigil,
            List.of(
                DetectionBuilder.aDetection()
                    .camera("B-003")
                    .eventId("R-" + i)
                    .at(T0.plusSeconds(i))
                    .plate(plates.get(i))
                    .speed(120)
                    .build()));
      }
      List<JsonNode> before = operator.allViolations("");
      assertThat(before)
          .extracting(v -> v.path("plate").path("text").asText())
          .containsExactlyInAnyOrderElementsOf(plates);
      assertThat(before).allMatch(v -> !v.path("shredded").asBoolean());
      Path keys = config.dataDir().resolve("keys");
      assertThat(keys.resolve(KEY_FILE)).exists();

      JsonNode held = before.getFirst();
      String subject = "violation:" + held.path("id").asText();
      StaffClient.Response tooLong =
          admin.post(
              "/api/v1/admin/legal-holds",
              "{\"subject\":\"" + subject + "\",\"reason\":\"" + "x".repeat(201) + "\"}");
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).contains("at most 200 characters, had 201");
      StaffClient.Response badSubject =
          admin.post(
              "/api/v1/admin/legal-holds",
              "{\"subject\":\"violation:nope\",\"reason\":\"appeal\"}");
      assertThat(badSubject.status()).isEqualTo(400);
      assertThat(badSubject.body()).contains("'violation:nope'");
      StaffClient.Response placed =
          admin.post(
              "/api/v1/admin/legal-holds",
              "{\"subject\":\"" + subject + "\",\"reason\":\"appeal 12/2027\"}");
      assertThat(placed.status()).as(placed.body()).isEqualTo(201);
      String holdId = placed.json().path("id").asText();

      JsonNode status = admin.get("/api/v1/admin/retention").json();
      assertThat(status.path("policy").path("CASE").asText()).isEqualTo("P1Y");
      assertThat(status.path("keys").toString())
          .contains("\"kek\":\"CASE/2027-11-02\",\"expiresOn\":\"2027-11-02\",\"records\":2")
          .contains("\"kek\":\"hold/" + holdId + "\",\"expiresOn\":null,\"records\":1");
      assertThat(status.path("holds").toString()).contains(holdId).contains(subject);
      assertThat(status.toString()).doesNotContain("RET1AA");

      // a day after the expiry day
      clock.set(Instant.parse("2027-11-03T01:00:00Z"));
      StaffClient.Response purge = admin.post("/api/v1/admin/retention/purge", "");
      assertThat(purge.status()).as(purge.body()).isEqualTo(200);
      assertThat(purge.body()).contains("records=2 class=CASE day=2027-11-02");
      assertThat(keys.resolve(KEY_FILE)).doesNotExist();

      List<JsonNode> after = operator.allViolations("");
      assertThat(after).hasSize(3);
      List<JsonNode> shredded = new ArrayList<>();
      for (JsonNode v : after) {
        if (v.path("shredded").asBoolean()) {
          shredded.add(v);
        } else {
          assertThat(v).isEqualTo(held);
        }
      }
      assertThat(shredded).hasSize(2);
      assertThat(shredded)
          .allSatisfy(
              v -> {
                assertThat(v.path("plate").isNull()).isTrue();
                assertThat(v.path("eventIds")).isEmpty();
                assertThat(v.path("measuredSpeedKmh").asDouble()).isEqualTo(120.0);
                assertThat(v.path("type").asText()).isEqualTo("SPEED");
              });

      JsonNode entries = admin.get("/api/v1/audit/entries").json().path("items");
      List<String> purges = new ArrayList<>();
      for (JsonNode e : entries) {
        if (e.path("kind").asText().equals("PURGE")) {
          purges.add(e.path("subject").asText() + " " + e.path("purpose").asText());
        }
      }
      assertThat(purges).contains("key:CASE-2027-11-02 records=2 class=CASE day=2027-11-02");
      assertThat(entries.toString()).contains("legal-hold.place");

      assertThat(admin.delete("/api/v1/admin/legal-holds/" + holdId).status()).isEqualTo(204);
      assertThat(admin.delete("/api/v1/admin/legal-holds/" + holdId).status()).isEqualTo(404);
      assertThat(operator.allViolations(""))
          .filteredOn(v -> !v.path("shredded").asBoolean())
          .hasSize(1);
      clock.advance(Duration.ofDays(1));
      assertThat(admin.post("/api/v1/admin/retention/purge", "").body())
          .contains("records=1 class=CASE day=2027-11-03");
      assertThat(operator.allViolations("")).allMatch(v -> v.path("shredded").asBoolean());
      JsonNode totals = admin.get("/api/v1/admin/retention").json().path("totals");
      assertThat(totals.path("keysDestroyed").asLong()).isEqualTo(2);
      assertThat(totals.path("recordsShredded").asLong()).isEqualTo(3);
      try (var files = Files.list(keys)) {
        assertThat(files.toList()).as("no key left").isEmpty();
      }
    }
  }

  @Test
  void retentionSettingsNameTheBadVariableAndValue() {
    assertThatThrownBy(
            () -> VigilConfig.fromEnvironment(Map.of("VIGIL_RETENTION_REJECTED", "30 days")))
        .hasMessageContaining("VIGIL_RETENTION_REJECTED")
        .hasMessageContaining("'30 days'");
    assertThatThrownBy(() -> VigilConfig.fromEnvironment(Map.of("VIGIL_PURGE_INTERVAL", "hourly")))
        .hasMessageContaining("VIGIL_PURGE_INTERVAL")
        .hasMessageContaining("'hourly'");
    VigilConfig c =
        VigilConfig.fromEnvironment(
            Map.of("VIGIL_KEY_DIR", dir.resolve("k").toString(), "VIGIL_PURGE_INTERVAL", "PT5M"));
    assertThat(c.retention().keyDir(dir)).isEqualTo(dir.resolve("k").toAbsolutePath());
    assertThat(c.retention().purgeInterval()).isEqualTo(Duration.ofMinutes(5));
  }
}
