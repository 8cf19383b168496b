package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.BrowserCases.PORTAL;
import static org.vigil.app.BrowserCases.day;
import static org.vigil.app.BrowserCases.digits;
import static org.vigil.app.BrowserCases.fact;
import static org.vigil.app.BrowserCases.heading;
import static org.vigil.app.BrowserCases.statuses;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.vigil.contract.StaffClient;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.testkit.browser.Browser;
import org.vigil.testkit.browser.BrowserExtension;

/**
 * An appeal from the citizen portal to the operator's appeal queue and back, in a real headless
 * Chromium against a whole Vigil (real PostgreSQL, the real PDF renderer, a test registry), in
 * Kazakh, Russian and English: the citizen opens a notice with its number and plate, sees the
 * amounts and deadlines, appeals with a text and a PNG; an operator signs in, finds the appeal in
 * the queue, reads it and decides it with reasons; the citizen opens the notice again and reads the
 * decision and its reasons.
 */
class AppealBrowserIT {
  @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();

  static final List<String> LANGUAGES = List.of("kk", "ru", "en");
  static final List<String> PLATES = List.of("401APK02", "402APR02", "403APE02");

  /** What the operator's appeal pages say, per language. */
  static final Map<String, Map<String, String>> DESK =
      Map.of(
          "kk",
          Map.of(
              "appeals.title", "Шағымдар кезегі",
              "appeal.title", "{0} қаулысына шағым",
              "appeal.uphold", "Шағымды қанағаттандырып, қаулыны жою",
              "appeal.reject", "Шағымды қанағаттандырмау; қаулы күшінде қалады",
              "appeal.reasons", "Негіздеме (азамат оны оқиды)",
              "appeal.submit", "Шешімді жазу",
              "done.decided", "Шағым бойынша шешім қабылданды."),
          "ru",
          Map.of(
              "appeals.title", "Очередь жалоб",
              "appeal.title", "Жалоба на постановление {0}",
              "appeal.uphold", "Удовлетворить жалобу и отменить постановление",
              "appeal.reject", "Отказать в жалобе; постановление остаётся в силе",
              "appeal.reasons", "Обоснование (гражданин его прочтёт)",
              "appeal.submit", "Записать решение",
              "done.decided", "Решение по жалобе принято."),
          "en",
          Map.of(
              "appeals.title", "Appeal queue",
              "appeal.title", "Appeal against notice {0}",
              "appeal.uphold", "Uphold the appeal and cancel the notice",
              "appeal.reject", "Reject the appeal; the notice stands",
              "appeal.reasons", "Reasons (the citizen will read them)",
              "appeal.submit", "Record the decision",
              "done.decided", "The appeal was decided."));

