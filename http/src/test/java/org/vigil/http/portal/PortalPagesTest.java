package org.vigil.http.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.http.Route;
import org.vigil.http.pages.PageClient;
import org.vigil.http.pages.PageClient.Reply;
import org.vigil.http.portal.PortalDesk.AppealStatus;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.PortalThrottle;
import org.vigil.notice.Language;
import org.vigil.testkit.TestClock;

/** The citizen portal over real HTTP against a fake of its port. */
class PortalPagesTest {
  static final String NOTICE = "VGL-2026-000123";
  static final String PLATE = "123ABC02";

  TestClock clock = new TestClock(Instant.parse("2026-11-05T08:00:00Z"));
  FakePortalDesk desk;
  PageClient web;

  @BeforeEach
  void start() {
    desk = new FakePortalDesk();
    desk.add(NOTICE, PLATE);
    web =
        new PageClient(
            new PortalPages(
                    desk,
                    new PortalThrottle(clock),
                    new PortalAccess(new byte[32], clock),
                    new LanguageChoice(Language.RU))
                .routes(),
            Route::handler);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  Reply open(String notice, String plate) throws Exception {
    return web.postForm("/portal", Map.of("notice", notice, "plate", plate));
  }

  @Test
  void theFormAsksForTheNoticeNumberAndThePlate() throws Exception {
    Reply r = web.get("/portal");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("<form method=\"post\" action=\"/portal\">", "name=\"notice\"", "name=\"plate\"")
        .contains("hreflang=\"kk\"", "hreflang=\"ru\"");
  }

  @Test
  void theQrCodesPaymentAddressIsTheFormWithTheNumberFilledInAndSaysNothingMore() throws Exception {
    Reply known = web.get("/portal/pay?n=" + NOTICE);
    assertThat(known.status()).as("the address every notice's QR code prints").isEqualTo(200);
    assertThat(known.body())
        .contains("<form method=\"post\" action=\"/portal\">", "name=\"plate\"")
        .contains("name=\"notice\" required", "value=\"" + NOTICE + "\"");
    assertThat(known.setCookies()).isEmpty();
    Reply unknown = web.get("/portal/pay?n=VGL-2026-999999");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(normalise(unknown.body(), "VGL-2026-999999"))
        .isEqualTo(normalise(known.body(), NOTICE));
    assertThat(desk.calls).as("the number alone looks nothing up").isEmpty();

    Reply bad = web.get("/portal/pay?n=%3Cscript%3E");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("role=\"alert\"").doesNotContain("<script>");
    assertThat(web.get("/portal/pay").status()).isEqualTo(400);

    Reply opened = open(NOTICE, PLATE);
    assertThat(opened.status()).as("the form it fills in opens the case").isEqualTo(303);
  }

  @Test
  void theRightPairOpensTheCaseByACookieNeverThePlateInAUrl() throws Exception {
    Reply r = open(NOTICE, "123 abc02");
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).hasValue("/portal/case");
    String cookie =
        r.setCookies().stream()
            .filter(c -> c.startsWith("vigil_portal="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly", "SameSite=Strict", "Path=/portal")
        .doesNotContain(PLATE);

    Reply page = web.get("/portal/case");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Notice VGL-2026-000123", PLATE, "127 km/h", "122 km/h", "100 km/h")
        .contains("58,980 KZT", "29,490 KZT if paid by November 9, 2026", "December 2, 2026")
        .contains("href=\"/portal/notice.pdf\"", "href=\"https://pay.example/?ref=" + NOTICE + "\"")
        .contains("To pay now: 29,490 KZT", "giving the payment reference " + NOTICE)
        .doesNotContain("Nothing is left to pay")
        .contains("enctype=\"multipart/form-data\"", "At most 3 files, each at most 2 MB");
    assertThat(page.body()).doesNotContain("?plate=", "&plate=");

    Reply pdf = web.get("/portal/notice.pdf?lang=ru");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
    assertThat(desk.calls).contains("pdf " + NOTICE + " ru");
    assertThat(web.get("/portal/evidence/0").header("Content-Type")).hasValue("image/jpeg");
  }

  /** Regression: without a provider's page the portal said "Nothing is left to pay". */
  @Test
  void withoutAPaymentPageTheAmountDueAndThePaymentReferenceAreShown() throws Exception {
    desk.withoutPaymentPage(NOTICE);
    assertThat(open(NOTICE, PLATE).status()).isEqualTo(303);
    assertThat(web.get("/portal/case").body())
        .contains("To pay now: 29,490 KZT", "giving the payment reference " + NOTICE)
        .doesNotContain("Nothing is left to pay", "id=\"pay-link\"");
  }

  @Test
  void aWrongPlateAndAnUnknownNoticeGetTheSameAnswer() throws Exception {
    desk.add("VGL-2026-000777", "555KKK02");
    Reply wrongPlate = open("VGL-2026-000777", "999ZZZ01");
    Reply unknown = open("VGL-2026-000778", "999ZZZ01");
    assertThat(wrongPlate.status()).isEqualTo(404).isEqualTo(unknown.status());
    assertThat(normalise(wrongPlate.body(), "VGL-2026-000777"))
        .isEqualTo(normalise(unknown.body(), "VGL-2026-000778"));
    assertThat(wrongPlate.body())
        .contains("role=\"alert\"", "No notice matches this number and plate");
    assertThat(wrongPlate.setCookies()).noneMatch(c -> c.startsWith("vigil_portal="));
    assertThat(web.get("/portal/case").status()).isEqualTo(303);
  }

  @Test
  void wrongPairsAreLimitedPerNoticeNumberWhetherItExistsOrNot() throws Exception {
    List<Integer> known = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      known.add(open(NOTICE, "000AAA0" + i).status());
    }
    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 6; i++) {
      unknown.add(open("VGL-2026-555555", "000AAA0" + i).status());
    }
    assertThat(known).isEqualTo(unknown).containsExactly(404, 404, 404, 404, 404, 429);
    Reply right = open(NOTICE, PLATE);
    assertThat(right.status()).as("even the right plate waits").isEqualTo(429);
    assertThat(right.header("Retry-After")).isPresent();
    assertThat(right.body())
        .contains("role=\"alert\"", "Too many attempts. Try again in 15 minutes.");
    assertThat(normalise(right.body(), NOTICE))
        .isEqualTo(normalise(open("VGL-2026-555555", PLATE).body(), "VGL-2026-555555"));

    clock.advance(Duration.ofMinutes(15));
    assertThat(open(NOTICE, PLATE).status()).isEqualTo(303);
  }

