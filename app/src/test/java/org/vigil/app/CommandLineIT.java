package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools of the command line against a running Vigil: simulate, replay, keys. */
class CommandLineIT {
  @TempDir Path dir;

  @Test
  void simulateWritesACityAndReplayPostsIt() throws Exception {
    Path city = dir.resolve("city.ndjson");
    Path sites = dir.resolve("city-sites.json");
    assertThat(
            Main.run(
                "simulate",
                "--count",
                "5000",
                "--out",
                city.toString(),
                "--sites-out",
                sites.toString()))
        .isZero();
    assertThat(Files.readAllLines(city)).hasSize(5000);

    try (Vigil vigil =
        Vigil.start(
            VigilConfig.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data"))
                .withPort(0)
                .withSitesFile(sites)
                .withIngestKey("cli-key")
                .withAdminPassword("cli-admin-password"))) {
      String out =
          captureStdout(
              () ->
                  Main.run(
                      "replay",
                      city.toString(),
                      "--url",
                      vigil.url().toString(),
                      "--key",
                      "cli-key",
                      "--batch",
                      "700"));
      assertThat(out).contains("sent 5,000 · accepted 5,000 · duplicates 0 · rejected 0");
      assertThat(TestVigil.operator(vigil.url(), "cli-admin-password").allViolations(""))
          .isNotEmpty();

      String again =
          captureStdout(
              () ->
                  Main.run(
                      "replay",
                      city.toString(),
                      "--url",
                      vigil.url().toString(),
                      "--key",
                      "cli-key"));
      assertThat(again).contains("accepted 0 · duplicates 5,000");

      String key =
          captureStdout(
              () ->
                  Main.run(
                      "keys",
                      "issue",
                      "C-001",
                      "--url",
                      vigil.url().toString(),
                      "--password",
                      "cli-admin-password"));
      assertThat(key.trim()).startsWith("vk_");
    }
  }

  @Test
  void simulateToStdoutIsNdjsonFromAFixedStart() throws Exception {
    String out = captureStdout(() -> Main.run("simulate", "--count", "3", "--seed", "7"));
    assertThat(out.lines()).hasSize(3).allMatch(l -> l.startsWith("{\"eventId\":\"C-"));
    assertThat(out)
        .contains(
            "\"observedAt\":\""
                + Instant.parse("2026-11-02T07:00:00Z").toString().substring(0, 13));
  }

  @Test
  void simulateStagesAnIncidentAndRefusesABadOne() throws Exception {
    String out =
        captureStdout(
            () ->
                Main.run(
                    "simulate",
                    "--duration",
                    "PT90S",
                    "--cameras",
                    "4",
                    "--sections",
                    "0",
                    "--rate",
                    "40",
                    "--incident",
                    "C-003",
                    "--incident-after",
                    "PT60S",
                    "--incident-lasts",
                    "PT5M"));
    ObjectMapper json = new ObjectMapper();
    Instant staged = Instant.parse("2026-11-02T07:01:00Z");
    List<JsonNode> atC003 =
        out.lines()
            .map(l -> readTree(json, l))
            .filter(d -> d.get("cameraId").asText().equals("C-003"))
            .filter(d -> !Instant.parse(d.get("observedAt").asText()).isBefore(staged))
            .toList();
    assertThat(atC003).isNotEmpty().allMatch(d -> d.get("speedKmh").asDouble() <= 15);

    assertThat(Main.run("simulate", "--count", "3", "--incident", "C-999")).isEqualTo(1);
    assertThat(Main.run("simulate", "--count", "3", "--incident-after", "PT1M")).isEqualTo(1);
    assertThat(
            Main.run("simulate", "--count", "3", "--incident", "C-001", "--incident-lasts", "PT0S"))
        .isEqualTo(1);
  }

  private static JsonNode readTree(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String captureStdout(java.util.concurrent.Callable<Integer> run) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertThat(run.call()).isZero();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
