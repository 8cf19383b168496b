package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.connectors.payments.WebhookSigner;
import org.vigil.contract.SitesJson;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/**
 * The back office end to end (issue 5, "Done means" 1) with the production wiring of the outside
 * world: Vigil is started with {@link OutsideWorld#fromEnvironment} and an environment that points
 * at a real SMTP server (GreenMail), a real local HTTP vehicle registry speaking the contract of
 * docs/registry.md, and the payment provider's webhook secrets; the database is a real embedded
 * PostgreSQL. Only the far ends of the outside world are stand-ins.
 *
 * <ul>
 *   <li>A: a speeder is confirmed through the API (signed, verifiable), the keeper looked up over
 *       HTTP, the notice e-mailed with its PDF (whose extracted text states the facts), paid by a
 *       signed webhook inside the discount window; the replayed webhook changes nothing.
 *   <li>B: another is confirmed and e-mailed, appealed through the portal's HTML forms (cookie and
 *       CSRF), upheld through the API: CANCELLED; a late payment is recorded for refund only.
 *   <li>C: a third is paid ten days after its notice: the discounted amount leaves a balance.
 *   <li>The public transparency report counts notices and appeals as it promises (small counts
 *       suppressed).
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REGISTRY_TOKEN = "registry-token-for-the-back-office-test";
  static final String OLD_SECRET = "webhook-secret-being-rotated-out";
  static final String SECRET = "webhook-secret-of-the-payment-provider";
  static final String PORTAL = "https://portal.vigil.test/portal";
  static final String FROM = "notices@police.vigil.test";
  static final int SMTP_PORT = freePort();

  static final String PLATE_A = "101ENG02";
  static final String PLATE_B = "202RUS02";
  static final String PLATE_C = "303KAZ02";

  /** The keepers the registry knows, as its JSON answers, by plate. */
  static final Map<String, String> KEEPERS =
      Map.of(
          PLATE_A,
          keeper("Aliya Nurlanovna", "Abai Avenue 10, flat 5", "aliya@keeper.test", "en"),
          PLATE_B,
          keeper("Омаров Ержан", "пр. Абая, д. 45, кв. 12", "erzhan@keeper.test", "ru"),
          PLATE_C,
          keeper("Әлихан Сейітқалиев", "Абай даңғылы, 7", "alikhan@keeper.test", "kk"));

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  final OffsetClock clock = new OffsetClock();
  final List<RegistryCall> registryCalls = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  HttpServer registry;
  Vigil vigil;
  StaffClient operator;
  StaffClient admin;
  Map<String, String> caseOfPlate = new HashMap<>();

  /** One request the registry received. */
  record RegistryCall(
      String method, URI uri, Map<String, List<String>> headers, String body, String address) {}

  /** The system clock, moved on by a test when the story needs days to pass. */
  static final class OffsetClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext("/", this::answerLookup);
    registry.start();

    Map<String, String> env = new HashMap<>();
    env.put("VIGIL_SMTP_HOST", "127.0.0.1");
    env.put("VIGIL_SMTP_PORT", String.valueOf(SMTP_PORT));
    env.put("VIGIL_SMTP_FROM", FROM);
    env.put("VIGIL_SMTP_STARTTLS", "false");
    env.put(
        "VIGIL_REGISTRY_URL",
        "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port(registry));
    env.put("VIGIL_REGISTRY_TOKEN", REGISTRY_TOKEN);
    env.put("VIGIL_PAYMENT_WEBHOOK_SECRETS", OLD_SECRET + ", " + SECRET);
    env.put("VIGIL_OUTBOX_INTERVAL", "PT1S");
    env.put("VIGIL_PORTAL_URL", PORTAL);
    env.put("VIGIL_TIME_ZONE", "Asia/Almaty");

    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, SitesJson.write(SitesBuilder.standard()));
    VigilConfig config =
        VigilConfig.fromEnvironment(env)
            .withDataDir(dir.resolve("data"))
            .withPort(0)
            .withSitesFile(sites)
            .withIngestKey(TestVigil.KEY)
            .withAdminPassword(TestVigil.PASSWORD)
            .withClock(clock);
    vigil = Vigil.start(config, OutsideWorld.fromEnvironment(env, config.dataDir(), clock));
    admin = TestVigil.admin(vigil);
    operator = TestVigil.operator(vigil);

    // three speeders at B-003 (limit 100 + 10 km/h), 130 km/h: 30 over, KZ art. 592 part 2
    List<String> plates = List.of(PLATE_A, PLATE_B, PLATE_C);
    for (int i = 0; i < plates.size(); i++) {
      TestVigil.post(
          vigil,
          List.of(
              DetectionBuilder.aDetection()
                  .camera("B-003")
                  .eventId("BO-" + i)
                  .at(Instant.now().minusMillis(300))
                  .plate(plates.get(i))
                  .speed(130)
                  .build()));
    }
    JsonNode queue =
        CaseFlowIT.await(
            () -> operator.get("/api/v1/review/queue").json().path("items"), q -> q.size() == 3);
    for (JsonNode item : queue) {
      assertThat(item.path("state").asText()).isEqualTo("IN_REVIEW");
      caseOfPlate.put(item.path("evidence").path("plate").asText(), item.path("id").asText());
    }
    assertThat(caseOfPlate).containsOnlyKeys(plates);
    assertThat(registryCalls).as("no keeper is looked up before a confirmation").isEmpty();
  }

  @AfterAll
  void stop() {
    if (vigil != null) {
      vigil.close();
    }
    if (registry != null) {
      registry.stop(0);
    }
    http.close();
  }

  // ------------------------------------------------------------------ A

  @Test
  @Order(1)
  void confirmedKeeperFoundNoticeEmailedWithItsPdfAndPaidInsideTheDiscountWindow()
      throws Exception {
    String id = caseOfPlate.get(PLATE_A);
    JsonNode confirmed = confirm(id);
    assertThat(confirmed.path("state").asText()).isEqualTo("NOTICE_ISSUED");

    // the signed review verifies, on the server and by hand
    JsonNode reviews = operator.get("/api/v1/cases/" + id + "/reviews").json().path("items");
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).path("decision").asText()).isEqualTo("confirm");
    assertThat(reviews.get(0).path("verified").asBoolean()).isTrue();
    assertThat(CaseFlowIT.verifiesByHand(reviews.get(0))).isTrue();

    // the registry was asked once, over HTTP, with the plate in the body only
    List<RegistryCall> calls = callsFor(PLATE_A);
    assertThat(calls).hasSize(1);
    RegistryCall call = calls.getFirst();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.uri().getPath()).isEqualTo("/v1/keeper-lookups");
    assertThat(call.uri().getRawQuery()).isNull();
    assertThat(call.uri().toString()).doesNotContain(PLATE_A);
    assertThat(call.headers().get("Authorization")).containsExactly("Bearer " + REGISTRY_TOKEN);
    assertThat(call.headers().toString()).doesNotContain(PLATE_A);
    JsonNode asked = JSON.readTree(call.body());
    assertThat(asked.path("plate").asText()).isEqualTo(PLATE_A);
    assertThat(asked.path("country").asText()).isEqualTo("KZ");

    JsonNode c = operator.get("/api/v1/cases/" + id).json();
    assertThat(Instant.parse(asked.path("at").asText()))
        .as("the keeper at the time of the offence")
        .isCloseTo(Instant.parse(c.path("observedAt").asText()), within(1, ChronoUnit.SECONDS));
    assertThat(c.path("keeper").path("name").asText()).isEqualTo("Aliya Nurlanovna");
    String notice = c.path("notice").asText();
    JsonNode amounts = c.path("amounts");
    BigDecimal amount = new BigDecimal(amounts.path("amount").asText());
    BigDecimal discounted = new BigDecimal(amounts.path("discountedAmount").asText());
    assertThat(amount).isEqualByComparingTo("43250"); // 10 MCI of 4 325 KZT (2026)
    assertThat(discounted).isEqualByComparingTo("21625");
    LocalDate lastDiscountDay =
        LocalDate.parse(c.path("deadlines").path("discountLastDay").asText());
    assertThat(lastDiscountDay)
        .isEqualTo(LocalDate.parse(c.path("noticeDay").asText()).plusDays(7));
    assertThat(history(id))
        .containsExactly("case.open", "review.confirm", "keeper.found", "notice.issue");

    // the e-mail arrives through SMTP with the letter; its text states every fact
    MimeMessage mail = awaitMail("aliya@keeper.test");
    assertThat(mail.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(mail.getSubject()).contains(notice);
    byte[] pdf = attachment(mail, "notice-" + notice + ".pdf");
    String text = pdfText(pdf);
    assertThat(text)
        .contains(notice)
        .contains(PLATE_A)
        .contains("Aliya Nurlanovna")
        .contains(amounts.path("basis").asText())
        .contains("CoAO RK art. 592 part 2")
        .contains(englishMoney(amount) + " KZT")
        .contains(
            "Reduced amount "
                + englishMoney(discounted)
                + " KZT if paid by "
                + englishDate(lastDiscountDay)
                + " inclusive")
        .contains("43,250 KZT", "21,625 KZT")
        .contains(PORTAL);
    // the payment address under the QR code leads to the portal, the number filled in, the plate
    // asked for; it says no more for an unknown number (regression: it was a 404)
    String qr = PORTAL + "/pay?n=" + notice;
    assertThat(text).contains("Scan to pay " + qr);
    HttpResponse<String> landing = portalGet(qr.replace(PORTAL, "/portal"), "");
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
    assertThat(landing.body())
        .contains("action=\"/portal\"", "name=\"plate\"", "value=\"" + notice + "\"");
    assertThat(landing.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> unknown = portalGet("/portal/pay?n=1234567890128", "");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body().replace("1234567890128", notice)).isEqualTo(landing.body());
    // the letter went to the print batch too, and the outbox says both are sent
    JsonNode sent =
        CaseFlowIT.await(
            () -> operator.get("/api/v1/outbox?status=sent").json().path("items"),
            items -> channelsOf(items, id).size() == 2);
    assertThat(channelsOf(sent, id)).containsExactlyInAnyOrder("EMAIL", "POST");

    // a webhook signed with the provider's (new) secret, paid now: inside the window
    byte[] body =
        WebhookSigner.body("pay-A-1", notice, discounted, "KZT", clock.instant().minusSeconds(60));
    String signature = new WebhookSigner(SECRET).sign(body, clock.instant());
    HttpResponse<String> forged =
        webhook(body, new WebhookSigner("a-secret-nobody-configured").sign(body, clock.instant()));
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> paid = webhook(body, signature);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(JSON.readTree(paid.body()).path("result").asText()).isEqualTo("SETTLED");
    JsonNode afterPayment = operator.get("/api/v1/cases/" + id).json();
    assertThat(afterPayment.path("state").asText()).isEqualTo("PAID");
    assertThat(new BigDecimal(afterPayment.path("amounts").path("paid").asText()))
        .isEqualByComparingTo(discounted);
    assertThat(new BigDecimal(afterPayment.path("amounts").path("refundDue").asText()))
        .isEqualByComparingTo("0");

    // the provider retries (or someone replays) the very same call: ignored
    HttpResponse<String> replay = webhook(body, signature);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(JSON.readTree(replay.body()).path("result").asText()).isEqualTo("DUPLICATE");
    JsonNode afterReplay = operator.get("/api/v1/cases/" + id).json();
    assertThat(afterReplay.path("version").asLong())
        .isEqualTo(afterPayment.path("version").asLong());
    assertThat(afterReplay.path("amounts")).isEqualTo(afterPayment.path("amounts"));
    assertThat(history(id)).endsWith("notice.issue", "payment.settle");
  }

  // ------------------------------------------------------------------ B

  @Test
  @Order(2)
  void appealedThroughThePortalUpheldCancelledAndALatePaymentIsOnlyRecordedForRefund()
      throws Exception {
    String id = caseOfPlate.get(PLATE_B);
    assertThat(confirm(id).path("state").asText()).isEqualTo("NOTICE_ISSUED");
    String notice = operator.get("/api/v1/cases/" + id).json().path("notice").asText();
    MimeMessage mail = awaitMail("erzhan@keeper.test");
    assertThat(pdfText(attachment(mail, "notice-" + notice + ".pdf")))
        .contains(notice, PLATE_B, "Омаров Ержан", "43 250 KZT", "21 625 KZT", PORTAL);

    // a wrong plate opens nothing, and says no more than an unknown number would
    HttpResponse<String> wrong = portalOpen(notice, "999XXX02");
    HttpResponse<String> unknown = portalOpen("1234567890128", PLATE_B);
    assertThat(wrong.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

    // the citizen opens the case with number and plate, and appeals with the page's CSRF value
    HttpResponse<String> opened = portalOpen(notice, PLATE_B);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location")).hasValue("/portal/case");
    String cookie = cookie(opened, "vigil_portal");
    HttpResponse<String> page = portalGet("/portal/case", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(notice, "action=\"/portal/appeal\"");
    String csrf = match(page.body(), "name=\"csrf\" value=\"([^\"]+)\"");

    String appealText = "Я продал машину за неделю до нарушения; договор прилагаю.";
    byte[] contract = onePagePdf();
    HttpResponse<String> withoutCsrf = portalAppeal(cookie, "forged", appealText, contract);
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    HttpResponse<String> appealed = portalAppeal(cookie, csrf, appealText, contract);
    assertThat(appealed.statusCode()).as(appealed.body()).isEqualTo(303);
    assertThat(appealed.headers().firstValue("Location")).hasValue("/portal/case?done=appealed");
    assertThat(operator.get("/api/v1/cases/" + id).json().path("state").asText())
        .isEqualTo("APPEALED");
    assertThat(portalGet("/portal/case", cookie).body()).contains("id=\"appeal-status\"");

    // an operator finds it in the queue and upholds it
    JsonNode queue = operator.get("/api/v1/appeals/queue").json().path("items");
    assertThat(queue).hasSize(1);
    JsonNode appeal = queue.get(0);
    assertThat(appeal.path("caseId").asText()).isEqualTo(id);
    assertThat(appeal.path("text").asText()).isEqualTo(appealText);
    assertThat(appeal.path("attachments").get(0).path("mediaType").asText())
        .isEqualTo("application/pdf");
    assertThat(appeal.path("attachments").get(0).path("bytes").asInt()).isEqualTo(contract.length);
    String reasons = "The sale contract predates the offence; the keeper was someone else.";
    StaffClient.Response upheld =
        operator.post(
            "/api/v1/appeals/" + appeal.path("id").asText() + "/decision",
            JSON.writeValueAsString(Map.of("outcome", "uphold", "reasons", reasons)));
    assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
    assertThat(upheld.json().path("state").asText()).isEqualTo("CANCELLED");
    String shown = portalGet("/portal/case", cookie).body();
    assertThat(shown).contains("id=\"appeal-reasons\"").contains(html(reasons));

    // the keeper pays anyway, late: recorded for refund, the case stays cancelled
    JsonNode before = operator.get("/api/v1/cases/" + id).json();
    byte[] body =
        WebhookSigner.body(
            "pay-B-1", notice, new BigDecimal("43250.00"), "KZT", clock.instant().minusSeconds(5));
    HttpResponse<String> late =
        webhook(body, new WebhookSigner(SECRET).sign(body, clock.instant()));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
    assertThat(JSON.readTree(late.body()).path("result").asText()).isEqualTo("REFUND");
    JsonNode after = operator.get("/api/v1/cases/" + id).json();
    assertThat(after.path("state").asText()).isEqualTo("CANCELLED");
    assertThat(new BigDecimal(after.path("amounts").path("paid").asText()))
        .isEqualByComparingTo(new BigDecimal(before.path("amounts").path("paid").asText()))
        .isEqualByComparingTo("0");
    assertThat(new BigDecimal(after.path("amounts").path("refundDue").asText()))
        .isEqualByComparingTo("43250");
    assertThat(new BigDecimal(after.path("amounts").path("balanceDue").asText()))
        .isEqualByComparingTo("0");
    assertThat(history(id))
        .containsExactly(
            "case.open",
            "review.confirm",
            "keeper.found",
            "notice.issue",
            "appeal.file",
            "appeal.uphold",
            "payment.refund");
  }

  // ------------------------------------------------------------------ C

  @Test
  @Order(3)
  void aftertheDiscountWindowTheDiscountedAmountLeavesABalanceDue() throws Exception {
    String id = caseOfPlate.get(PLATE_C);
    assertThat(confirm(id).path("state").asText()).isEqualTo("NOTICE_ISSUED");
    JsonNode c = operator.get("/api/v1/cases/" + id).json();
    String notice = c.path("notice").asText();
    LocalDate lastDiscountDay =
        LocalDate.parse(c.path("deadlines").path("discountLastDay").asText());
    awaitMail("alikhan@keeper.test");

    clock.advance(Duration.ofDays(10));
    Instant paidAt = clock.instant().minusSeconds(60);
    assertThat(LocalDate.ofInstant(paidAt, ZoneId.of("Asia/Almaty"))).isAfter(lastDiscountDay);
    byte[] discounted =
        WebhookSigner.body("pay-C-1", notice, new BigDecimal("21625"), "KZT", paidAt);
    HttpResponse<String> partial =
        webhook(discounted, new WebhookSigner(SECRET).sign(discounted, clock.instant()));
    assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
    assertThat(JSON.readTree(partial.body()).path("result").asText()).isEqualTo("PARTIAL");
    JsonNode open = operator.get("/api/v1/cases/" + id).json();
    assertThat(open.path("state").asText()).isEqualTo("NOTICE_ISSUED");
    assertThat(new BigDecimal(open.path("amounts").path("balanceDue").asText()))
        .as("the full 43 250 KZT is due after the window")
        .isEqualByComparingTo("21625");

    byte[] rest = WebhookSigner.body("pay-C-2", notice, new BigDecimal("21625"), "KZT", paidAt);
    HttpResponse<String> settled =
        webhook(rest, new WebhookSigner(OLD_SECRET).sign(rest, clock.instant()));
    assertThat(JSON.readTree(settled.body()).path("result").asText()).isEqualTo("SETTLED");
    JsonNode closed = operator.get("/api/v1/cases/" + id).json();
    assertThat(closed.path("state").asText()).isEqualTo("PAID");
    assertThat(new BigDecimal(closed.path("amounts").path("paid").asText()))
        .isEqualByComparingTo("43250");
    assertThat(history(id)).endsWith("notice.issue", "payment.partial", "payment.settle");
  }

  // ------------------------------------------------------------------ the report

  @Test
  @Order(4)
  void theTransparencyReportCountsNoticesAndAppealsSuppressingSmallCounts() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(vigil.url().resolve("/api/v1/transparency")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.path("suppression").path("threshold").asInt()).isEqualTo(5);

    // 3 issued, 2 paid, 1 cancelled; 1 appeal filed and upheld: each 1 to 4, so each published
    // as a suppressed cell (no number), and the totals count published cells only
    JsonNode notices = dataset(report, "notices");
    assertThat(dimension(notices, "status"))
        .containsExactlyInAnyOrder("issued", "paid", "cancelled");
    JsonNode appeals = dataset(report, "appeals");
    assertThat(dimension(appeals, "outcome")).containsExactlyInAnyOrder("filed", "upheld");
    for (JsonNode d : List.of(notices, appeals)) {
      assertThat(d.path("recorded").asBoolean()).isTrue();
      assertThat(d.path("suppression").asBoolean()).isTrue();
      for (JsonNode row : d.path("rows")) {
        assertThat(row.path("suppressed").asBoolean()).as(row.toString()).isTrue();
        assertThat(row.path("count").isNull()).as(row.toString()).isTrue();
      }
      assertThat(d.path("total").asLong()).isZero();
    }
    assertThat(r.body()).doesNotContain(PLATE_A, PLATE_B, PLATE_C, "Aliya", "Омаров");
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode confirm(String id) {
    StaffClient.Response r =
        operator.post("/api/v1/cases/" + id + "/review", "{\"decision\":\"confirm\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<String> history(String id) {
    List<String> actions = new ArrayList<>();
    for (JsonNode e : operator.get("/api/v1/cases/" + id + "/history").json().path("items")) {
      actions.add(e.path("action").asText());
    }
    return actions;
  }

  private static List<String> channelsOf(JsonNode items, String caseId) {
    List<String> channels = new ArrayList<>();
    for (JsonNode d : items) {
      if (d.path("caseId").asText().equals(caseId)) {
        channels.add(d.path("channel").asText());
      }
    }
    return channels;
  }

  private List<RegistryCall> callsFor(String plate) {
    return registryCalls.stream().filter(c -> c.body().contains(plate)).toList();
  }

  private void answerLookup(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
      registryCalls.add(
          new RegistryCall(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              headers,
              body,
              exchange.getRemoteAddress().getAddress().getHostAddress()));
      String plate = JSON.readTree(body).path("plate").asText();
      String keeper = KEEPERS.get(plate);
      boolean authorised =
          ("Bearer " + REGISTRY_TOKEN)
              .equals(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!authorised) {
        exchange.sendResponseHeaders(401, -1);
      } else if (keeper == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] answer = keeper.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      }
    }
  }

  private static String keeper(String name, String street, String email, String language) {
    try {
      return JSON.writeValueAsString(
          Map.of(
              "name",
              name,
              "address",
              Map.of("lines", List.of(street, "050000 Almaty"), "country", "KZ"),
              "email",
              email,
              "language",
              language));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MimeMessage awaitMail(String to) throws Exception {
    return CaseFlowIT.await(
        () -> {
          for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
              if (m.getAllRecipients()[0].toString().equals(to)) {
                return m;
              }
            } catch (jakarta.mail.MessagingException e) {
              throw new IllegalStateException(e);
            }
          }
          return null;
        },
        m -> m != null);
  }

  private static byte[] attachment(MimeMessage mail, String fileName) throws Exception {
    Multipart parts = (Multipart) mail.getContent();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      Part p = parts.getBodyPart(i);
      names.add(p.getFileName());
      if (fileName.equals(p.getFileName())) {
        assertThat(p.getContentType()).startsWith("application/pdf");
        return p.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no attachment " + fileName + " among " + names);
  }

  private static String pdfText(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static byte[] onePagePdf() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static String englishMoney(BigDecimal amount) {
    return String.format(Locale.ENGLISH, "%,d", amount.stripTrailingZeros().longValueExact());
  }

  private static String englishDate(LocalDate day) {
    return DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH).format(day);
  }

  private HttpResponse<String> webhook(byte[] body, String signature) throws Exception {
    return http.send(
        HttpRequest.newBuilder(vigil.url().resolve("/api/v1/payments/webhook"))
            .header("Content-Type", "application/json")
            .header("Vigil-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> portalOpen(String notice, String plate) throws Exception {
    String form =
        "notice="
            + URLEncoder.encode(notice, StandardCharsets.UTF_8)
            + "&plate="
            + URLEncoder.encode(plate, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(vigil.url().resolve("/portal"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "ru")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> portalGet(String path, String cookie) throws Exception {
    return http.send(
        (cookie.isEmpty()
                ? HttpRequest.newBuilder(vigil.url().resolve(path))
                : HttpRequest.newBuilder(vigil.url().resolve(path)).header("Cookie", cookie))
            .header("Accept-Language", "ru")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> portalAppeal(String cookie, String csrf, String text, byte[] file)
      throws Exception {
    String boundary = "----vigil-back-office-" + Long.toHexString(System.nanoTime());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "csrf", csrf);
    field(body, boundary, "text", text);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"contract.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(vigil.url().resolve("/portal/appeal"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", cookie)
            .header("Accept-Language", "ru")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String v) {
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + v
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** {@code name=value} of the cookie {@code name} the response sets. */
  private static String cookie(HttpResponse<?> r, String name) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      if (h.startsWith(name + "=")) {
        assertThat(h).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
      }
    }
    throw new AssertionError("no cookie " + name + " in " + r.headers().map());
  }

  private static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the page", regex).isTrue();
    return m.group(1);
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static JsonNode dataset(JsonNode report, String name) {
    for (JsonNode d : report.path("datasets")) {
      if (d.path("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no dataset " + name);
  }

  private static List<String> dimension(JsonNode dataset, String name) {
    List<String> values = new ArrayList<>();
    for (JsonNode row : dataset.path("rows")) {
      values.add(row.path(name).asText());
    }
    return values.stream().distinct().toList();
  }

  private static int port(HttpServer server) {
    return server.getAddress().getPort();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