  @Test
  void wrongPairsAreLimitedPerClient() throws Exception {
    for (int i = 0; i < PortalThrottle.MAX_FAILURES; i++) {
      assertThat(open("VGL-2026-1000" + i, PLATE).status()).isEqualTo(404);
    }
    assertThat(open(NOTICE, PLATE).status()).isEqualTo(429);
  }

  @Test
  void badInputIsNamedAndNotEchoedUnescaped() throws Exception {
    Reply r = open("<b>", PLATE);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("role=\"alert\"", "1 to 40 letters").doesNotContain("<b>");
    Reply plate = open(NOTICE, "<script>");
    assertThat(plate.status()).isEqualTo(400);
    assertThat(plate.body())
        .contains("The plate must be 1 to 16 letters and digits")
        .doesNotContain("<script>");
  }

  @Test
  void anAppealWithTextAndAFileIsFiledAndItsDecisionShown() throws Exception {
    open(NOTICE, PLATE);
    String csrf = csrf(web.get("/portal/case").body());
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3};
    Reply r =
        appeal(
            csrf,
            "Мен көлікті басқарған жоқпын",
            List.of(new Part("фото.jpg", "image/jpeg", jpeg)));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    assertThat(r.header("Location")).hasValue("/portal/case?done=appealed");
    assertThat(desk.calls).contains("appeal " + NOTICE + " en Мен көлікті басқарған жоқпын");
    assertThat(desk.filed.getFirst())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("фото.jpg");
              assertThat(f.mediaType()).isEqualTo("image/jpeg");
              assertThat(f.bytes()).isEqualTo(jpeg);
            });
    assertThat(web.get("/portal/case?done=appealed").body())
        .contains("role=\"status\"", "Your appeal was received", "waiting for a decision");

    desk.decide(NOTICE, AppealStatus.UPHELD, "The camera's calibration had lapsed.");
    assertThat(web.language("ru").get("/portal/case?lang=ru").body())
        .contains("Ваша жалоба удовлетворена", "The camera&#39;s calibration had lapsed.");
  }

  @Test
  void attachmentsOverTheLimitsAreRefusedNamingTheLimit() throws Exception {
    open(NOTICE, PLATE);
    String csrf = csrf(web.get("/portal/case").body());
    Reply gif = appeal(csrf, "text", List.of(new Part("x.gif", "image/jpeg", "GIF89a".getBytes())));
    assertThat(gif.status()).isEqualTo(400);
    assertThat(gif.body())
        .contains("role=\"alert\"", "The file &quot;x.gif&quot; is not a JPEG, PNG or PDF file");

    byte[] big = new byte[PortalPages.MAX_FILE_BYTES + 1];
    big[0] = '%';
    big[1] = 'P';
    big[2] = 'D';
    big[3] = 'F';
    big[4] = '-';
    Reply large = appeal(csrf, "text", List.of(new Part("scan.pdf", "application/pdf", big)));
    assertThat(large.status()).isEqualTo(400);
    assertThat(large.body())
        .contains("The file &quot;scan.pdf&quot; is too large: each file may be at most 2 MB.");

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
    List<Part> four =
        List.of(
            new Part("1.png", "image/png", png),
            new Part("2.png", "image/png", png),
            new Part("3.png", "image/png", png),
            new Part("4.png", "image/png", png));
    Reply many = appeal(csrf, "text", four);
    assertThat(many.body()).contains("At most 3 files may be attached; 4 were sent.");

    Reply empty = appeal(csrf, "  ", List.of());
    assertThat(empty.body()).contains("Write why the notice is wrong.");
    // regression: the language links repeated the form's action, which answers only a post
    assertThat(empty.body())
        .contains("href=\"/portal/case?lang=kk\"")
        .doesNotContain("/portal/appeal?lang=");
    assertThat(desk.filed).isEmpty();
  }

  @Test
  void anAppealWithoutTheFormsCsrfValueIsRefused() throws Exception {
    open(NOTICE, PLATE);
    Reply r = appeal("forged", "text", List.of());
    assertThat(r.status()).isEqualTo(403);
    assertThat(desk.filed).isEmpty();
  }

  @Test
  void withoutAccessTheCaseAndItsFilesRedirectToTheForm() throws Exception {
    for (String path : new String[] {"/portal/case", "/portal/notice.pdf", "/portal/evidence/0"}) {
      Reply r = web.get(path);
      assertThat(r.status()).as(path).isEqualTo(303);
      assertThat(r.header("Location")).hasValue("/portal?ended");
    }
    web.cookies().put("vigil_portal", "forged.9999999999.AAAA");
    assertThat(web.get("/portal/case").status()).isEqualTo(303);
    assertThat(web.get("/portal?ended").body()).contains("Your access to the notice has ended");
  }

  @Test
  void accessEndsAfterItsLifetimeAndOnClose() throws Exception {
    open(NOTICE, PLATE);
    String csrf = csrf(web.get("/portal/case").body());
    Reply closed = web.postForm("/portal/close", Map.of("csrf", csrf));
    assertThat(closed.status()).isEqualTo(303);
    assertThat(web.get("/portal/case").status()).isEqualTo(303);

    open(NOTICE, PLATE);
    assertThat(web.get("/portal/case").status()).isEqualTo(200);
    clock.advance(PortalAccess.LIFETIME);
    assertThat(web.get("/portal/case").status()).isEqualTo(303);
  }

  @Test
  void thePortalSpeaksKazakhRussianAndEnglish() throws Exception {
    assertThat(web.language("kk-KZ").get("/portal").body())
        .contains("<html lang=\"kk\">", "Қаулыны қарау", "Мемлекеттік нөмір");
    assertThat(web.language("ru").get("/portal").body())
        .contains("<html lang=\"ru\">", "Посмотреть постановление", "Госномер");
    assertThat(web.language("de").get("/portal").body()).contains("<html lang=\"ru\">");
    assertThat(web.get("/portal?lang=xx").status()).isEqualTo(400);
    web.language("ru").get("/portal?lang=en");
    assertThat(web.get("/portal").body()).contains("<html lang=\"en\">", "See your traffic notice");
    open(NOTICE, PLATE);
    assertThat(web.get("/portal/case?lang=kk").body())
        .contains("58\u00a0980 KZT", "Жылдамдықты асыру", "км/сағ");
  }

  // ---- helpers ----

  record Part(String fileName, String type, byte[] bytes) {}

  Reply appeal(String csrf, String text, List<Part> files) throws Exception {
    String boundary = "----vigil" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, boundary, "csrf", csrf);
    field(out, boundary, "text", text);
    for (Part p : files) {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + p.fileName()
                  + "\"\r\nContent-Type: "
                  + p.type()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(p.bytes());
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return web.post(
        "/portal/appeal", "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a csrf field").isTrue();
    return m.group(1);
  }

  static String normalise(String body, String notice) {
    return body.replace(notice, "NOTICE");
  }
}
