package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.PlateSearch;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * The transparency report through the whole of Vigil: violations posted over HTTP in October and
 * November, views of personal data by an operator, configuration changes and a signed checkpoint;
 * then the report read by anyone, without signing in, as JSON, as CSV and as the HTML page: counts
 * by month, small counts suppressed, the checkpoint as signed, and no plate anywhere.
 */
class TransparencyIT {
  static final TestClock CLOCK = new TestClock(Instant.parse("2026-10-20T10:00:00Z"));
  static final String PERIOD = "from=2026-10&to=2026-11";
  static final String OPERATOR = "olga.operator";
  static final String OPERATOR_PASSWORD = "operator-password-1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient http = HttpClient.newHttpClient();
  static final List<String> plates = new ArrayList<>();

  @TempDir static Path dir;
  static Vigil vigil;
  static StaffClient admin;
  static JsonNode checkpoint;

  @BeforeAll
  static void driveTwoMonths() throws Exception {
    vigil = Vigil.start(TestVigil.config(dir, SitesBuilder.standard()).withClock(CLOCK));
    admin = TestVigil.admin(vigil);
    // October: 7 speeders at B-003, 2 at B-007, and compliant traffic at both
    post("OCT", List.of(7, 2), List.of(3, 4));
    CLOCK.set(Instant.parse("2026-11-10T10:00:00Z"));
    // November: 5 speeders at B-003, 3 at B-007
    post("NOV", List.of(5, 3), List.of(2, 0));

    assertThat(
            admin
                .post(
                    "/api/v1/admin/users",
                    "{\"username\":\""
                        + OPERATOR
                        + "\",\"password\":\""
                        + OPERATOR_PASSWORD
                        + "\",\"role\":\"OPERATOR\"}")
                .status())
        .isEqualTo(201);
    StaffClient operator = new StaffClient(vigil.url(), OPERATOR, OPERATOR_PASSWORD);
    for (int i = 0; i < 6; i++) {
      StaffClient.Response page = operator.get("/api/v1/violations?limit=10");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
    }
    StaffClient breakGlass =
        admin.withHeader("X-Vigil-Break-Glass", "appeal hearing 2026-114 asks for the evidence");
    for (int i = 0; i < 5; i++) {
      assertThat(breakGlass.get("/api/v1/violations?limit=1").status()).isEqualTo(200);
    }
    assertThat(admin.get("/api/v1/admin/exemptions").status()).isEqualTo(200);
    assertThat(
            admin.put("/api/v1/admin/cameras/B-003/variable-limit", "{\"limitKmh\":80}").status())
        .isEqualTo(200);
    StaffClient.Response issued = admin.post("/api/v1/audit/checkpoints", "");
    assertThat(issued.status()).isEqualTo(201);
    checkpoint = issued.json();
  }

