package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.BrowserCases.heading;
import static org.vigil.app.BrowserCases.statuses;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.browser.Browser;
import org.vigil.testkit.browser.BrowserExtension;

/**
 * The review at the operator desk in a real headless Chromium against a whole Vigil (real
 * PostgreSQL, the real case opener, real HTTP), in Kazakh, Russian and English: the operator signs
 * in through the sign-in page, opens the desk and the review queue (oldest offence first), confirms
 * one case on its evidence page (it leaves the queue; its history shows the decision, whose
 * signature the API verifies), and rejects another, first for "Other" without details (refused,
 * with the reason on the page), then with a reason from the list and details.
 */
class ReviewBrowserIT {
  @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();

  /** Two speeders per language: the first to confirm, the second to reject. */
  static final List<String> LANGUAGES = List.of("kk", "ru", "en");

  static final List<String> PLATES =
      List.of("101KKA02", "102KKB02", "201RUA02", "202RUB02", "301ENA02", "302ENB02");

  /** What each page says, per language. */
  static final Map<String, Map<String, String>> WORDS =
      Map.of(
          "kk",
          Map.ofEntries(
              Map.entry("signedIn", "Сіз officer ретінде кірдіңіз (оператор)"),
              Map.entry("home.title", "Жұмыс орны"),
              Map.entry("nav.review", "Тексеру"),
              Map.entry("review.title", "Тексеру кезегі"),
              Map.entry("case.title", "Іс: Жылдамдықты асыру"),
              Map.entry("unit.kmh", "130 км/сағ"),
              Map.entry("case.confirm", "Құқық бұзушылықты растау"),
              Map.entry("case.reason", "Себебі"),
              Map.entry("case.rejectText", "Толығырақ («Басқа» үшін міндетті)"),
              Map.entry("reason.OTHER", "Басқа"),
              Map.entry("reason.EMERGENCY_VEHICLE", "Шұғыл қызмет көлігі"),
              Map.entry("case.reject", "Істі қабылдамау"),
              Map.entry("reject.otherNeedsText", "«Басқа» себебі үшін толығырақ жазу керек."),
              Map.entry("done.confirmed", "Құқық бұзушылық расталды."),
              Map.entry("done.rejected", "Іс қабылданбады."),
              Map.entry("case.historyLink", "Істің тарихы"),
              Map.entry("state.IN_REVIEW", "Тексеруде"),
              Map.entry("state.CONFIRMED", "Расталды"),
              Map.entry("state.REJECTED", "Қабылданбады")),
          "ru",
          Map.ofEntries(
              Map.entry("signedIn", "Вы вошли как officer (оператор)"),
              Map.entry("home.title", "Рабочее место"),
              Map.entry("nav.review", "Проверка"),
              Map.entry("review.title", "Очередь проверки"),
              Map.entry("case.title", "Дело: Превышение скорости"),
              Map.entry("unit.kmh", "130 км/ч"),
              Map.entry("case.confirm", "Подтвердить нарушение"),
              Map.entry("case.reason", "Причина"),
              Map.entry("case.rejectText", "Подробности (обязательно для «Другое»)"),
              Map.entry("reason.OTHER", "Другое"),
              Map.entry("reason.EMERGENCY_VEHICLE", "Экстренная служба"),
              Map.entry("case.reject", "Отклонить дело"),
              Map.entry("reject.otherNeedsText", "Для причины «Другое» нужны подробности."),
              Map.entry("done.confirmed", "Нарушение подтверждено."),
              Map.entry("done.rejected", "Дело отклонено."),
              Map.entry("case.historyLink", "История дела"),
              Map.entry("state.IN_REVIEW", "На проверке"),
              Map.entry("state.CONFIRMED", "Подтверждено"),
              Map.entry("state.REJECTED", "Отклонено")),
          "en",
          Map.ofEntries(
              Map.entry("signedIn", "Signed in as officer (operator)"),
              Map.entry("home.title", "Desk"),
              Map.entry("nav.review", "Review"),
              Map.entry("review.title", "Review queue"),
              Map.entry("case.title", "Case: Speeding"),
              Map.entry("unit.kmh", "130 km/h"),
              Map.entry("case.confirm", "Confirm the violation"),
              Map.entry("case.reason", "Reason"),
              Map.entry("case.rejectText", "Details (required for \"Other\")"),
              Map.entry("reason.OTHER", "Other"),
              Map.entry("reason.EMERGENCY_VEHICLE", "Emergency vehicle"),
              Map.entry("case.reject", "Reject the case"),
              Map.entry("reject.otherNeedsText", "A rejection for \"Other\" needs details."),
              Map.entry("done.confirmed", "The violation was confirmed."),
              Map.entry("done.rejected", "The case was rejected."),
              Map.entry("case.historyLink", "History of this case"),
              Map.entry("state.IN_REVIEW", "In review"),
              Map.entry("state.CONFIRMED", "Confirmed"),
              Map.entry("state.REJECTED", "Rejected")));

  /** The language links' texts: each language's own name. */
  static final Map<String, String> ENDONYM =
      Map.of("kk", "Қазақша", "ru", "Русский", "en", "English");

