package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.detection.VehicleClass;
import org.vigil.site.Schedule;
import org.vigil.site.Sites;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/**
 * The whole rulebook through the real server and PostgreSQL: every camera violation type with its
 * evidence and fine under two jurisdictions, a sign changed through the admin API, an exemption,
 * the manual-read queue, holds for an expired calibration and a drifting clock, the camera-health
 * view, and late reads refused and counted. Detections are stamped shortly before now, in the order
 * of the tests' own steps, so that none is later than the default lateness.
 */
class RulebookIT {

  @TempDir static Path dir;
  static Vigil vigil;
  static StaffClient admin;
  static StaffClient officer;

  @BeforeAll
  static void start() throws Exception {
    LocalDate twoDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    Sites sites =
        SitesBuilder.sites()
            .camera(
                aCamera("J")
                    .limit(60, 0)
                    .zone("UTC")
                    .redLight(500, 4)
                    .restrictedLane(1, EnumSet.of(VehicleClass.BUS), Schedule.ALWAYS)
                    .oneWay()
                    .ban(EnumSet.of(VehicleClass.TRUCK), Schedule.ALWAYS))
            .camera(aCamera("F").limit(80, 0).zone("UTC").jurisdiction("FR"))
            .camera(aCamera("Q").limit(60, 0).zone("UTC").calibratedUntil(twoDaysAgo.toString()))
            .camera(aCamera("D").limit(60, 0).zone("UTC"))
            .camera(aCamera("C").limit(60, 0).zone("UTC"))
            .build();
    vigil = Vigil.start(TestVigil.config(dir, sites).withClock(Clock.systemUTC()));
    admin = TestVigil.admin(vigil);
    officer = TestVigil.operator(vigil);
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  private static DetectionBuilder now(String camera, String eventId) {
    return DetectionBuilder.aDetection()
        .camera(camera)
        .eventId(eventId)
        .at(Instant.now().minusMillis(100).truncatedTo(ChronoUnit.MILLIS))
        .speed(40);
  }

  private static JsonNode post(List<Detection> detections) throws Exception {
    return TestVigil.post(vigil, detections);
  }

  private static JsonNode only(String query) {
    List<JsonNode> found = officer.allViolations(query);
    assertThat(found).as(query).hasSize(1);
    return found.getFirst();
  }

  /** The one violation of {@code query} against {@code plate}: the API has no plate filter. */
  private static JsonNode only(String query, String plate) {
    List<JsonNode> found =
        officer.allViolations(query).stream()
            .filter(v -> v.get("plate").get("text").asText().equals(plate))
            .toList();
    assertThat(found).as(query + " of " + plate).hasSize(1);
    return found.getFirst();
  }

  @Test
  void everyCameraRuleIsRecordedWithItsEvidenceAndFine() throws Exception {
    JsonNode r =
        post(
            List.of(
                now("J", "R1").plate("101RED01").red(1350).lane(2).build(),
                now("J", "R2").plate("102REL02").red(1350).lane(4).build(),
                now("J", "L1").plate("103LAN03").lane(1).build(),
                now("J", "L2").plate("104BUS04").lane(1).vehicleClass(VehicleClass.BUS).build(),
                now("J", "W1").plate("105WRO05").lane(3).againstTraffic().build(),
                now("J", "T1").plate("106TRK06").lane(3).vehicleClass(VehicleClass.TRUCK).build()));
    assertThat(r.get("accepted").asInt()).isEqualTo(6);
    assertThat(r.get("violations").asInt()).isEqualTo(4);

    JsonNode red = only("cameraId=J&type=RED_LIGHT", "101RED01");
    assertThat(red.get("held").asBoolean()).isFalse();
    assertThat(red.get("detail").asText()).isEqualTo("red for 1350 ms, grace 500 ms");
    assertThat(red.get("fine").get("amount").decimalValue())
        .as("10 MCI of " + Instant.now().atZone(ZoneOffset.UTC).getYear())
        .isPositive();
    assertThat(red.get("fine").get("currency").asText()).isEqualTo("KZT");
    assertThat(only("cameraId=J&type=RESTRICTED_LANE", "103LAN03").get("detail").asText())
        .isEqualTo("lane 1 is reserved to [BUS] daily 00:00-00:00; a CAR used it");
    assertThat(only("cameraId=J&type=WRONG_WAY", "105WRO05").get("direction").asText())
        .isEqualTo("AGAINST_TRAFFIC");
    assertThat(only("cameraId=J&type=RESTRICTED_CLASS", "106TRK06").get("vehicleClass").asText())
        .isEqualTo("TRUCK");
    for (String plate : List.of("102REL02", "104BUS04")) {
      assertThat(officer.allViolations("cameraId=J"))
          .noneMatch(v -> v.get("plate").get("text").asText().equals(plate));
    }
  }

  @Test
  void aFrenchSiteFinesTheRetainedSpeed() throws Exception {
    post(List.of(now("F", "F1").plate("AB123CD").country("FR").speed(97).build()));
    JsonNode fine = only("cameraId=F").get("fine");
    assertThat(fine.get("retainedSpeedKmh").asDouble()).as("97 less 5 km/h").isEqualTo(92.0);
    assertThat(fine.get("currency").asText()).isEqualTo("EUR");
    assertThat(fine.get("amount").decimalValue()).isEqualByComparingTo("68");
    assertThat(fine.get("discountedAmount").decimalValue()).isEqualByComparingTo("45");
  }

  @Test
  void aSignSetThroughTheAdminApiBindsTheNextDetection() throws Exception {
    assertThat(admin.put("/api/v1/admin/cameras/D/variable-limit", "{\"limitKmh\":30}").status())
        .isEqualTo(200);
    post(
        List.of(
            now("D", "S1").at(Instant.now().plusMillis(50)).plate("107SGN07").speed(45).build()));
    JsonNode v = only("cameraId=D&type=SPEED");
    assertThat(v.get("limitKmh").asInt()).isEqualTo(30);
    assertThat(admin.put("/api/v1/admin/cameras/D/variable-limit", "{\"limitKmh\":0}").status())
        .isEqualTo(200);
    assertThat(admin.put("/api/v1/admin/cameras/D/variable-limit", "{\"limitKmh\":500}").body())
        .contains("500");
  }

  @Test
  void anExemptVehicleLeavesNoViolation() throws Exception {
    String exemption =
        "{\"plate\":\"108 AMB 08\",\"label\":\"ambulance 8\",\"validFrom\":\""
            + Instant.now().minusSeconds(3600)
            + "\",\"validUntil\":\""
            + Instant.now().plusSeconds(3600)
            + "\"}";
    assertThat(admin.post("/api/v1/admin/exemptions", exemption).status()).isEqualTo(201);
    JsonNode r = post(List.of(now("J", "E1").plate("108AMB08").lane(2).red(4000).build()));
    assertThat(r.get("violations").asInt()).isZero();
    assertThat(admin.get("/api/v1/live").json().get("exempt").asLong()).isPositive();
  }

  @Test
  void anUnreadablePlateWaitsInTheManualReadQueueUntilAPersonReadsIt() throws Exception {
    post(List.of(now("J", "M1").plate("109MAN09").confidence(0.4).lane(2).red(3000).build()));
    JsonNode queued = officer.get("/api/v1/manual-reads?cameraId=J").json().get("items");
    assertThat(queued).hasSize(1);
    String id = queued.get(0).get("id").asText();
    assertThat(queued.get(0).get("held").asBoolean()).isTrue();
    StaffClient.Response read =
        officer.post(
            "/api/v1/manual-reads/" + id,
            "{\"plate\":{\"text\":\"109 MAN 09\",\"country\":\"KZ\"}}");
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("held").asBoolean()).isFalse();
    assertThat(officer.get("/api/v1/manual-reads?cameraId=J").json().get("items")).isEmpty();
  }

