package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.detection.VehicleClass;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.PlateSearch;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * Traffic statistics through the whole of Vigil: detections posted over HTTP, statistics read back
 * per minute, hour and day as JSON and CSV; compliant vehicles are counted, and their plates are
 * nowhere.
 */
class TrafficStatisticsIT {
  static final String COMPLIANT = "777OKK02";
  static final String SPEEDER = "888SPD02";
  static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
  static final String WINDOW = "from=2026-11-02T08:00:00Z&to=2026-11-02T10:00:00Z";

  @TempDir static Path dir;
  static Vigil vigil;
  static StaffClient admin;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    vigil =
        Vigil.start(
            TestVigil.config(dir, SitesBuilder.standard())
                .withPipeline(
                    EmbeddedPipeline.Settings.defaults().withAllowedLateness(Duration.ofHours(3)))
                .withClock(CLOCK));
    admin = TestVigil.admin(vigil);
  }

  @AfterAll
  static void stopAndSearchTheDisk() {
    vigil.close();
    Map<String, Path> found = PlateSearch.find(dir.resolve("data"), List.of(COMPLIANT, SPEEDER));
    assertThat(found).as("the speeder's plate is stored sealed only").doesNotContainKey(SPEEDER);
    assertThat(found).as("the compliant vehicle left no trace").doesNotContainKey(COMPLIANT);
  }

  static DetectionBuilder at(String time, int lane) {
    return DetectionBuilder.aDetection()
        .camera("B-003")
        .at(Instant.parse("2026-11-02T" + time + "Z"))
        .lane(lane);
  }

  static void post(List<Detection> detections) throws Exception {
    JsonNode r = TestVigil.post(vigil, detections);
    assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(detections.size());
  }

  static JsonNode items(String query) {
    StaffClient.Response r = admin.get("/api/v1/statistics?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(PlateSearch.firstIn(r.body(), Set.of(COMPLIANT, SPEEDER))).isNull();
    return r.json().get("items");
  }

  static String row(JsonNode s) {
    return s.get("start").asText() + " lane " + s.get("lane").asInt() + ": " + s.get("vehicles");
  }

  @Test
  void countsEveryVehicleByMinuteHourAndDayInJsonAndCsv() throws Exception {
    post(
        List.of(
            at("08:59:30", 1).eventId("ST:1").plate("123ABC02").speed(90).build(),
            at("09:00:10", 1).eventId("ST:2").plate(COMPLIANT).speed(95).build(),
            at("09:00:40", 1)
                .eventId("ST:3")
                .plate(SPEEDER)
                .vehicleClass(VehicleClass.TRUCK)
                .speed(130)
                .build(),
            at("09:00:50", 2)
                .eventId("ST:4")
                .plate("456DEF02")
                .vehicleClass(VehicleClass.BUS)
                .noSpeed()
                .build(),
            at("09:30:00", 1)
                .eventId("ST:5")
                .plate("321CBA02")
                .vehicleClass(VehicleClass.TAXI)
                .speed(60)
                .build()));
    vigil.statistics().flush();

    JsonNode minutes = items(WINDOW + "&cameraId=B-003");
    assertThat(minutes)
        .extracting(TrafficStatisticsIT::row)
        .containsExactly(
            "2026-11-02T08:59:00Z lane 1: 1",
            "2026-11-02T09:00:00Z lane 1: 2",
            "2026-11-02T09:00:00Z lane 2: 1",
            "2026-11-02T09:30:00Z lane 1: 1");
    JsonNode nine = minutes.get(1);
    assertThat(nine.get("resolution").asText()).isEqualTo("minute");
    assertThat(nine.get("meanSpeedKmh").asDouble()).isEqualTo(112.5);
    assertThat(nine.get("p85SpeedKmh").asInt()).isEqualTo(130);
    assertThat(nine.get("overLimitShare").asDouble()).isEqualTo(0.5);
    assertThat(nine.get("classes").get("CAR").asInt()).as("the compliant car").isEqualTo(1);
    assertThat(nine.get("classes").get("TRUCK").asInt()).isEqualTo(1);
    JsonNode bus = minutes.get(2);
    assertThat(bus.get("measuredVehicles").asInt()).isZero();
    assertThat(bus.get("meanSpeedKmh").isNull()).isTrue();
    assertThat(bus.get("p85SpeedKmh").isNull()).isTrue();
    assertThat(bus.get("overLimitShare").isNull()).isTrue();

    // a late vehicle adds to the minute, hour and day it belongs to
    post(List.of(at("09:00:20", 1).eventId("ST:6").plate("654FED02").speed(100).build()));
    vigil.statistics().flush();
    assertThat(items(WINDOW + "&cameraId=B-003&lane=1&resolution=minute"))
        .extracting(TrafficStatisticsIT::row)
        .contains("2026-11-02T09:00:00Z lane 1: 3");

    assertThat(items(WINDOW + "&cameraId=B-003&resolution=hour"))
        .extracting(TrafficStatisticsIT::row)
        .containsExactly(
            "2026-11-02T08:00:00Z lane 1: 1",
            "2026-11-02T09:00:00Z lane 1: 4",
            "2026-11-02T09:00:00Z lane 2: 1");
    JsonNode days =
        items("resolution=DAY&from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z&cameraId=B-003");
    assertThat(days)
        .extracting(TrafficStatisticsIT::row)
        .containsExactly("2026-11-02T00:00:00Z lane 1: 5", "2026-11-02T00:00:00Z lane 2: 1");
    JsonNode day = days.get(0);
    assertThat(day.get("resolution").asText()).isEqualTo("day");
    assertThat(day.get("p85SpeedKmh").asInt()).as("ranks 90 95 100 130 60: the 5th").isEqualTo(130);
    assertThat(day.get("meanSpeedKmh").asDouble()).isEqualTo(95.0);
    assertThat(day.get("overLimitShare").asDouble()).isEqualTo(0.2);
    assertThat(day.get("classes").get("CAR").asInt()).isEqualTo(3);
    assertThat(day.get("classes").get("TAXI").asInt()).isEqualTo(1);

    StaffClient.Response csv =
        admin.get("/api/v1/statistics?resolution=hour&format=csv&cameraId=B-003&" + WINDOW);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().split("\r\n"))
        .containsExactly(
            "cameraId,lane,start,resolution,vehicles,measuredVehicles,meanSpeedKmh,p85SpeedKmh,"
                + "overLimitShare,CAR,MOTORCYCLE,VAN,TRUCK,BUS,TAXI,OTHER",
            "B-003,1,2026-11-02T08:00:00Z,hour,1,1,90,90,0,1,0,0,0,0,0,0",
            "B-003,1,2026-11-02T09:00:00Z,hour,4,4,96.3,130,0.25,2,0,0,1,0,1,0",
            "B-003,2,2026-11-02T09:00:00Z,hour,1,0,,,,0,0,0,0,1,0,0");

    HttpResponse<String> byAccept =
        http.send(
            HttpRequest.newBuilder(
                    vigil.url().resolve("/api/v1/statistics?resolution=day&cameraId=B-003"))
                .header("Accept", "text/csv")
                .header("Authorization", basic("admin", TestVigil.PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(byAccept.statusCode()).isEqualTo(200);
    assertThat(byAccept.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(byAccept.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            v -> assertThat(v).startsWith("attachment; filename=\"vigil-statistics-day-"));
    assertThat(byAccept.body()).contains("B-003,1,2026-11-02T00:00:00Z,day,5,5,");
  }

  @Test
  void badParametersAre400sNamingTheValueAndEveryStaffRoleMayRead() throws Exception {
    Map<String, String> bad =
        Map.of(
            "resolution=week", "resolution 'week' must be minute, hour or day",
            "from=yesterday", "from 'yesterday' is not an ISO-8601 instant",
            "lane=x", "lane 'x' is not a whole number",
            "format=xml", "format 'xml' must be json or csv",
            "from=2026-10-01T00:00:00Z", "more than the PT24H allowed at resolution MINUTE",
            "from=2026-11-02T10:00:00Z&to=2026-11-02T09:00:00Z", "must be after from");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      StaffClient.Response r = admin.get("/api/v1/statistics?" + e.getKey());
      assertThat(r.status()).as(e.getKey()).isEqualTo(400);
      assertThat(r.json().get("error").asText()).as(e.getKey()).contains(e.getValue());
    }
    assertThat(new StaffClient(vigil.url(), "admin", "wrong").get("/api/v1/statistics").status())
        .isEqualTo(401);
    assertThat(
            admin
                .post(
                    "/api/v1/admin/users",
                    "{\"username\":\"audrey\",\"password\":\"auditor-password-1\",\"role\":\"AUDITOR\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            new StaffClient(vigil.url(), "audrey", "auditor-password-1")
                .get("/api/v1/statistics")
                .status())
        .isEqualTo(200);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