  /** Posts speeders (130 km/h) and compliant vehicles (90 km/h) at B-003 and B-007. */
  static void post(String tag, List<Integer> speeders, List<Integer> compliant) throws Exception {
    List<Detection> batch = new ArrayList<>();
    List<String> cameras = List.of("B-003", "B-007");
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < speeders.get(c) + compliant.get(c); i++) {
        String plate =
            String.format(Locale.ROOT, "%03d%s%02d", batch.size() + 1, tag, c + 10 * plates.size());
        plates.add(plate);
        batch.add(
            DetectionBuilder.aDetection()
                .camera(cameras.get(c))
                .eventId(tag + ":" + batch.size())
                .at(CLOCK.instant().minusMillis(200 + batch.size()))
                .plate(plate)
                .speed(i < speeders.get(c) ? 130 : 90)
                .lane(1)
                .build());
      }
    }
    JsonNode r = TestVigil.post(vigil, batch);
    assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(batch.size());
    vigil.statistics().flush();
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(vigil.url().resolve(path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(PlateSearch.firstIn(r.body(), plates)).as("a plate in " + path).isNull();
    return r;
  }

  static JsonNode dataset(JsonNode report, String name) {
    for (JsonNode d : report.get("datasets")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no dataset " + name);
  }

  static List<String> rows(JsonNode dataset) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : dataset.get("rows")) {
      StringBuilder s = new StringBuilder();
      r.properties().forEach(e -> s.append(s.isEmpty() ? "" : " ").append(e.getValue().asText()));
      out.add(s.toString());
    }
    return out;
  }

  @Test
  void anyoneReadsTheReportAsJsonWithSmallCountsSuppressed() throws Exception {
    HttpResponse<String> r = get("/api/v1/transparency?" + PERIOD, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("period").toString())
        .isEqualTo("{\"from\":\"2026-10\",\"to\":\"2026-11\"}");

    JsonNode violations = dataset(report, "violations");
    assertThat(rows(violations))
        .containsExactly(
            "2026-10 SPEED camera:B-003 7 false",
            "2026-10 SPEED camera:B-007 null true",
            "2026-11 SPEED camera:B-003 5 false",
            "2026-11 SPEED camera:B-007 null true");
    assertThat(violations.get("monthTotals").toString())
        .isEqualTo("[{\"month\":\"2026-10\",\"count\":7},{\"month\":\"2026-11\",\"count\":5}]");
    assertThat(violations.get("total").asInt()).as("published cells only").isEqualTo(12);

    assertThat(rows(dataset(report, "personal-data-accesses")))
        .containsExactly(
            "2026-11 ADMINISTRATOR exemptions.list null true",
            "2026-11 ADMINISTRATOR violations.list 5 false",
            "2026-11 OPERATOR violations.list 6 false");
    assertThat(rows(dataset(report, "camera-uptime")))
        .containsExactly(
            "2026-10 B-003 1 false 279 0.0036",
            "2026-10 B-007 1 false 279 0.0036",
            "2026-11 B-003 1 false 226 0.0044",
            "2026-11 B-007 1 false 226 0.0044");
    assertThat(rows(dataset(report, "break-glass")))
        .containsExactly("2026-11 ADMINISTRATOR 5 false");
    assertThat(dataset(report, "break-glass").get("total").asInt()).isEqualTo(5);
    assertThat(rows(dataset(report, "purges")))
        .containsExactly("2026-10 0 false", "2026-11 0 false");
    for (String cases : List.of("notices", "appeals", "review-rejections")) {
      assertThat(dataset(report, cases).get("recorded").asBoolean()).as(cases).isTrue();
      assertThat(dataset(report, cases).get("rows")).as("no case in this city yet").isEmpty();
    }
    assertThat(report.get("policy").get("neverCollects").toString())
        .contains("no facial recognition");

    JsonNode latest = report.get("latestCheckpoint");
    assertThat(latest.get("size").asLong()).isEqualTo(checkpoint.get("size").asLong());
    assertThat(latest.get("root").asText()).isEqualTo(checkpoint.get("root").asText());
    assertThat(latest.get("note").asText()).isEqualTo(checkpoint.get("note").asText());
    assertThat(latest.get("noteVerifierKey").asText()).startsWith("vigil/audit+");
    assertThat(latest.get("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void theSameFiguresAsCsvByParameterAndByAcceptHeader() throws Exception {
    for (HttpResponse<String> r :
        List.of(
            get("/api/v1/transparency?format=csv&" + PERIOD, null),
            get("/api/v1/transparency?" + PERIOD, "text/csv"))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"vigil-transparency-2026-10-2026-11.csv\"");
      assertThat(r.body().split("\r\n"))
          .startsWith("dataset,month,dimension_1,value_1,dimension_2,value_2,count,out_of")
          .contains(
              "violations,2026-10,type,SPEED,place,camera:B-003,7,",
              "violations,2026-10,type,SPEED,place,camera:B-007,<5,",
              "violations,2026-11,type,SPEED,place,camera:B-003,5,",
              "violations,2026-11,type,SPEED,place,camera:B-007,<5,",
              "camera-uptime,2026-10,camera,B-003,,,1,279",
              "personal-data-accesses,2026-11,role,OPERATOR,purpose,violations.list,6,",
              "personal-data-accesses,2026-11,role,ADMINISTRATOR,purpose,exemptions.list,<5,",
              "purges,2026-11,,,,,0,",
              "records-purged,2026-11,,,,,0,");
    }
  }

  @Test
  void thePublicPageSaysItInPlainWords() throws Exception {
    HttpResponse<String> r = get("/transparency?" + PERIOD, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(r.body())
        .contains("<html lang=\"en\">")
        .contains("<h1>Transparency report</h1>")
        .contains("What it never collects")
        .contains("<th scope=\"row\">2026-10</th><td>SPEED</td><td>camera:B-003</td>")
        .contains("<td>camera:B-007</td><td class=\"num\">fewer than 5</td>")
        .doesNotContain("No data recorded yet")
        .contains(checkpoint.get("root").asText())
        .contains("href=\"/api/v1/transparency?from=2026-10&amp;to=2026-11&amp;format=csv\"");
    assertThat(get("/", null).body()).contains("href=\"/transparency\"");
  }

  @Test
  void aTooLongPeriodIsA400NamingItAndReadingTheReportIsNotAudited() throws Exception {
    long before = admin.get("/api/v1/audit/entries?limit=1").json().get("size").asLong();
    HttpResponse<String> r = get("/api/v1/transparency?from=2020-01&to=2026-11", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("from 2020-01 to 2026-11 spans 83 months, more than the 60");
    assertThat(get("/transparency?to=someday", null).body())
        .contains("to 'someday' is not a month such as 2026-11");
    assertThat(get("/api/v1/transparency?format=xml", null).statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/transparency", null).statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/v1/audit/entries?limit=1").json().get("size").asLong())
        .isEqualTo(before);
  }
}
