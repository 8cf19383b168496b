package org.vigil.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.detection.VehicleClass;
import org.vigil.http.BadRequestException;
import org.vigil.pipeline.IngestItem;

class DetectionParserTest {
  static final String GOOD =
      "{\"eventId\":\"B-003:17\",\"cameraId\":\"B-003\",\"observedAt\":\"2026-11-02T07:30:04.530Z\","
          + "\"plate\":{\"text\":\"911ABY15\",\"country\":\"KZ\",\"confidence\":0.95},"
          + "\"vehicleClass\":\"CAR\",\"speedKmh\":107.0,\"lane\":1}";

  private static List<IngestItem> ndjson(String body) {
    return DetectionParser.parse(
        body.getBytes(StandardCharsets.UTF_8), DetectionParser.Format.NDJSON);
  }

  private static List<IngestItem> json(String body) {
    return DetectionParser.parse(
        body.getBytes(StandardCharsets.UTF_8), DetectionParser.Format.JSON);
  }

  private static String reasonOf(IngestItem item) {
    assertThat(item).isInstanceOf(IngestItem.Malformed.class);
    return ((IngestItem.Malformed) item).reason();
  }

  @Test
  void readsTheContractExample() {
    IngestItem item = ndjson(GOOD).getFirst();
    var d = ((IngestItem.Parsed) item).detection();
    assertThat(d.eventId()).isEqualTo("B-003:17");
    assertThat(d.cameraId()).isEqualTo("B-003");
    assertThat(d.observedAt()).hasToString("2026-11-02T07:30:04.530Z");
    assertThat(d.plate().text()).isEqualTo("911ABY15");
    assertThat(d.plate().country()).isEqualTo("KZ");
    assertThat(d.confidence()).isEqualTo(0.95);
    assertThat(d.vehicleClass()).isEqualTo(VehicleClass.CAR);
    assertThat(d.speedKmh()).isEqualTo(107.0);
    assertThat(d.lane()).isEqualTo(1);
  }

  @Test
  void oneObjectAnArrayAndNdjsonAreAllBatches() {
    assertThat(json(GOOD)).hasSize(1);
    assertThat(json("[" + GOOD + "," + GOOD + "]")).hasSize(2);
    assertThat(ndjson(GOOD + "\n\n" + GOOD + "\r\n")).hasSize(2);
  }

  @Test
  void ndjsonIndexIsTheLineIndexEvenAcrossBlankLines() {
    List<IngestItem> items = ndjson(GOOD + "\n\nnot json\n" + GOOD);
    assertThat(items).extracting(IngestItem::index).containsExactly(0, 2, 3);
    assertThat(reasonOf(items.get(1))).startsWith("line is not valid JSON");
  }

  @Test
  void aBadItemNamesTheFieldAndTheProblem() {
    assertThat(
            reasonOf(
                ndjson(GOOD.replace("\"observedAt\":\"2026-11-02T07:30:04.530Z\",", ""))
                    .getFirst()))
        .isEqualTo("missing field 'observedAt'");
    assertThat(reasonOf(ndjson(GOOD.replace("2026-11-02T07:30:04.530Z", "yesterday")).getFirst()))
        .isEqualTo(
            "bad timestamp in observedAt: 'yesterday', expected ISO-8601 such as 2026-11-02T07:30:04.530Z");
    assertThat(reasonOf(ndjson(GOOD.replace("107.0", "\"fast\"")).getFirst()))
        .isEqualTo("speedKmh must be a number, was a string");
    assertThat(reasonOf(ndjson(GOOD.replace("107.0", "999")).getFirst()))
        .isEqualTo("speedKmh must be between 0 and 400, was 999.0");
    assertThat(reasonOf(ndjson(GOOD.replace("\"CAR\"", "\"SPACESHIP\"")).getFirst()))
        .startsWith("unknown vehicleClass 'SPACESHIP', expected one of CAR,");
    assertThat(reasonOf(ndjson(GOOD.replace("\"lane\":1", "\"lane\":1.5")).getFirst()))
        .isEqualTo("lane must be a whole number, was a number");
    assertThat(
            reasonOf(ndjson(GOOD.replace("\"cameraId\":\"B-003\"", "\"cameraId\":7")).getFirst()))
        .isEqualTo("cameraId must be a string, was a number");
    assertThat(reasonOf(ndjson("[1,2]").getFirst()))
        .isEqualTo("line must hold a JSON object, held an array");
    assertThat(reasonOf(ndjson(GOOD + " " + GOOD).getFirst()))
        .isEqualTo("line holds more than one JSON value");
  }

  @Test
  void theEventIdIsReportedWhenReadable() {
    var bad = (IngestItem.Malformed) ndjson(GOOD.replace("107.0", "\"x\"")).getFirst();
    assertThat(bad.eventId()).isEqualTo("B-003:17");
  }

  @Test
  void reasonsNeverRepeatThePlate() {
    String longPlate = GOOD.replace("911ABY15", "911ABY15911ABY15911ABY15");
    String badConfidence = GOOD.replace("0.95", "\"high\"");
    String brokenJson = "{\"eventId\":\"x\",\"plate\":{\"text\":911ABY15}}";
    for (String line : List.of(longPlate, badConfidence, brokenJson)) {
      assertThat(reasonOf(ndjson(line).getFirst())).doesNotContain("911ABY15");
    }
  }

  @Test
  void hostileInputIsRefusedCheaply() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThat(reasonOf(ndjson(deep).getFirst())).contains("line must hold a JSON object");
    String deepObject = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    assertThat(reasonOf(ndjson(deepObject).getFirst())).startsWith("line exceeds a limit");
    assertThatThrownBy(() -> json("{\"a\":".repeat(100) + "1" + "}".repeat(100)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("body exceeds a limit");
  }

  @Test
  void badUtf8SpoilsOnlyItsLine() {
    byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = GOOD.replace("911ABY15", "911AB__5").getBytes(StandardCharsets.UTF_8);
    int at = new String(bad, StandardCharsets.UTF_8).indexOf("__");
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28; // not a continuation byte
    byte[] body = new byte[good.length + bad.length];
    System.arraycopy(good, 0, body, 0, good.length);
    System.arraycopy(bad, 0, body, good.length, bad.length);
    List<IngestItem> items = DetectionParser.parse(body, DetectionParser.Format.NDJSON);
    assertThat(items.get(0)).isInstanceOf(IngestItem.Parsed.class);
    assertThat(reasonOf(items.get(1))).startsWith("line is not valid JSON in UTF-8");
  }

  @Test
  void anUnusableBodyIsA400() {
    assertThatThrownBy(() -> json(""))
        .hasMessage("body must be a JSON object or an array of objects, was nothing");
    assertThatThrownBy(() -> json("[" + GOOD + ",")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> json("\"hello\"")).hasMessageContaining("was a string");
    assertThatThrownBy(() -> ndjson("\n\n")).hasMessage("body holds no detection");
    assertThat(json("[" + GOOD + ", 42]").get(1)).isInstanceOf(IngestItem.Malformed.class);
  }

  @Test
  void tooManyItemsIsA413() {
    String body = (GOOD + "\n").repeat(DetectionParser.MAX_ITEMS + 1);
    assertThatThrownBy(() -> ndjson(body))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413));
  }
}