  @Test
  void anExpiredCalibrationHoldsItsCamerasViolationsAndShowsInCameraHealth() throws Exception {
    post(List.of(now("Q", "Q1").plate("110CAL10").speed(90).build()));
    JsonNode v = only("cameraId=Q");
    assertThat(v.get("held").asBoolean()).isTrue();
    assertThat(v.get("holds").get(0).get("kind").asText()).isEqualTo("CALIBRATION_EXPIRED");
    JsonNode q = camera("Q");
    assertThat(q.get("calibrationStatus").asText()).isEqualTo("EXPIRED");
    assertThat(q.get("violationsHeld").asBoolean()).isTrue();
  }

  @Test
  void aCameraWhoseClockRunsBehindHasItsViolationsHeldAndShowsDrifting() throws Exception {
    Instant tenSecondsAgo = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
    post(List.of(now("C", "C1").at(tenSecondsAgo).plate("112CLK12").speed(90).build()));
    JsonNode v = only("cameraId=C");
    assertThat(v.get("holds").get(0).get("kind").asText()).isEqualTo("CLOCK_DRIFT");
    JsonNode c = camera("C");
    assertThat(c.get("clockStatus").asText()).isEqualTo("DRIFTING");
    assertThat(c.get("clockOffsetMs").asLong()).isLessThanOrEqualTo(-10_000);
  }

  private static JsonNode camera(String id) {
    for (JsonNode camera : admin.get("/api/v1/cameras/health").json().get("items")) {
      if (camera.get("cameraId").asText().equals(id)) {
        return camera;
      }
    }
    throw new AssertionError("camera " + id + " is not in the health view");
  }

  @Test
  void aReadLaterThanTheLatenessIsRefusedWithAReasonAndCounted() throws Exception {
    JsonNode r =
        post(
            List.of(
                now("D", "LATE1")
                    .plate("111LAT11")
                    .at(Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS))
                    .build()));
    assertThat(r.get("rejected")).hasSize(1);
    assertThat(r.get("rejected").get(0).get("reason").asText())
        .contains("more than the allowed lateness (300 s)");
    assertThat(admin.get("/api/v1/live").json().get("late").asLong()).isPositive();
  }
}
