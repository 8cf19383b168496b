package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Language;
import org.vigil.plate.Plate;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.browser.Browser;

/**
 * What the browser tests of the desk and the portal share: a Vigil with cases (the issue's sample
 * sites, camera B-003 at 100 + 10 km/h), speeders turned into cases in review by the real case
 * opener, a notice issued through the API, and an operator signing in through the sign-in page.
 */
final class BrowserCases {
  /** The speed of every speeder posted here: 20 km/h above the limit and its tolerance. */
  static final int SPEED = 130;

  private BrowserCases() {}

  /** The sign-in page's words per language: user name, password, the button. */
  static final Map<String, List<String>> SIGN_IN =
      Map.of(
          "kk", List.of("Пайдаланушы аты", "Құпиясөз", "Кіру"),
          "ru", List.of("Имя пользователя", "Пароль", "Войти"),
          "en", List.of("User name", "Password", "Sign in"));

  /** What the citizen portal's pages say, per language (from the portal's texts, written out). */
  static final Map<String, Map<String, String>> PORTAL =
      Map.of(
          "kk",
          Map.ofEntries(
              Map.entry("open.title", "Қаулыны қарау"),
              Map.entry("open.notice", "Қаулы нөмірі"),
              Map.entry("open.plate", "Мемлекеттік нөмір"),
              Map.entry("open.submit", "Қаулыны ашу"),
              Map.entry(
                  "open.noMatch",
                  "Мұндай нөмірі мен мемлекеттік нөмірі бар қаулы жоқ. Екеуін де тексеріп,"
                      + " қайталап көріңіз."),
              Map.entry("open.throttled", "Әрекет тым көп. 15 минуттан кейін қайталап көріңіз."),
              Map.entry("case.title", "{0} қаулысы"),
              Map.entry("case.pdf", "Қаулы (PDF)"),
              Map.entry("fact.amount", "Айыппұл"),
              Map.entry("fact.discounted", "Жеңілдікпен сомасы"),
              Map.entry("fact.payBy", "Толық соманы төлеу мерзімі"),
              Map.entry("fact.appealUntil", "Шағымдану мерзімі"),
              Map.entry("appeal.text", "Қаулы неге қате"),
              Map.entry("appeal.files", "Тіркемелер (міндетті емес)"),
              Map.entry("appeal.submit", "Шағымды жіберу"),
              Map.entry("appeal.filed", "Шағымыңыз қабылданды. Шешімді қызметкер қабылдайды."),
              Map.entry("appeal.pending", "Шағымыңыз шешім күтуде."),
              Map.entry("appeal.upheld", "Шағымыңыз қанағаттандырылды: қаулы жойылды."),
              Map.entry("appeal.rejected", "Шағымыңыз қанағаттандырылмады: қаулы күшінде қалады."),
              Map.entry("state.NOTICE_ISSUED", "Күйі: Қаулы шығарылды, төлем күтілуде"),
              Map.entry("state.APPEALED", "Күйі: Шағым берілді, шешім күтілуде"),
              Map.entry("state.CANCELLED", "Күйі: Жойылды")),
          "ru",
          Map.ofEntries(
              Map.entry("open.title", "Посмотреть постановление"),
              Map.entry("open.notice", "Номер постановления"),
              Map.entry("open.plate", "Госномер"),
              Map.entry("open.submit", "Открыть постановление"),
              Map.entry(
                  "open.noMatch",
                  "Постановления с таким номером и госномером нет. Проверьте оба и попробуйте"
                      + " снова."),
              Map.entry("open.throttled", "Слишком много попыток. Попробуйте снова через 15 мин."),
              Map.entry("case.title", "Постановление {0}"),
              Map.entry("case.pdf", "Постановление (PDF)"),
              Map.entry("fact.amount", "Штраф"),
              Map.entry("fact.discounted", "Сумма со скидкой"),
              Map.entry("fact.payBy", "Оплатить полную сумму до"),
              Map.entry("fact.appealUntil", "Обжаловать до"),
              Map.entry("appeal.text", "Почему постановление ошибочно"),
              Map.entry("appeal.files", "Вложения (необязательно)"),
              Map.entry("appeal.submit", "Отправить жалобу"),
              Map.entry("appeal.filed", "Ваша жалоба получена. Решение примет сотрудник."),
              Map.entry("appeal.pending", "Ваша жалоба ожидает решения."),
              Map.entry("appeal.upheld", "Ваша жалоба удовлетворена: постановление отменено."),
              Map.entry(
                  "appeal.rejected", "В вашей жалобе отказано: постановление остаётся в силе."),
              Map.entry("state.NOTICE_ISSUED", "Состояние: Постановление вынесено, ожидает оплаты"),
              Map.entry("state.APPEALED", "Состояние: Обжаловано, ожидает решения"),
              Map.entry("state.CANCELLED", "Состояние: Отменено")),
          "en",
          Map.ofEntries(
              Map.entry("open.title", "See your traffic notice"),
              Map.entry("open.notice", "Notice number"),
              Map.entry("open.plate", "Vehicle plate"),
              Map.entry("open.submit", "Open the notice"),
              Map.entry(
                  "open.noMatch",
                  "No notice matches this number and plate. Check both and try again."),
              Map.entry("open.throttled", "Too many attempts. Try again in 15 minutes."),
              Map.entry("case.title", "Notice {0}"),
              Map.entry("case.pdf", "The notice letter (PDF)"),
              Map.entry("fact.amount", "Fine"),
              Map.entry("fact.discounted", "Reduced amount"),
              Map.entry("fact.payBy", "Pay the full amount by"),
              Map.entry("fact.appealUntil", "Appeal by"),
              Map.entry("appeal.text", "Why the notice is wrong"),
              Map.entry("appeal.files", "Attachments (optional)"),
              Map.entry("appeal.submit", "Send the appeal"),
              Map.entry(
                  "appeal.filed", "Your appeal was received. It will be decided by an officer."),
              Map.entry("appeal.pending", "Your appeal is waiting for a decision."),
              Map.entry("appeal.upheld", "Your appeal was upheld: the notice is cancelled."),
              Map.entry("appeal.rejected", "Your appeal was rejected: the notice stands."),
              Map.entry("state.NOTICE_ISSUED", "Status: Notice issued, waiting for payment"),
              Map.entry("state.APPEALED", "Status: Appealed, waiting for a decision"),
              Map.entry("state.CANCELLED", "Status: Cancelled")));

