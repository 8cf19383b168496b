package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.BrowserCases.PORTAL;
import static org.vigil.app.BrowserCases.heading;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.vigil.cases.NoticeNumber;
import org.vigil.contract.StaffClient;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.testkit.browser.Browser;
import org.vigil.testkit.browser.BrowserExtension;

/**
 * The citizen portal's guard and its letter in a real headless Chromium against a whole Vigil (real
 * PostgreSQL, the real PDF renderer, a test registry), in Kazakh, Russian and English: a wrong
 * plate and an unknown notice number show the very same page; after five failures at a notice
 * number even the right plate is refused with the wait; the case page links the notice letter,
 * which answers a PDF in the page's language.
 *
 * <p>Vigil's clock here is the real time plus an offset that each test moves 16 minutes on, so that
 * every test starts with the throttle's 15-minute windows behind it.
 */
class PortalBrowserIT {
  @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();

  static final String PLATE = "505PRT02";

  /** The notice letter's title (the PDF's document title before the number), per language. */
  static final Map<String, String> LETTER_TITLE =
      Map.of(
          "kk", "Жол жүрісі саласындағы әкімшілік құқық бұзушылық туралы хабарлама",
          "ru", "Уведомление об административном правонарушении в области дорожного движения",
          "en", "Notice of a road traffic offence");

  @TempDir static Path dir;
  static final BrowserCases.MovableClock clock = new BrowserCases.MovableClock();
  static Vigil vigil;
  static String url;
  static String notice;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable();
    vigil =
        Vigil.start(
            BrowserCases.config(dir, clock),
            CasePorts.none()
                .withRegistry(new BrowserCases.Registry())
                .withRenderer(new PdfNoticeRenderer()));
    StaffClient operator = TestVigil.operator(vigil);
    url = vigil.url().toString().replaceAll("/$", "");
    String id = BrowserCases.speeders(vigil, operator, List.of(PLATE)).getFirst();
    notice = BrowserCases.issueNotice(operator, id);
  }

  @AfterAll
  static void stop() {
    if (vigil != null) {
      vigil.close();
    }
  }

  /** Past every throttle window of the tests before. */
  @BeforeEach
  void letTheThrottlesWindowsPass() {
    clock.advance(Duration.ofMinutes(16));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kk", "ru", "en"})
  void aWrongPlateAndAnUnknownNumberShowTheSamePage(String lang) {
    Map<String, String> w = PORTAL.get(lang);
    Browser b = BrowserCases.openNotice(BROWSER.browser(), url, lang, notice, "999ZZZ02");
    String wrongPlate = b.text();
    String wrongPlateTitle = b.title();
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.alerts()).containsExactly(w.get("open.noMatch"));
    assertThat(heading(b)).isEqualTo(w.get("open.title"));

    String unknown = NoticeNumber.random(new Random(lang.hashCode())).value();
    assertThat(unknown).isNotEqualTo(notice);
    BrowserCases.openNotice(b, url, lang, unknown, PLATE);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.text()).isEqualTo(wrongPlate);
    assertThat(b.title()).isEqualTo(wrongPlateTitle);
    assertThat(b.url()).doesNotContain(PLATE).doesNotContain(notice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kk", "ru", "en"})
  void afterFiveFailuresEvenTheRightPlateWaits(String lang) {
    Map<String, String> w = PORTAL.get(lang);
    Browser b = BROWSER.browser();
    for (int i = 1; i <= 5; i++) {
      BrowserCases.openNotice(b, url, lang, notice, "90" + i + "ZZZ02");
      assertThat(b.alerts()).as("attempt " + i).containsExactly(w.get("open.noMatch"));
    }
    BrowserCases.openNotice(b, url, lang, notice, PLATE);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.alerts()).containsExactly(w.get("open.throttled"));
    assertThat(b.url()).endsWith("/portal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kk", "ru", "en"})
  void theCasePageOffersTheNoticeLetterAsAPdf(String lang) throws Exception {
    Map<String, String> w = PORTAL.get(lang);
    Browser b = BrowserCases.openNotice(BROWSER.browser(), url, lang, notice, PLATE);
    assertThat(b.url()).endsWith("/portal/case");
    assertThat(b.lang()).isEqualTo(lang);
    WebElement link = b.driver().findElement(By.id("notice-pdf"));
    assertThat(link.getText()).isEqualTo(w.get("case.pdf"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/portal/notice.pdf");

    // what the link answers, fetched with the browser's access cookie
    Cookie access = b.driver().manage().getCookieNamed("vigil_portal");
    assertThat(access).isNotNull();
    assertThat(access.isHttpOnly()).isTrue();
    assertThat(access.getPath()).isEqualTo("/portal");
    assertThat(access.getValue()).doesNotContain(PLATE);
    HttpResponse<byte[]> pdf;
    try (HttpClient http = HttpClient.newHttpClient()) {
      pdf =
          http.send(
              HttpRequest.newBuilder(vigil.url().resolve("/portal/notice.pdf?lang=" + lang))
                  .header("Cookie", "vigil_portal=" + access.getValue())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    }
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(lang);
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo(LETTER_TITLE.get(lang) + " " + notice);
    }
  }
}