  @TempDir static Path dir;
  static Vigil vigil;
  static String url;
  static StaffClient operator;
  static List<String> ids;
  static final List<String> notices = new ArrayList<>();
  static Path photo;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable();
    vigil =
        Vigil.start(
            BrowserCases.config(dir, Clock.systemUTC()),
            CasePorts.none()
                .withRegistry(new BrowserCases.Registry())
                .withRenderer(new PdfNoticeRenderer()));
    operator = TestVigil.operator(vigil);
    url = vigil.url().toString().replaceAll("/$", "");
    ids = BrowserCases.speeders(vigil, operator, PLATES);
    for (String id : ids) {
      notices.add(BrowserCases.issueNotice(operator, id));
    }
    photo = dir.resolve("sale contract.png");
    ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
  }

  @AfterAll
  static void stop() {
    if (vigil != null) {
      vigil.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"kk, true", "ru, false", "en, true"})
  void aCitizenAppealsAnOperatorDecidesAndTheCitizenReadsTheReasons(String lang, boolean uphold)
      throws Exception {
    Map<String, String> p = PORTAL.get(lang);
    Map<String, String> d = DESK.get(lang);
    int n = LANGUAGES.indexOf(lang);
    String caseId = ids.get(n);
    String notice = notices.get(n);
    String plate = PLATES.get(n);
    JsonNode c = operator.get("/api/v1/cases/" + caseId).json();

    // the citizen opens the notice: the amounts and the deadlines
    Browser b = BrowserCases.openNotice(BROWSER.browser(), url, lang, notice, plate);
    assertThat(b.url()).endsWith("/portal/case");
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(p.get("case.title").replace("{0}", notice));
    assertThat(b.text()).contains(p.get("state.NOTICE_ISSUED"));
    assertThat(b.url()).doesNotContain(plate);
    BigDecimal amount = new BigDecimal(c.path("amounts").path("amount").asText());
    BigDecimal discounted = new BigDecimal(c.path("amounts").path("discountedAmount").asText());
    LocalDate discountLastDay =
        LocalDate.parse(c.path("deadlines").path("discountLastDay").asText());
    LocalDate payBy = LocalDate.parse(c.path("deadlines").path("payBy").asText());
    assertThat(discounted).isLessThan(amount);
    assertThat(digits(fact(b, p.get("fact.amount"))))
        .isEqualTo(digits(amount.stripTrailingZeros().toPlainString()));
    assertThat(fact(b, p.get("fact.amount"))).endsWith("KZT");
    String reduced = fact(b, p.get("fact.discounted"));
    assertThat(reduced).contains(day(discountLastDay, lang), "KZT");
    assertThat(digits(reduced.replace(day(discountLastDay, lang), "")))
        .as(reduced)
        .isEqualTo(digits(discounted.stripTrailingZeros().toPlainString()));
    assertThat(fact(b, p.get("fact.payBy"))).isEqualTo(day(payBy, lang));
    assertThat(fact(b, p.get("fact.appealUntil"))).isEqualTo(day(payBy, lang));

    // appeals with a text and a photo
    String text = "Машинаны құқық бұзушылыққа дейін саттым — I sold the car before (" + lang + ")";
    b.fill(p.get("appeal.text"), text)
        .attach(p.get("appeal.files"), photo)
        .click(p.get("appeal.submit"));
    assertThat(b.url()).endsWith("/portal/case?done=appealed");
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(statuses(b)).containsExactly(p.get("appeal.filed"));
    assertThat(b.text()).contains(p.get("appeal.pending"), p.get("state.APPEALED"));

    // an operator finds it in the appeal queue and reads it
    b.clearCookies();
    BrowserCases.signIn(b, url, "/desk/appeals", lang);
    assertThat(heading(b)).isEqualTo(d.get("appeals.title"));
    assertThat(b.text()).contains(notice);
    JsonNode appeal = appealOf(caseId);
    String appealId = appeal.path("id").asText();
    assertThat(appeal.path("attachments").get(0).path("mediaType").asText()).isEqualTo("image/png");
    assertThat(appeal.path("attachments").get(0).path("bytes").asLong())
        .isEqualTo(Files.size(photo));
    b.follow("/desk/appeals/" + appealId);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(d.get("appeal.title").replace("{0}", notice));
    assertThat(b.text()).contains(text, "sale contract.png", plate);

    // and decides it with reasons
    String reasons =
        uphold
            ? "The sale contract predates the offence (" + lang + ")."
            : "The contract is dated after the offence (" + lang + ").";
    b.check(d.get(uphold ? "appeal.uphold" : "appeal.reject"))
        .fill(d.get("appeal.reasons"), reasons)
        .click(d.get("appeal.submit"));
    assertThat(b.url()).endsWith("/desk/appeals?done=decided");
    assertThat(statuses(b)).containsExactly(d.get("done.decided"));
    assertThat(b.source()).doesNotContain("/desk/appeals/" + appealId);

    // the citizen, on another visit, reads the decision and its reasons
    b.clearCookies();
    BrowserCases.openNotice(b, url, lang, notice, plate);
    assertThat(b.url()).endsWith("/portal/case");
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.driver().findElement(By.id("appeal-status")).getText())
        .isEqualTo(p.get(uphold ? "appeal.upheld" : "appeal.rejected"));
    assertThat(b.driver().findElement(By.id("appeal-reasons")).getText()).isEqualTo(reasons);
    assertThat(b.text())
        .contains(p.get(uphold ? "state.CANCELLED" : "state.NOTICE_ISSUED"))
        .doesNotContain("officer");
  }

  /** The appeal of {@code caseId} in the API's queue. */
  private static JsonNode appealOf(String caseId) {
    for (JsonNode a : operator.get("/api/v1/appeals/queue").json().path("items")) {
      if (a.path("caseId").asText().equals(caseId)) {
        return a;
      }
    }
    throw new AssertionError("no appeal of case " + caseId + " in the queue");
  }
}
