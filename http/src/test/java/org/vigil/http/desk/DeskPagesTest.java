package org.vigil.http.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.Handler;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.http.Route;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.Role;
import org.vigil.http.auth.Sessions;
import org.vigil.http.desk.OperatorDesk.FailedDelivery;
import org.vigil.http.desk.OperatorDesk.Outcome;
import org.vigil.http.pages.PageClient;
import org.vigil.http.pages.PageClient.Reply;
import org.vigil.http.web.LanguageChoice;
import org.vigil.notice.Language;

/**
 * The operator pages over real HTTP against a fake of their port. The guard is stood in for by a
 * handler that signs in "olga" with a session (its CSRF token "csrf-olga"); the real guard's
 * refusals (roles, CSRF) are tested by {@code DeskAccessIT} against real PostgreSQL.
 */
class DeskPagesTest {
  static final Instant T = Instant.parse("2026-11-02T07:30:00Z");
  static final String CSRF = "csrf-olga";

  FakeOperatorDesk desk;
  PageClient web;

  @BeforeEach
  void start() {
    desk = new FakeOperatorDesk();
    web =
        new PageClient(
            new DeskPages(desk, ZoneId.of("Asia/Almaty"), new LanguageChoice(Language.RU)).routes(),
            DeskPagesTest::signedIn);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  static Handler signedIn(Route r) {
    assertThat(r.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.SUPERVISOR);
    return (req, res) -> {
      Accounts.SignedIn olga = new Accounts.SignedIn("olga", Role.OPERATOR);
      req.context().register(new Sessions.Session(olga, CSRF, T, T, T));
      req.context().register(olga);
      r.handler().handle(req, res);
    };
  }

  @Test
  void theReviewQueueShowsTheOldestFirstWithoutPlates() throws Exception {
    UUID newer = desk.addCase(T.plusSeconds(600), "A10 km 12", "123ABC02");
    UUID oldest = desk.addCase(T, "Abay ave / Dostyk", "777XYZ01");
    UUID middle = desk.addCase(T.plusSeconds(60), "Al-Farabi", "555KKK02");
    Reply r = web.get("/desk/review");
    assertThat(r.status()).isEqualTo(200);
    String body = r.body();
    assertThat(body.indexOf(oldest.toString()))
        .isLessThan(body.indexOf(middle.toString()))
        .isGreaterThan(0);
    assertThat(body.indexOf(middle.toString())).isLessThan(body.indexOf(newer.toString()));
    assertThat(body).contains("2026-11-02 12:30:00 Asia/Almaty").doesNotContain("777XYZ01");
    assertThat(r.header("Content-Security-Policy"))
        .hasValueSatisfying(v -> v.contains("default-src 'none'"));
    assertThat(r.header("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aCaseShowsItsEvidenceAndFormsCarryTheSessionsCsrfToken() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    Reply r = web.get("/desk/review/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("123ABC02", "127 km/h", "122 km/h", "100 km/h", "Valid until 2027-03-01")
        .contains(
            "Off by 200 ms (held above 2000 ms)", "<img src=\"/desk/review/" + id + "/images/0\"")
        .contains("name=\"csrf\" value=\"" + CSRF + "\"")
        .contains("action=\"/desk/review/" + id + "/confirm\"", "value=\"EQUIPMENT_FAULT\"");
    assertThat(desk.calls).contains("view " + id + " olga");
    Reply image = web.get("/desk/review/" + id + "/images/0");
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Content-Type")).hasValue("image/jpeg");
  }

  @Test
  void confirmingRedirectsToTheQueueWhichSaysSo() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    Reply r = web.postForm("/desk/review/" + id + "/confirm", Map.of("csrf", CSRF));
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).hasValue("/desk/review?done=confirmed&case=" + id);
    assertThat(desk.calls).contains("confirm " + id + " olga");
    assertThat(web.get(r.header("Location").orElseThrow()).body())
        .contains("role=\"status\"", "The violation was confirmed.")
        .contains("href=\"/desk/cases/" + id + "\"", "Open this case");
  }

  @Test
  void aRejectionNeedsAReasonFromTheListAndOtherNeedsText() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    Reply bad = web.postForm("/desk/review/" + id + "/reject", Map.of("reason", "BORED"));
    // bad input is a 400 (a refusal by the case itself is a 409, below)
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("role=\"alert\"", "&quot;BORED&quot; is not one");
    Reply other = web.postForm("/desk/review/" + id + "/reject", Map.of("reason", "OTHER"));
    assertThat(other.status()).isEqualTo(400);
    // regression: the language links of the refusal repeated the form's action, which answers
    // only a post ("Endpoint not found"); they lead to the case's page
    assertThat(other.body())
        .contains("href=\"/desk/review/" + id + "?lang=kk\"")
        .doesNotContain("/reject?lang=");
    assertThat(other.body()).contains("role=\"alert\"", "needs details");
    assertThat(desk.calls).noneMatch(c -> c.startsWith("reject"));

    Reply ok =
        web.postForm(
            "/desk/review/" + id + "/reject",
            Map.of("reason", "EMERGENCY_VEHICLE", "text", "ambulance, lights on"));
    assertThat(ok.status()).isEqualTo(303);
    assertThat(desk.calls)
        .contains("reject " + id + " EMERGENCY_VEHICLE ambulance, lights on olga");
  }

