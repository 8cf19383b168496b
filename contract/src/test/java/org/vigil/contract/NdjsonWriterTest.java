package org.vigil.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.detection.Detection;

class NdjsonWriterTest {
  private final NdjsonWriter writer = new NdjsonWriter();

  @Test
  void writesTheIngestionFormatExactly() {
    Detection d =
        aDetection()
            .eventId("B-003:17")
            .camera("B-003")
            .at("2026-11-02T07:30:04.530Z")
            .plate("911ABY15")
            .country("KZ")
            .confidence(0.95)
            .speed(107)
            .lane(1)
            .build();

    assertThat(writer.line(d))
        .isEqualTo(
            "{\"eventId\":\"B-003:17\",\"cameraId\":\"B-003\","
                + "\"observedAt\":\"2026-11-02T07:30:04.530Z\","
                + "\"plate\":{\"text\":\"911ABY15\",\"country\":\"KZ\",\"confidence\":0.95},"
                + "\"vehicleClass\":\"CAR\",\"speedKmh\":107.0,\"lane\":1}");
  }

  @Test
  void leavesOutAMissingSpeedLaneAndCountry() {
    Detection d = aDetection().eventId("e").noSpeed().lane(0).country(null).build();

    assertThat(writer.line(d))
        .doesNotContain("speedKmh")
        .doesNotContain("lane")
        .doesNotContain("country")
        .endsWith("\"vehicleClass\":\"CAR\"}");
  }

  @Test
  void alwaysWritesThreeFractionDigitsInUtc() {
    assertThat(writer.line(aDetection().at("2026-11-02T07:30:04Z").build()))
        .contains("\"observedAt\":\"2026-11-02T07:30:04.000Z\"");
    assertThat(writer.line(aDetection().at("2026-11-02T07:30:04.007999Z").build()))
        .contains("\"observedAt\":\"2026-11-02T07:30:04.007Z\"");
    assertThat(writer.line(aDetection().at("1999-12-31T23:59:59.999Z").build()))
        .contains("\"observedAt\":\"1999-12-31T23:59:59.999Z\"");
  }

  @Test
  void batchIsOneNewlineTerminatedLinePerDetectionThatParsesBack() throws Exception {
    List<Detection> detections =
        java.util.stream.IntStream.range(0, 500)
            .mapToObj(
                i ->
                    aDetection()
                        .eventId("C-1:" + i)
                        .at(java.time.Instant.parse("2026-11-02T07:00:00Z").plusMillis(i * 37L))
                        .speed(40 + i % 90)
                        .lane(1 + i % 4)
                        .build())
            .toList();

    byte[] body = writer.batch(detections);

    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").doesNotContain("\n ").doesNotContain("\r");
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(500);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.length; i++) {
      Detection d = detections.get(i);
      JsonNode node = json.readTree(lines[i]);
      assertThat(lines[i]).isEqualTo(writer.line(d));
      assertThat(node.get("eventId").asText()).isEqualTo(d.eventId());
      assertThat(node.get("observedAt").asText()).hasSize(24);
      assertThat(java.time.Instant.parse(node.get("observedAt").asText()))
          .isEqualTo(d.observedAt());
      assertThat(node.get("plate").get("text").asText()).isEqualTo(d.plate().text());
      assertThat(node.get("plate").get("confidence").asDouble()).isEqualTo(d.confidence());
      assertThat(node.get("speedKmh").asDouble()).isEqualTo(d.speedKmh());
      assertThat(node.get("lane").asInt()).isEqualTo(d.lane());
    }
  }

  @Test
  void anEmptyBatchIsEmpty() {
    assertThat(writer.batch(List.of())).isEmpty();
  }
}
