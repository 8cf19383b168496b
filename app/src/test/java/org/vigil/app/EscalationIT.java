package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cases.CaseDesk;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.SitesBuilder;

/**
 * Deadlines and closure end to end on a real Vigil and PostgreSQL, time moved on by a test clock:
 * an unpaid notice passes its pay-by day and the deadline sweep makes it OVERDUE, then its
 * escalation day and the sweep sends it for COLLECTION; the history, the audit log and the citizen
 * portal show each step. The sweep never closes a case in collection; a supervisor does, with a
 * reason, through {@code POST /api/v1/cases/{id}/close} (an operator may not). A paid case is
 * closed by the sweep once 30 days have passed since it was paid, and its data key moves to the key
 * of its closure day + the CASE period.
 */
class EscalationIT {
  static final String AUDITOR = "audra";
  static final String AUDITOR_PASSWORD = "integration-test-auditor-password";

  @TempDir Path dir;

  @Test
  void unpaidGoesOverdueThenToCollectionAndOnlyASupervisorClosesIt() throws Exception {
    BackOfficeIT.OffsetClock clock = new BackOfficeIT.OffsetClock();
    CasePorts ports =
        CasePorts.none()
            .withRegistry(new CaseFlowIT.FakeRegistry())
            .withWebhook(new CaseFlowIT.FakeWebhook());
    VigilConfig config = TestVigil.config(dir, SitesBuilder.standard()).withClock(clock);
    try (Vigil vigil = Vigil.start(config, ports);
        HttpClient http = HttpClient.newHttpClient()) {
      StaffClient admin = TestVigil.admin(vigil);
      StaffClient operator = TestVigil.operator(vigil);
      StaffClient supervisor = CaseFlowIT.supervisor(admin, vigil);
      StaffClient auditor = auditor(admin, vigil);
      CaseDesk desk = vigil.caseDesk();
      String unpaidPlate = "444ESC02";
      List<String> ids = BrowserCases.speeders(vigil, operator, List.of(unpaidPlate, "555PAY02"));
      String unpaid = ids.get(0);
      String paid = ids.get(1);
      for (String id : ids) {
        StaffClient.Response r =
            operator.post("/api/v1/cases/" + id + "/review", "{\"decision\":\"confirm\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("state").asText()).isEqualTo("NOTICE_ISSUED");
      }
      JsonNode c = operator.get("/api/v1/cases/" + unpaid).json();
      String notice = c.path("notice").asText();
      ZoneId zone = ZoneId.of(c.path("deadlines").path("zone").asText());
      LocalDate payBy = LocalDate.parse(c.path("deadlines").path("payBy").asText());
      LocalDate escalationAfter =
          LocalDate.parse(c.path("deadlines").path("escalationAfter").asText());
      assertThat(escalationAfter)
          .as("the built-in KZ terms: pay within 30 days, collection after 30 days")
          .isEqualTo(payBy);
      assertThat(portalState(http, vigil, notice, unpaidPlate))
          .contains("Notice issued, waiting for payment");

      // the other notice is paid in full at once
      JsonNode p = operator.get("/api/v1/cases/" + paid).json();
      String payment =
          "{\"id\":\"esc-pay-1\",\"reference\":\""
              + p.path("notice").asText()
              + "\",\"amount\":\""
              + p.path("amounts").path("discountedAmount").asText()
              + "\",\"currency\":\"KZT\",\"paidAt\":\""
              + clock.instant()
              + "\"}";
      assertThat(CaseFlowIT.webhook(vigil, payment, "good").body()).contains("SETTLED");

      // the pay-by day is kept to its end
      moveTo(clock, payBy.atTime(22, 0).atZone(zone).toInstant());
      assertThat(desk.sweep(500).escalated()).isZero();
      assertThat(state(operator, unpaid)).isEqualTo("NOTICE_ISSUED");
      // the day after it the sweep makes it OVERDUE and, the escalation day being the same, sends
      // it for COLLECTION in the same run: two rows of history
      moveTo(clock, payBy.plusDays(1).atTime(1, 0).atZone(zone).toInstant());
      desk.sweep(500);
      assertThat(state(operator, unpaid)).isEqualTo("COLLECTION");
      assertThat(portalState(http, vigil, notice, unpaidPlate)).contains("Sent for collection");
      JsonNode history = operator.get("/api/v1/cases/" + unpaid + "/history").json().path("items");
      assertThat(actions(history)).endsWith("notice.issue", "case.overdue", "case.collect");
      JsonNode overdue = history.get(history.size() - 2);
      assertThat(overdue.path("actor").asText()).isEqualTo("system:cases");
      assertThat(overdue.path("reason").asText()).isEqualTo("unpaid after " + payBy);
      JsonNode collect = history.get(history.size() - 1);
      assertThat(collect.path("from").asText()).isEqualTo("OVERDUE");
      assertThat(collect.path("reason").asText()).startsWith("unpaid after " + escalationAfter);
      List<JsonNode> audited = auditEntries(auditor, "case:" + unpaid);
      assertThat(audited)
          .filteredOn(e -> e.path("kind").asText().equals("DECISION"))
          .extracting(e -> e.path("action").asText() + " " + e.path("actor").asText())
          .contains("case.overdue system:cases", "case.collect system:cases");

      // the sweep never closes a case in collection, however long it waits
      moveTo(clock, clock.instant().plus(Duration.ofDays(100)));
      desk.sweep(500);
      assertThat(state(operator, unpaid)).isEqualTo("COLLECTION");

      // ... but it closed the paid case once it had been quiet for 30 days
      JsonNode paidHistory = operator.get("/api/v1/cases/" + paid + "/history").json();
      JsonNode closedEvent = paidHistory.path("items").get(paidHistory.path("items").size() - 1);
      assertThat(actions(paidHistory.path("items"))).endsWith("payment.settle", "case.close");
      assertThat(closedEvent.path("actor").asText()).isEqualTo("system:cases");
      assertThat(closedEvent.path("reason").asText()).contains("finished as PAID");
      LocalDate closedOn =
          LocalDate.ofInstant(Instant.parse(closedEvent.path("at").asText()), ZoneOffset.UTC);
      JsonNode keys = admin.get("/api/v1/admin/retention").json().path("keys");
      assertThat(keys)
          .as("the closed case's data key is wrapped under the closure's key")
          .anyMatch(
              k ->
                  k.path("kek").asText().equals("CASE/" + closedOn.plusYears(1))
                      && k.path("records").asLong() == 1);

      // a supervisor closes the collection case by hand, with a reason; an operator may not
      String path = "/api/v1/cases/" + unpaid + "/close";
      assertThat(operator.post(path, "{\"reason\":\"collected\"}").status()).isEqualTo(403);
      StaffClient.Response blank = supervisor.post(path, "{\"reason\":\"  \"}");
      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.body()).contains("reason must have 1 to 500 characters, had 0");
      StaffClient.Response closed =
          supervisor.post(path, "{\"reason\":\"collected by the bailiff, file 12/2027\"}");
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(closed.json().path("state").asText()).isEqualTo("CLOSED");
      JsonNode last = lastEvent(operator, unpaid);
      assertThat(last.path("action").asText()).isEqualTo("case.close");
      assertThat(last.path("from").asText()).isEqualTo("COLLECTION");
      assertThat(last.path("actor").asText()).startsWith("account:").isNotEqualTo("account:sofia");
      assertThat(last.path("reason").asText()).isEqualTo("collected by the bailiff, file 12/2027");
      assertThat(auditEntries(auditor, "case:" + unpaid))
          .filteredOn(e -> e.path("action").asText().equals("case.close"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("kind").asText()).isEqualTo("DECISION");
                assertThat(e.path("role").asText()).isEqualTo("SUPERVISOR");
                assertThat(e.path("actor").asText()).isEqualTo(last.path("actor").asText());
              });
      StaffClient.Response again = supervisor.post(path, "{\"reason\":\"again\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body()).contains("is CLOSED");
      assertThat(
              supervisor
                  .post(
                      "/api/v1/cases/00000000-0000-0000-0000-000000000000/close",
                      "{\"reason\":\"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(portalState(http, vigil, notice, unpaidPlate)).contains("Closed");
    }
  }

  static void moveTo(BackOfficeIT.OffsetClock clock, Instant when) {
    clock.advance(Duration.between(clock.instant(), when));
  }

  static String state(StaffClient operator, String id) {
    return operator.get("/api/v1/cases/" + id).json().path("state").asText();
  }

  static JsonNode lastEvent(StaffClient operator, String id) {
    JsonNode items = operator.get("/api/v1/cases/" + id + "/history").json().path("items");
    return items.get(items.size() - 1);
  }

  static List<String> actions(JsonNode history) {
    List<String> out = new ArrayList<>();
    history.forEach(e -> out.add(e.path("action").asText()));
    return out;
  }

  static StaffClient auditor(StaffClient admin, Vigil vigil) {
    StaffClient.Response r =
        admin.post(
            "/api/v1/admin/users",
            "{\"username\":\""
                + AUDITOR
                + "\",\"password\":\""
                + AUDITOR_PASSWORD
                + "\",\"role\":\"AUDITOR\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new StaffClient(vigil.url(), AUDITOR, AUDITOR_PASSWORD);
  }

  /** Every audit entry about {@code subject}, oldest first. */
  static List<JsonNode> auditEntries(StaffClient auditor, String subject) {
    List<JsonNode> out = new ArrayList<>();
    long from = 0;
    while (true) {
      JsonNode page = auditor.get("/api/v1/audit/entries?from=" + from + "&limit=500").json();
      for (JsonNode e : page.path("items")) {
        if (e.path("subject").asText().equals(subject)) {
          out.add(e);
        }
      }
      if (page.path("next").isNull() || page.path("next").isMissingNode()) {
        return out;
      }
      from = page.path("next").asLong();
    }
  }

  /** The case page the citizen sees after opening the notice with its plate (in English). */
  static String portalState(HttpClient http, Vigil vigil, String notice, String plate)
      throws Exception {
    String form =
        "notice="
            + URLEncoder.encode(notice, StandardCharsets.UTF_8)
            + "&plate="
            + URLEncoder.encode(plate, StandardCharsets.UTF_8);
    HttpResponse<String> opened =
        http.send(
            HttpRequest.newBuilder(vigil.url().resolve("/portal"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
    String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(vigil.url().resolve("/portal/case"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("Accept-Language", "en")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(notice);
    return page.body();
  }
}