  @TempDir static Path dir;
  static Vigil vigil;
  static String url;
  static StaffClient operator;
  static List<String> ids;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable();
    vigil = Vigil.start(BrowserCases.config(dir, java.time.Clock.systemUTC()));
    operator = TestVigil.operator(vigil);
    url = vigil.url().toString().replaceAll("/$", "");
    ids = BrowserCases.speeders(vigil, operator, PLATES);
  }

  @AfterAll
  static void stop() {
    if (vigil != null) {
      vigil.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kk", "ru", "en"})
  void anOperatorConfirmsOneCaseAndRejectsAnother(String lang) {
    Map<String, String> w = WORDS.get(lang);
    int n = LANGUAGES.indexOf(lang);
    String confirmed = ids.get(2 * n);
    String rejected = ids.get(2 * n + 1);

    Browser b = BrowserCases.signIn(BROWSER.browser(), url, "/desk", lang);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(w.get("home.title"));
    assertThat(b.text()).contains(w.get("signedIn"));

    // the queue: this language's two cases among those left, oldest offence first
    b.click(w.get("nav.review"));
    assertThat(b.url()).endsWith("/desk/review");
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(w.get("review.title"));
    List<String> queue = queue(b);
    assertThat(queue).contains(confirmed, rejected);
    assertThat(queue).isSortedAccordingTo((x, y) -> ids.indexOf(x) - ids.indexOf(y));
    assertThat(b.text()).as("no plate in the queue").doesNotContain(PLATES.get(2 * n));

    // the evidence, and the confirmation
    b.follow("/desk/review/" + confirmed);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(w.get("case.title"));
    assertThat(b.text()).contains(PLATES.get(2 * n), w.get("unit.kmh"), w.get("state.IN_REVIEW"));
    assertThat(b.labels()).contains(w.get("case.reason"), w.get("case.rejectText"));
    b.click(w.get("case.confirm"));
    assertThat(b.url()).endsWith("/desk/review?done=confirmed&case=" + confirmed);
    assertThat(statuses(b)).containsExactly(w.get("done.confirmed"));
    assertThat(queue(b)).doesNotContain(confirmed).contains(rejected);

    // its history shows the decision, signed by the operator's key
    b.open(url + "/desk/review/" + confirmed).click(w.get("case.historyLink"));
    assertThat(b.url()).endsWith("/desk/cases/" + confirmed);
    assertThat(b.lang()).isEqualTo(lang);
    List<String> last = lastStep(b);
    assertThat(last.get(2)).isEqualTo(w.get("state.CONFIRMED"));
    assertThat(last.get(3)).startsWith("account:");
    assertThat(last.get(4)).contains("review.confirm");
    assertSigned(confirmed, "confirm", last.get(3));

    // a rejection for "Other" without details is refused on the page; the case stays
    b.open(url + "/desk/review");
    b.follow("/desk/review/" + rejected);
    b.choose(w.get("case.reason"), w.get("reason.OTHER")).click(w.get("case.reject"));
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.alerts()).containsExactly(w.get("reject.otherNeedsText"));
    assertThat(b.text()).contains(w.get("state.IN_REVIEW"));
    // the refusal's page can be switched to another language and back: to the case, not a 404
    String other = lang.equals("en") ? "kk" : "en";
    b.click(ENDONYM.get(other));
    assertThat(b.lang()).isEqualTo(other);
    assertThat(heading(b)).isEqualTo(WORDS.get(other).get("case.title"));
    b.click(ENDONYM.get(lang));
    assertThat(b.url()).endsWith("/desk/review/" + rejected + "?lang=" + lang);
    assertThat(heading(b)).isEqualTo(w.get("case.title"));

    // with a reason from the list and details it is rejected, and leaves the queue
    b.choose(w.get("case.reason"), w.get("reason.EMERGENCY_VEHICLE"))
        .fill(w.get("case.rejectText"), "ambulance on call, lights on")
        .click(w.get("case.reject"));
    assertThat(b.url()).endsWith("/desk/review?done=rejected");
    assertThat(statuses(b)).containsExactly(w.get("done.rejected"));
    assertThat(queue(b)).doesNotContain(confirmed, rejected);
    b.open(url + "/desk/cases/" + rejected);
    List<String> step = lastStep(b);
    assertThat(step.get(2)).isEqualTo(w.get("state.REJECTED"));
    assertThat(step.get(4))
        .contains("review.reject", "EMERGENCY_VEHICLE: ambulance on call, lights on");
    assertSigned(rejected, "reject", step.get(3));
  }

  /** The decision's signature verifies, and it is the reviewer the history names. */
  private static void assertSigned(String caseId, String decision, String reviewer) {
    JsonNode reviews = operator.get("/api/v1/cases/" + caseId + "/reviews").json().path("items");
    assertThat(reviews).hasSize(1);
    JsonNode r = reviews.get(0);
    assertThat(r.path("decision").asText()).isEqualTo(decision);
    assertThat(r.path("verified").asBoolean()).isTrue();
    assertThat(r.path("canonical").asText()).contains("\nreviewer=" + reviewer + "\n");
  }

  /** The case ids in the review queue's table, in the order shown. */
  static List<String> queue(Browser b) {
    return b.driver().findElements(By.cssSelector("main table a[href^='/desk/review/']")).stream()
        .map(a -> a.getDomAttribute("href").substring("/desk/review/".length()))
        .toList();
  }

  /** The cells of the history table's last row: when, from, to, who, why. */
  static List<String> lastStep(Browser b) {
    List<WebElement> rows = b.driver().findElements(By.cssSelector("main table tbody tr"));
    assertThat(rows).isNotEmpty();
    return rows.getLast().findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }
}
