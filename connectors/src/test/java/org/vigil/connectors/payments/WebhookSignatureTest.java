package org.vigil.connectors.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.vigil.payment.IncomingPayment;
import org.vigil.payment.PaymentWebhook.Verdict;
import org.vigil.testkit.TestClock;

class WebhookSignatureTest {
  static final String SECRET = "whsec_test_0123456789abcdef";
  private final TestClock clock = TestClock.standard();
  private final WebhookSignature verifier = new WebhookSignature(SECRET, clock);
  private final WebhookSigner signer = new WebhookSigner(SECRET);
  private final byte[] body =
      WebhookSigner.body(
          "pay_0001",
          "N-2026-000123",
          new BigDecimal("12500.00"),
          "KZT",
          Instant.parse("2026-11-02T07:25:00Z"));

  private static Verdict.Rejected rejected(Verdict v) {
    assertThat(v).isInstanceOf(Verdict.Rejected.class);
    return (Verdict.Rejected) v;
  }

  private String reasonFor(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return rejected(verifier.verify(signer.sign(b, clock.instant()), b)).reason();
  }

  @Test
  void a_signed_payment_is_accepted() {
    Verdict v = verifier.verify(signer.sign(body, clock.instant()), body);

    assertThat(v)
        .isEqualTo(
            new Verdict.Accepted(
                new IncomingPayment(
                    IncomingPayment.Source.PROVIDER,
                    "pay_0001",
                    "N-2026-000123",
                    new BigDecimal("12500.00"),
                    "KZT",
                    Instant.parse("2026-11-02T07:25:00Z"))));
  }

