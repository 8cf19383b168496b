package org.vigil.connectors.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vigil.payment.IncomingPayment;
import org.vigil.payment.PaymentWebhook.Verdict;
import org.vigil.testkit.TestClock;

/** The signature holds for every genuine webhook and for no altered one. */
class WebhookSignaturePropertiesTest {
  private static final Instant NOW = Instant.parse("2026-11-02T07:30:00Z");
  private final WebhookSignature verifier =
      new WebhookSignature(WebhookSignatureTest.SECRET, new TestClock(NOW));
  private final WebhookSigner signer = new WebhookSigner(WebhookSignatureTest.SECRET);

  /** A genuine webhook: body and header. */
  record Webhook(IncomingPayment payment, byte[] body, String header) {}

  @Provide
  Arbitrary<Webhook> webhooks() {
    Arbitrary<String> ids =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> references =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars('-', '/', ' ')
            .ofMinLength(1)
            .ofMaxLength(30)
            .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<BigDecimal> amounts =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.01"), new BigDecimal("10000000"))
            .ofScale(2);
    Arbitrary<String> currencies = Arbitraries.of("KZT", "USD", "EUR", "RUB");
    Arbitrary<Instant> paid =
        Arbitraries.longs().between(0, 30L * 86_400).map(s -> NOW.minusSeconds(s));
    Arbitrary<Long> skew = Arbitraries.longs().between(-300, 300);
    return Combinators.combine(ids, references, amounts, currencies, paid, skew)
        .as(
            (id, ref, amount, currency, at, s) -> {
              byte[] body = WebhookSigner.body(id, ref, amount, currency, at);
              String header = signer.sign(body, NOW.plusSeconds(s));
              return new Webhook(
                  new IncomingPayment(
                      IncomingPayment.Source.PROVIDER, id, ref, amount, currency, at),
                  body,
                  header);
            });
  }

  @Property
  void a_genuine_webhook_is_accepted_with_its_payment(@ForAll("webhooks") Webhook w) {
    assertThat(verifier.verify(w.header(), w.body())).isEqualTo(new Verdict.Accepted(w.payment()));
  }

  @Property
  void any_single_byte_change_of_the_body_is_rejected(
      @ForAll("webhooks") Webhook w,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int delta) {
    byte[] altered = w.body().clone();
    int i = where % altered.length;
    altered[i] = (byte) (altered[i] + delta);

    assertThat(verifier.verify(w.header(), altered)).isInstanceOf(Verdict.Rejected.class);
  }

  @Property
  void any_single_byte_change_of_the_signature_header_is_rejected(
      @ForAll("webhooks") Webhook w,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int delta) {
    byte[] header = w.header().getBytes(StandardCharsets.ISO_8859_1);
    int i = where % header.length;
    header[i] = (byte) (header[i] + delta);

    assertThat(verifier.verify(new String(header, StandardCharsets.ISO_8859_1), w.body()))
        .isInstanceOf(Verdict.Rejected.class);
  }

  /**
   * Exhaustive over the header: every position, every other byte value (so that, e.g., an
   * upper-case hex digit, which would still decode to the same signature, is caught).
   */
  @Property(tries = 3)
  void every_single_byte_change_of_the_signature_header_is_rejected(@ForAll("webhooks") Webhook w) {
    byte[] original = w.header().getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < original.length; i++) {
      for (int b = 0; b < 256; b++) {
        if (b == (original[i] & 0xff)) {
          continue;
        }
        byte[] header = original.clone();
        header[i] = (byte) b;
        String altered = new String(header, StandardCharsets.ISO_8859_1);
        assertThat(verifier.verify(altered, w.body()))
            .as("byte %d set to %d", i, b)
            .isInstanceOf(Verdict.Rejected.class);
      }
    }
  }

  @Property
  void a_timestamp_past_the_tolerance_is_rejected(
      @ForAll("webhooks") Webhook w, @ForAll @IntRange(min = 301, max = 100_000) int seconds) {
    TestClock later = new TestClock(NOW.plus(Duration.ofSeconds(300 + seconds)));
    WebhookSignature v = new WebhookSignature(WebhookSignatureTest.SECRET, later);

    assertThat(v.verify(w.header(), w.body())).isInstanceOf(Verdict.Rejected.class);
  }
}