  @Test
  void aRefusedDecisionIsShownAsAnAlert() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    desk.next = new Outcome.Refused("a second reviewer must confirm this rejection");
    Reply r = web.postForm("/desk/review/" + id + "/confirm", Map.of());
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body()).contains("role=\"alert\">a second reviewer must confirm this rejection");
  }

  @Test
  void theSearchIsByNoticeNumberOnly() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    desk.issue(id, "VGL-2026-000123");
    Reply found = web.get("/desk/cases?notice=VGL-2026-000123");
    assertThat(found.status()).isEqualTo(303);
    assertThat(found.header("Location")).hasValue("/desk/cases/" + id);

    Reply none = web.get("/desk/cases?notice=VGL-2026-999999");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body())
        .contains("role=\"alert\"", "No case has the notice number VGL-2026-999999");

    for (String q : new String[] {"plate=123ABC02", "notice=X&plate=123ABC02", "vehicle=1"}) {
      Reply refused = web.get("/desk/cases?" + q);
      assertThat(refused.status()).as(q).isEqualTo(400);
      assertThat(refused.body()).contains("by their notice number only");
    }
    Reply badNumber = web.get("/desk/cases?notice=%3Cscript%3E");
    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.body()).contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(desk.calls.stream().filter(c -> c.startsWith("find")))
        .containsExactly("find VGL-2026-000123", "find VGL-2026-999999");
  }

  @Test
  void theHistoryShowsEveryTransitionWithWhoWhenAndWhy() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    desk.issue(id, "VGL-2026-000123");
    Reply r = web.get("/desk/cases/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("Case history: notice VGL-2026-000123")
        .contains("account:0123456789abcdef0123", "signed review", "Notice issued", "Confirmed");
    assertThat(web.get("/desk/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
    Reply bad = web.get("/desk/cases/not-an-id");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("role=\"alert\"", "&quot;not-an-id&quot; is not a valid id");
  }

  @Test
  void appealsAreQueuedOldestFirstAndDecidedWithReasons() throws Exception {
    UUID c = desk.addCase(T, "A10 km 12", "123ABC02");
    UUID later = desk.addAppeal(c, "VGL-2026-000124", T.plusSeconds(7200), "later");
    UUID first = desk.addAppeal(c, "VGL-2026-000123", T.plusSeconds(3600), "Я не был за рулём");
    String queue = web.get("/desk/appeals").body();
    assertThat(queue.indexOf(first.toString())).isLessThan(queue.indexOf(later.toString()));

    Reply page = web.get("/desk/appeals/" + first);
    assertThat(page.body())
        .contains("Я не был за рулём", "lang=\"ru\"", "photo.jpg", "value=\"UPHELD\"")
        .contains("name=\"csrf\" value=\"" + CSRF + "\"");

    Reply noReasons =
        web.postForm("/desk/appeals/" + first + "/decide", Map.of("outcome", "UPHELD"));
    assertThat(noReasons.status()).isEqualTo(400);
    assertThat(noReasons.body()).contains("role=\"alert\"", "needs its reasons");

    Reply ok =
        web.postForm(
            "/desk/appeals/" + first + "/decide",
            Map.of("outcome", "REJECTED", "reasons", "The photo shows the vehicle clearly."));
    assertThat(ok.status()).isEqualTo(303);
    assertThat(ok.header("Location")).hasValue("/desk/appeals?done=decided");
    assertThat(desk.calls)
        .contains("decide " + first + " false The photo shows the vehicle clearly. olga");
  }

  @Test
  void failedDeliveriesCanBeRetried() throws Exception {
    UUID c = desk.addCase(T, "A10 km 12", "123ABC02");
    UUID d = UUID.randomUUID();
    desk.failed.put(
        d, new FailedDelivery(d, c, "VGL-2026-000123", "EMAIL", 3, T, "550 mailbox unavailable"));
    Reply page = web.get("/desk/outbox");
    assertThat(page.body())
        .contains("550 mailbox unavailable", "E-mail", "/desk/outbox/" + d + "/retry");
    Reply retry = web.postForm("/desk/outbox/" + d + "/retry", Map.of("csrf", CSRF));
    assertThat(retry.status()).isEqualTo(303);
    assertThat(desk.calls).contains("retry " + d);
  }

  @Test
  void pagesComeInKazakhRussianAndEnglish() throws Exception {
    desk.addCase(T, "A10 km 12", "123ABC02");
    assertThat(web.language("kk").get("/desk/review").body())
        .contains("<html lang=\"kk\">", "Тексеру кезегі", "Жылдамдықты асыру");
    assertThat(web.language("ru-RU,ru;q=0.9").get("/desk/review").body())
        .contains("<html lang=\"ru\">", "Очередь проверки", "Превышение скорости");
    Reply en = web.language("kk").get("/desk/review?lang=en");
    assertThat(en.body()).contains("<html lang=\"en\">", "Review queue");
    assertThat(en.setCookies()).anyMatch(c -> c.startsWith("vigil_lang=en"));
    assertThat(web.language("kk").get("/desk").body()).contains("<html lang=\"en\">");
  }

  @Test
  void theHeaderNamesTheRoleInThePagesLanguage() throws Exception {
    // regression: the header showed the role's constant, "OPERATOR", on every page in every
    // language
    assertThat(web.get("/desk?lang=kk").body())
        .contains("Сіз olga ретінде кірдіңіз (оператор)")
        .doesNotContain("OPERATOR");
    assertThat(web.get("/desk?lang=ru").body()).contains("Вы вошли как olga (оператор)");
    assertThat(web.get("/desk?lang=en").body()).contains("Signed in as olga (operator)");
  }
}