  @Test
  void the_recipe_is_hmac_sha256_of_t_dot_body_in_lower_case_hex() throws Exception {
    // What a provider implements from docs/payments.md, independently of WebhookSigner.
    byte[] raw = "{\"id\":\"p1\"}".getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("1793604600.{\"id\":\"p1\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(signer.sign(raw, Instant.ofEpochSecond(1_793_604_600L)))
        .isEqualTo("t=1793604600,v1=" + expected);
    // The same vector from the openssl line in docs/payments.md.
    assertThat(expected)
        .isEqualTo("a339b6e1b990955c1ae6b633487547ad005557c1d79846b7977be6d044d2b19a");
  }

  @Test
  void a_signature_older_or_newer_than_the_tolerance_is_rejected() {
    String header = signer.sign(body, clock.instant());
    clock.advance(Duration.ofMinutes(5));
    assertThat(verifier.verify(header, body)).isInstanceOf(Verdict.Accepted.class);

    clock.advance(Duration.ofSeconds(1));
    assertThat(rejected(verifier.verify(header, body)).reason())
        .isEqualTo(
            "Vigil-Signature t=1793604600 (2026-11-02T07:30:00Z) is 301 s from now, more than the"
                + " tolerance PT5M");

    String future = signer.sign(body, clock.instant().plus(Duration.ofMinutes(6)));
    assertThat(rejected(verifier.verify(future, body)).reason()).contains("is 360 s from now");
  }

  @Test
  void during_a_rotation_any_v1_may_match_any_secret() {
    String next = "whsec_next_fedcba9876543210";
    String oldHeader = signer.sign(body, clock.instant());
    String newHeader = new WebhookSigner(next).sign(body, clock.instant());
    String both = oldHeader + "," + newHeader.substring(newHeader.indexOf("v1="));

    WebhookSignature onlyNew = new WebhookSignature(next, clock);
    assertThat(onlyNew.verify(both, body)).isInstanceOf(Verdict.Accepted.class);
    assertThat(verifier.verify(both, body)).isInstanceOf(Verdict.Accepted.class);
    assertThat(onlyNew.verify(oldHeader, body)).isInstanceOf(Verdict.Rejected.class);

    WebhookSignature rotating =
        new WebhookSignature(List.of(SECRET, next), WebhookSignature.DEFAULT_TOLERANCE, clock);
    assertThat(rotating.verify(oldHeader, body)).isInstanceOf(Verdict.Accepted.class);
    assertThat(rotating.verify(newHeader, body)).isInstanceOf(Verdict.Accepted.class);
  }

  @Test
  void as_the_payment_port_it_reads_the_lower_case_header() {
    String header = signer.sign(body, clock.instant());
    assertThat(verifier.verify(Map.of("vigil-signature", header), body))
        .isInstanceOf(Verdict.Accepted.class);
    assertThat(rejected(verifier.verify(Map.of(), body)).reason())
        .isEqualTo("no Vigil-Signature header");
  }

  @Test
  void bad_headers_name_what_is_wrong() {
    String good = signer.sign(body, clock.instant());
    String v1 = good.substring(good.indexOf("v1="));
    assertThat(rejected(verifier.verify((String) null, body)).reason())
        .isEqualTo("no Vigil-Signature header");
    assertThat(rejected(verifier.verify(v1, body)).reason())
        .isEqualTo("Vigil-Signature has no t= timestamp");
    assertThat(rejected(verifier.verify("t=1793604600", body)).reason())
        .isEqualTo("Vigil-Signature has no v1= signature");
    assertThat(rejected(verifier.verify("t=soon," + v1, body)).reason())
        .isEqualTo("Vigil-Signature t must be unix seconds, was 'soon'");
    assertThat(rejected(verifier.verify("t=1793604600,v1=ABC", body)).reason())
        .isEqualTo("Vigil-Signature v1 must be 64 lower-case hex digits, was 'ABC'");
    assertThat(rejected(verifier.verify("t=1793604600;" + v1, body)).reason())
        .startsWith("Vigil-Signature t must be unix seconds");
    assertThat(rejected(verifier.verify(good + ",garbage", body)).reason())
        .isEqualTo("Vigil-Signature part 3 is not key=value: 'garbage'");
    assertThat(rejected(verifier.verify(good, "{}".getBytes(StandardCharsets.UTF_8))).reason())
        .isEqualTo("Vigil-Signature matches no secret: the body or the signature was altered");
    assertThat(verifier.verify(good + ",v0=legacy", body)).isInstanceOf(Verdict.Accepted.class);
  }

  @Test
  void bad_fields_of_a_signed_body_are_named_with_their_values() {
    assertThat(reasonFor("not json")).isEqualTo("the body is not a JSON object");
    assertThat(
            reasonFor(
                "{\"reference\":\"N-1\",\"amount\":\"10\",\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("field 'id' must be a string of 1 to 100 characters, missing");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":12500,\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("field 'amount' must be a decimal string such as \"12500.00\", was 12500");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"12,50\",\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("field 'amount' must be a decimal string such as \"12500.00\", was \"12,50\"");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"0.00\",\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("field 'amount' must be more than 0, was \"0.00\"");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"1\",\"currency\":\"tenge\","
                    + "\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("field 'currency' must be an ISO 4217 code such as \"KZT\", was \"tenge\"");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"1\",\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-02 07:00\"}"))
        .isEqualTo(
            "field 'paidAt' must be an ISO-8601 time with offset such as"
                + " \"2026-11-02T07:30:00Z\", was \"2026-11-02 07:00\"");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"1\",\"currency\":\"KZT\","
                    + "\"paidAt\":\"2026-11-03T07:00:00Z\"}"))
        .isEqualTo("field 'paidAt' must be not in the future, was \"2026-11-03T07:00:00Z\"");
    assertThat(
            reasonFor(
                "{\"id\":\"p\",\"id\":\"q\",\"reference\":\"N-1\",\"amount\":\"1\","
                    + "\"currency\":\"KZT\",\"paidAt\":\"2026-11-02T07:00:00Z\"}"))
        .isEqualTo("the body is not a JSON object");
  }

  @Test
  void a_paid_at_with_an_offset_is_read_as_its_instant() {
    byte[] b =
        ("{\"id\":\"p\",\"reference\":\"N-1\",\"amount\":\"1500.5\",\"currency\":\"KZT\","
                + "\"paidAt\":\"2026-11-02T12:00:00+05:00\",\"extra\":{\"ignored\":true}}")
            .getBytes(StandardCharsets.UTF_8);
    Verdict v = verifier.verify(signer.sign(b, clock.instant()), b);

    IncomingPayment p = ((Verdict.Accepted) v).payment();
    assertThat(p.paidAt()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
    assertThat(p.amount()).isEqualByComparingTo("1500.50");
  }

  @Test
  void short_secrets_are_refused_without_being_named() {
    assertThatThrownBy(() -> new WebhookSigner("short"))
        .hasMessage("a webhook secret must have at least 16 bytes, had 5");
    assertThat(signer.toString()).doesNotContain(SECRET);
    assertThat(verifier.toString()).doesNotContain(SECRET);
  }
}
