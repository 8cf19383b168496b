package org.vigil.notices.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.enforcement.ViolationType;
import org.vigil.keeper.Keeper;
import org.vigil.notice.Channel;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeChannel.DeliveryFailure;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.OutgoingNotice;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.notices.testing.Letters;

/** {@link HttpSmsChannel} against a real HTTP server on a local port. */
class HttpSmsChannelIT {
  static final PdfNoticeRenderer RENDERER = new PdfNoticeRenderer();
  static final String PHONE = "+77011234567";

  record Received(String method, String auth, String contentType, String body) {}

  HttpServer server;
  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final AtomicInteger status = new AtomicInteger(202);
  volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/sms",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          if (delayMillis > 0) {
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] answer = ("{\"echo\":\"" + PHONE + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  SmsSettings settings(Duration requestTimeout) {
    return new SmsSettings(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"),
        "tok-123",
        Duration.ofSeconds(2),
        requestTimeout);
  }

  HttpSmsChannel channel() {
    return new HttpSmsChannel(settings(Duration.ofSeconds(5)), RENDERER);
  }

  static OutgoingNotice notice(NoticeLetter letter) {
    return new OutgoingNotice("delivery-9", Channel.SMS, letter, new byte[0]);
  }

  @Test
  void postsTheTextAsJsonWithTheBearerToken() throws Exception {
    NoticeLetter letter = Letters.speeding(Language.RU);

    channel().deliver(notice(letter));

    Received r = received.poll(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.auth()).isEqualTo("Bearer tok-123");
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"to\":\""
                + PHONE
                + "\",\"text\":\""
                + RENDERER.sms(letter)
                + "\",\"reference\":\"delivery-9\"}");
    assertThat(r.body()).contains("Уведомление № KZ-2026-000123");
  }

  @ParameterizedTest
  @CsvSource({
    "400,true",
    "401,true",
    "404,true",
    "422,true",
    "408,false",
    "429,false",
    "500,false",
    "502,false",
    "503,false"
  })
  void anErrorStatusIsPermanentOnlyForAClientError(int answer, boolean permanent) {
    status.set(answer);

    assertThatThrownBy(() -> channel().deliver(notice(Letters.speeding(Language.EN))))
        .isInstanceOfSatisfying(
            DeliveryFailure.class, f -> assertThat(f.permanent()).isEqualTo(permanent))
        .hasMessage(
            "notice KZ-2026-000123 via SMS gateway 127.0.0.1: the gateway answered " + answer)
        .message()
        .doesNotContain(PHONE, "tok-123");
  }

  @Test
  void everySuccessStatusIsDelivered() {
    for (int ok : new int[] {200, 201, 202, 204}) {
      status.set(ok);
      assertThatCode(() -> channel().deliver(notice(Letters.speeding(Language.KK))))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aGatewayTooSlowToAnswerIsRetried() {
    delayMillis = 2000;
    HttpSmsChannel impatient = new HttpSmsChannel(settings(Duration.ofMillis(300)), RENDERER);

    assertThatThrownBy(() -> impatient.deliver(notice(Letters.speeding(Language.EN))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse())
        .hasMessageEndingWith("timed out");
  }

  @Test
  void aGatewayThatIsDownIsRetried() {
    SmsSettings s = settings(Duration.ofSeconds(2));
    server.stop(0);

    assertThatThrownBy(
            () -> new HttpSmsChannel(s, RENDERER).deliver(notice(Letters.speeding(Language.EN))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse())
        .message()
        .doesNotContain(PHONE);
  }

  @Test
  void aKeeperWithoutAPhoneIsAPermanentFailureAndNothingIsSent() {
    NoticeLetter l = Letters.letter(Language.EN, ViolationType.WRONG_WAY, Double.NaN, 0, 0, null);
    Keeper k = l.keeper();
    NoticeLetter noPhone =
        new NoticeLetter(
            l.noticeNumber(),
            l.language(),
            l.issuedOn(),
            new Keeper(k.name(), k.address(), k.email(), null, k.language()),
            l.plateText(),
            l.type(),
            l.place(),
            l.observedAt(),
            l.zone(),
            l.measuredSpeedKmh(),
            l.retainedSpeedKmh(),
            l.limitKmh(),
            l.detail(),
            l.legalBasis(),
            l.amount(),
            l.currency(),
            l.discountedAmount(),
            l.discountLastDay(),
            l.payBy(),
            l.portal());

    assertThatThrownBy(() -> channel().deliver(notice(noPhone)))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isTrue())
        .hasMessage("notice KZ-2026-000123: the keeper has no phone number");
    assertThat(received).isEmpty();
  }

  @Test
  void jsonStringsAreEscaped() {
    assertThat(HttpSmsChannel.json("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é\"");
  }

  @Test
  void settingsComeFromTheEnvironmentAndNameTheBadVariable() {
    SmsSettings s =
        SmsSettings.fromEnv(
            Map.of("VIGIL_SMS_URL", "https://sms.example/api/send", "VIGIL_SMS_TOKEN", "t0k"));
    assertThat(s.url()).isEqualTo(URI.create("https://sms.example/api/send"));
    assertThat(s.token()).isEqualTo("t0k");
    assertThat(s.toString()).doesNotContain("t0k");

    assertThatThrownBy(
            () -> SmsSettings.fromEnv(Map.of("VIGIL_SMS_URL", "ftp://x", "VIGIL_SMS_TOKEN", "t")))
        .hasMessage("VIGIL_SMS_URL must be an http(s) URL, was 'ftp://x'");
    assertThatThrownBy(
            () -> SmsSettings.fromEnv(Map.of("VIGIL_SMS_URL", "not a url", "VIGIL_SMS_TOKEN", "t")))
        .hasMessage("VIGIL_SMS_URL must be an http(s) URL, was 'not a url'");
    assertThatThrownBy(() -> SmsSettings.fromEnv(Map.of("VIGIL_SMS_URL", "https://sms.example")))
        .hasMessage("VIGIL_SMS_TOKEN must be set");
    assertThatThrownBy(() -> SmsSettings.fromEnv(Map.of())).hasMessage("VIGIL_SMS_URL must be set");
  }
}