  /**
   * Opens the portal in {@code lang} and enters {@code notice} and {@code plate}; answers the page
   * that follows (the case, or the form again with why not).
   */
  static Browser openNotice(Browser b, String url, String lang, String notice, String plate) {
    Map<String, String> w = PORTAL.get(lang);
    b.open(url + "/portal?lang=" + lang);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(heading(b)).isEqualTo(w.get("open.title"));
    return b.fill(w.get("open.notice"), notice)
        .fill(w.get("open.plate"), plate)
        .click(w.get("open.submit"));
  }

  /** The page's {@code <h1>}. */
  static String heading(Browser b) {
    return b.driver().findElement(By.tagName("h1")).getText();
  }

  /** The texts of the elements with {@code role="status"}. */
  static List<String> statuses(Browser b) {
    return b.driver().findElements(By.cssSelector("[role=status]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The value ({@code <dd>}) of the fact whose term ({@code <dt>}) reads {@code term}. */
  static String fact(Browser b, String term) {
    List<WebElement> terms = b.driver().findElements(By.cssSelector("dl dt"));
    for (WebElement dt : terms) {
      if (dt.getText().strip().equals(term)) {
        return spaced(dt.findElement(By.xpath("following-sibling::dd[1]")).getText());
      }
    }
    throw new AssertionError(
        "no fact '" + term + "'; facts: " + terms.stream().map(WebElement::getText).toList());
  }

  /** A day as the language writes it in full ({@code FormatStyle.LONG}). */
  static String day(LocalDate day, String lang) {
    return spaced(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Language.ofTag(lang).locale())
            .format(day));
  }

  /** The digits of {@code text}: an amount however the language groups and spaces it. */
  static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  /**
   * A clock that tells the real time plus an offset the test moves forward, so that a test can let
   * a window (the portal's throttle) pass without waiting for it.
   */
  static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock {@code by} forward. */
    void advance(Duration by) {
      offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException("the movable clock is UTC");
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }

  /** The registry of these tests: every plate is Aigerim's, who reads Russian. */
  static final class Registry implements KeeperRegistry {
    @Override
    public Lookup lookup(Plate plate, Instant at) {
      return new Lookup.Found(
          new Keeper(
              "Aigerim Sadykova",
              new PostalAddress(List.of("Abai 10", "Almaty 050000"), "KZ"),
              "aigerim@example.kz",
              null,
              Language.RU));
    }
  }

  /**
   * The configuration of a Vigil in {@code dir} whose reviewers never need a second reviewer (a
   * rejection share of 1), so that a rejection in the browser is final: second reviews have their
   * own tests ({@code CaseFlowIT}).
   */
  static VigilConfig config(Path dir, Clock clock) throws IOException {
    VigilConfig config = TestVigil.config(dir, SitesBuilder.standard()).withClock(clock);
    VigilConfig.Cases c = config.cases();
    return config.withCases(
        new VigilConfig.Cases(
            c.outboxInterval(),
            c.deadlineInterval(),
            c.portal(),
            c.secondReviewWindow(),
            1.0,
            c.noticeFlagDays(),
            c.zone(),
            c.closeAfter()));
  }

  /**
   * Posts one speeder per plate at camera B-003, 20 ms apart in the order given and all in the past
   * second, waits until the case opener has put each in review, and answers the case ids in the
   * same order (which is also the order of their offences).
   */
  static List<String> speeders(Vigil vigil, StaffClient operator, List<String> plates)
      throws Exception {
    // close to now: the camera's clock is judged by how far behind a read arrives, and a read
    // seconds old would be held for a drifting clock instead of becoming a case
    Instant first = Instant.now().minusMillis(500);
    List<Detection> detections = new ArrayList<>();
    for (int i = 0; i < plates.size(); i++) {
      detections.add(
          DetectionBuilder.aDetection()
              .camera("B-003")
              .eventId("BROWSER-" + plates.get(i))
              .at(first.plusMillis(20L * i))
              .plate(plates.get(i))
              .speed(SPEED)
              .build());
    }
    JsonNode posted = TestVigil.post(vigil, detections);
    assertThat(posted.path("violations").asInt()).as(posted.toString()).isEqualTo(plates.size());
    JsonNode queue =
        CaseFlowIT.await(
            () -> operator.get("/api/v1/review/queue").json().path("items"),
            q -> q.size() >= plates.size());
    List<String> ids = new ArrayList<>();
    for (String plate : plates) {
      String id = null;
      for (JsonNode item : queue) {
        if (item.path("evidence").path("plate").asText().equals(plate)) {
          id = item.path("id").asText();
        }
      }
      assertThat(id).as("the case of " + plate + " in " + queue).isNotNull();
      ids.add(id);
    }
    return ids;
  }

  /** Confirms the case through the API, which issues its notice; answers the notice number. */
  static String issueNotice(StaffClient operator, String caseId) {
    StaffClient.Response r =
        operator.post("/api/v1/cases/" + caseId + "/review", "{\"decision\":\"confirm\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("state").asText()).isEqualTo("NOTICE_ISSUED");
    return operator.get("/api/v1/cases/" + caseId).json().path("notice").asText();
  }

  /**
   * Opens {@code path} in {@code lang} without a session, which sends the browser to the sign-in
   * page; signs the operator in there and lands on {@code path}.
   */
  static Browser signIn(Browser b, String url, String path, String lang) {
    b.open(url + path + "?lang=" + lang);
    assertThat(b.url()).contains("/login?next=");
    assertThat(b.lang()).isEqualTo(lang);
    List<String> words = SIGN_IN.get(lang);
    b.fill(words.get(0), TestVigil.OPERATOR)
        .fill(words.get(1), TestVigil.OPERATOR_PASSWORD)
        .click(words.get(2));
    assertThat(b.alerts()).isEmpty();
    assertThat(b.url()).endsWith(path + "?lang=" + lang);
    return b;
  }

  /** The text with every run of white space (no-break spaces too) as one plain space. */
  static String spaced(String text) {
    return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
  }
}
