package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.NdjsonWriter;
import org.vigil.contract.SitesJson;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.site.InvalidSitesException;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/** The whole of Vigil in this JVM, against a real embedded PostgreSQL, over real HTTP. */
class VigilIT {
  static final String KEY = "shared-test-key";
  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final Instant T0 =
      Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  @TempDir static Path dir;
  static Vigil vigil;
  static StaffClient admin;
  static StaffClient officer;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, SitesJson.write(SitesBuilder.standard()));
    vigil =
        Vigil.start(
            VigilConfig.fromEnvironment(java.util.Map.of())
                .withDataDir(dir.resolve("data"))
                .withPort(0)
                .withSitesFile(sites)
                .withIngestKey(KEY)
                .withAdminPassword(ADMIN_PASSWORD)
                // the tests share one server and post into the last hour in any order
                .withPipeline(
                    EmbeddedPipeline.Settings.defaults().withAllowedLateness(Duration.ofHours(2)))
                .withClock(Clock.systemUTC()));
    admin = new StaffClient(vigil.url(), "admin", ADMIN_PASSWORD);
    officer = TestVigil.operator(vigil.url(), ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  static DetectionBuilder at(String camera, long secondsAfterT0) {
    return DetectionBuilder.aDetection().camera(camera).at(T0.plusSeconds(secondsAfterT0));
  }

  static HttpResponse<String> post(String contentType, byte[] body, String key) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(vigil.url().resolve("/api/v1/detections"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      r.header("Authorization", "Bearer " + key);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode postOk(List<Detection> detections) throws Exception {
    HttpResponse<String> r =
        post("application/x-ndjson", new NdjsonWriter().batch(detections), KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new StaffClient.Response(200, r.body()).json();
  }

  @Test
  void spotAndSectionViolationsAreRecordedAndServed() throws Exception {
    JsonNode result =
        postOk(
            List.of(
                at("B-003", 0).eventId("IT1:1").plate("111AAA01").speed(130).build(),
                at("B-003", 1).eventId("IT1:2").plate("222BBB02").speed(105).build(),
                at("B-003", 2).eventId("IT1:3").plate("333CCC03").speed(90).build(),
                at("B-007", 32).eventId("IT1:4").plate("333CCC03").noSpeed().build()));
    assertThat(result.get("accepted").asInt()).isEqualTo(4);
    assertThat(result.get("violations").asInt()).isEqualTo(2);

    List<JsonNode> speed = officer.allViolations("cameraId=B-003&from=" + T0);
    assertThat(speed).extracting(v -> v.get("plate").get("text").asText()).contains("111AAA01");
    JsonNode fine =
        speed.stream()
            .filter(v -> v.get("plate").get("text").asText().equals("111AAA01"))
            .findFirst()
            .orElseThrow()
            .get("fine");
    assertThat(fine.get("outcome").asText()).as(fine.toString()).isEqualTo("FINE");
    assertThat(fine.get("currency").asText()).isEqualTo("KZT");
    assertThat(fine.get("retainedSpeedKmh").asDouble()).isEqualTo(130.0);
    assertThat(fine.get("amount").decimalValue())
        .as("30 km/h over: 10 MCI of 2026")
        .isEqualByComparingTo("43250");
    assertThat(fine.get("discountedAmount").decimalValue()).isEqualByComparingTo("21625");
    JsonNode section = officer.allViolations("type=SECTION_SPEED&sectionId=S-1").getFirst();
    assertThat(section.get("eventIds")).hasSize(2);
    assertThat(section.get("observedAt").asText()).isEqualTo(T0.plusSeconds(32).toString());
    assertThat(section.get("limitKmh").asInt()).isEqualTo(90);
    assertThat(section.get("toleranceKmh").asInt()).isEqualTo(10);
    assertThat(section.get("measuredSpeedKmh").asDouble()).isGreaterThan(100);
  }

  @Test
  void aResentEventIsAcknowledgedAndCountedOnce() throws Exception {
    List<Detection> batch =
        List.of(
            at("B-003", 60).eventId("IT2:1").plate("444DDD04").speed(140).build(),
            at("B-003", 61).eventId("IT2:2").plate("555EEE05").speed(60).build());
    assertThat(postOk(batch).get("accepted").asInt()).isEqualTo(2);
    JsonNode again = postOk(batch);
    assertThat(again.get("accepted").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(2);
    assertThat(officer.allViolations("from=" + T0.plusSeconds(60) + "&to=" + T0.plusSeconds(62)))
        .hasSize(1);
  }

  @Test
  void aBadItemNeverFailsItsNeighbours() throws Exception {
    String good = new NdjsonWriter().line(at("B-003", 120).eventId("IT3:1").speed(150).build());
    String body =
        good
            + "\n"
            + good.replace("IT3:1", "IT3:2").replace("B-003\",\"observedAt", "B-999\",\"observedAt")
            + "\n{not json\n"
            + good.replace("IT3:1", "IT3:4").replace("\"CAR\"", "\"ZEPPELIN\"")
            + "\n";
    HttpResponse<String> r =
        post("application/x-ndjson", body.getBytes(StandardCharsets.UTF_8), KEY);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode json = new StaffClient.Response(200, r.body()).json();
    assertThat(json.get("accepted").asInt()).isEqualTo(1);
    assertThat(json.get("rejected")).hasSize(3);
    assertThat(json.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(json.get("rejected").get(0).get("eventId").asText()).isEqualTo("IT3:2");
    assertThat(json.get("rejected").get(0).get("reason").asText())
        .isEqualTo("unknown camera 'B-999'");
    assertThat(json.get("rejected").get(2).get("reason").asText()).contains("ZEPPELIN");
  }

  @Test
  void malformedAndHostileBodiesGetClearErrorsNever500() throws Exception {
    HttpResponse<String> broken =
        post("application/json", "[{\"eventId\":".getBytes(StandardCharsets.UTF_8), KEY);
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("\"error\":\"body is not valid JSON");

    byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> deepR = post("application/json", deep, KEY);
    assertThat(deepR.statusCode()).isEqualTo(400);
    assertThat(deepR.body()).contains("exceeds a limit");

    byte[] huge = new byte[40 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    HttpResponse<String> hugeR = post("application/x-ndjson", huge, KEY);
    assertThat(hugeR.statusCode()).isEqualTo(413);

    HttpResponse<String> xml =
        post("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), KEY);
    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(xml.body()).contains("application/xml");

    HttpResponse<String> wrongTypes =
        post(
            "application/json",
            "{\"eventId\":[1],\"cameraId\":{}}".getBytes(StandardCharsets.UTF_8),
            KEY);
    assertThat(wrongTypes.statusCode()).isEqualTo(200);
    assertThat(wrongTypes.body()).contains("eventId must be a string, was an array");
  }

  @Test
  void camerasNeedAKeyAndAKeyServesOneCamera() throws Exception {
    byte[] one = new NdjsonWriter().batch(List.of(at("B-003", 180).eventId("IT5:1").build()));
    assertThat(post("application/x-ndjson", one, null).statusCode()).isEqualTo(401);
    assertThat(post("application/x-ndjson", one, "wrong").statusCode()).isEqualTo(401);

    StaffClient.Response issued = admin.post("/api/v1/admin/cameras/B-007/keys", "{}");
    assertThat(issued.status()).isEqualTo(201);
    String cameraKey = issued.json().get("key").asText();
    HttpResponse<String> r = post("application/x-ndjson", one, cameraKey);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("this key may not post for camera 'B-003'");
    byte[] own = new NdjsonWriter().batch(List.of(at("B-007", 180).eventId("IT5:2").build()));
    assertThat(post("application/x-ndjson", own, cameraKey).body()).contains("\"accepted\":1");
    assertThat(admin.delete("/api/v1/admin/cameras/B-007/keys").status()).isEqualTo(200);
    assertThat(post("application/x-ndjson", own, cameraKey).statusCode()).isEqualTo(401);
  }

  @Test
  void staffApisNeedSignInAndTheRightRole() {
    assertThat(new StaffClient(vigil.url(), "admin", "wrong").get("/api/v1/violations").status())
        .isEqualTo(401);
    assertThat(
            admin
                .post(
                    "/api/v1/admin/users",
                    "{\"username\":\"olga\",\"password\":\"operator-password-1\",\"role\":\"OPERATOR\"}")
                .status())
        .isEqualTo(201);
    StaffClient operator = new StaffClient(vigil.url(), "olga", "operator-password-1");
    assertThat(operator.get("/api/v1/violations").status()).isEqualTo(200);
    assertThat(operator.get("/api/v1/admin/sites").status()).isEqualTo(403);
  }

  @Test
  void violationsApiValidatesItsParametersAndPages() throws Exception {
    assertThat(officer.get("/api/v1/violations?limit=5000").body())
        .contains("limit must be between 1 and 1000, was 5000");
    assertThat(officer.get("/api/v1/violations?from=yesterday").body())
        .contains("from 'yesterday'");
    assertThat(officer.get("/api/v1/violations?type=PARKING").status()).isEqualTo(400);
    assertThat(officer.get("/api/v1/violations?cursor=nonsense").status()).isEqualTo(400);

    List<Detection> many = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(
          at("B-003", 1000 + i).eventId("IT7:" + i).plate("700PGE" + (10 + i)).speed(150).build());
    }
    postOk(many);
    String window = "from=" + T0.plusSeconds(1000) + "&to=" + T0.plusSeconds(1100);
    JsonNode first = officer.get("/api/v1/violations?limit=10&" + window).json();
    assertThat(first.get("items")).hasSize(10);
    assertThat(first.get("nextCursor").isNull()).isFalse();
    assertThat(officer.allViolations(window)).hasSize(25);
  }

  @Test
  void aLimitChangedThroughTheAdminApiAppliesToTheNextDetection() throws Exception {
    String camera =
        "{\"name\":\"school zone\",\"lanes\":2,\"speedLimitKmh\":30,\"toleranceKmh\":5,"
            + "\"location\":{\"lat\":43.2,\"lon\":76.9}}";
    assertThat(admin.put("/api/v1/admin/cameras/Z-1", camera).status()).isEqualTo(201);
    JsonNode r = postOk(List.of(at("Z-1", 2000).eventId("IT8:1").speed(40).lane(2).build()));
    assertThat(r.get("violations").asInt()).isEqualTo(1);
    JsonNode v = officer.allViolations("cameraId=Z-1").getFirst();
    assertThat(v.get("limitKmh").asInt()).isEqualTo(30);

    StaffClient.Response bad =
        admin.put("/api/v1/admin/cameras/Z-2", camera.replace("\"lanes\":2", "\"lanes\":0"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("camera: lanes must be between 1 and 16, was 0");
    assertThat(admin.delete("/api/v1/admin/cameras/B-003").status())
        .as("a section still uses it")
        .isEqualTo(400);
    assertThat(admin.get("/api/v1/admin/sites").json().get("cameras").size()).isEqualTo(3);
  }

  @Test
  void anInvalidSitesFileStopsStartUpNamingEntryAndField() throws Exception {
    Path bad = dir.resolve("bad-sites.json");
    Files.writeString(
        bad,
        "{\"cameras\":[{\"id\":\"B-003\",\"lanes\":4,\"speedLimitKmh\":100,\"toleranceKmh\":99}]}");
    assertThatThrownBy(
            () ->
                Vigil.start(
                    VigilConfig.fromEnvironment(java.util.Map.of())
                        .withDataDir(dir.resolve("other"))
                        .withPort(0)
                        .withSitesFile(bad)))
        .isInstanceOf(InvalidSitesException.class)
        .hasMessageContaining(
            bad + ": cameras[0] 'B-003': toleranceKmh must be between 0 and 50, was 99");
  }

  @Test
  void publicPagesAnswerWithoutSignIn() throws Exception {
    for (String path :
        List.of("/health", "/health/live", "/health/ready", "/", "/api/v1/live", "/openapi.yaml")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(vigil.url().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
    URI unknown = vigil.url().resolve("/nothing-here");
    assertThat(
            http.send(HttpRequest.newBuilder(unknown).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }
}
