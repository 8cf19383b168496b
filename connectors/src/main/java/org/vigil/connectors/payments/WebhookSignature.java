package org.vigil.connectors.payments;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.payment.IncomingPayment;
import org.vigil.payment.PaymentWebhook;

/**
 * Verifies a payment provider's webhook and reads the payment it reports (docs/payments.md).
 *
 * <p>The header {@code Vigil-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]} carries one or more
 * lower-case hex HMAC-SHA256(secret, t + "." + raw body); during a secret rotation the provider
 * sends one {@code v1} per secret, and this verifier may hold several secrets too. A webhook is
 * accepted when any {@code v1} matches any secret (compared in constant time) and {@code t} is
 * within the tolerance of the clock, in either direction. Other keys (future schemes) are ignored.
 * The body is read only after the signature holds.
 *
 * <p>Replays inside the tolerance and duplicates (the provider retrying) are not this class's
 * concern: the payment's id becomes {@link IncomingPayment#sourceId()}, which the case store keeps
 * unique per source, so a second delivery is ignored there.
 *
 * <p>Rejections name the bad part, field and value; no field of the body is personal data. Secrets
 * never appear. Thread-safe.
 */
public final class WebhookSignature implements PaymentWebhook {

  /** The name of the signature header. */
  public static final String HEADER = "Vigil-Signature";

  /** The default tolerance between the signature's {@code t} and the clock. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final int MAX_HEADER_LENGTH = 2048;
  private static final int MAX_SIGNATURES = 8;
  private static final int MAX_SHOWN = 64;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final List<SecretKeySpec> keys;
  private final Duration tolerance;
  private final Clock clock;

  /**
   * @param secrets the secrets shared with the provider (one, or two during a rotation), each at
   *     least 16 bytes in UTF-8
   * @param tolerance how far {@code t} may be from the clock, PT1S to PT1H
   * @param clock the clock {@code t} is judged against
   */
  public WebhookSignature(List<String> secrets, Duration tolerance, Clock clock) {
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a webhook verifier needs at least one secret");
    }
    this.keys = secrets.stream().map(Hmac::key).toList();
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.compareTo(Duration.ofSeconds(1)) < 0
        || tolerance.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "the webhook tolerance must be between PT1S and PT1H, was " + tolerance);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A verifier of one secret with the {@link #DEFAULT_TOLERANCE}. */
  public WebhookSignature(String secret, Clock clock) {
    this(List.of(secret), DEFAULT_TOLERANCE, clock);
  }

  /** Verifies one webhook call by its {@code vigil-signature} header (names in lower case). */
  @Override
  public Verdict verify(Map<String, String> headers, byte[] body) {
    return verify(headers.get(HEADER.toLowerCase(Locale.ROOT)), body);
  }

  /**
   * Verifies one webhook.
   *
   * @param header the {@code Vigil-Signature} header's value, or null when there was none
   * @param body the request body exactly as received
   */
  public Verdict verify(String header, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (header == null || header.isBlank()) {
      return reject("no " + HEADER + " header");
    }
    if (header.length() > MAX_HEADER_LENGTH) {
      return reject(HEADER + " is longer than " + MAX_HEADER_LENGTH + " characters");
    }
    String t = null;
    List<byte[]> signatures = new ArrayList<>();
    String[] parts = header.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return reject(HEADER + " part " + (i + 1) + " is not key=value: '" + shown(part) + "'");
      }
      String k = part.substring(0, eq);
      String v = part.substring(eq + 1);
      if (k.equals("t")) {
        if (t != null) {
          return reject(HEADER + " has more than one t=");
        }
        if (!v.matches("[0-9]{1,12}")) {
          return reject(HEADER + " t must be unix seconds, was '" + shown(v) + "'");
        }
        t = v;
      } else if (k.equals("v1")) {
        if (!v.matches("[0-9a-f]{64}")) {
          return reject(HEADER + " v1 must be 64 lower-case hex digits, was '" + shown(v) + "'");
        }
        if (signatures.size() == MAX_SIGNATURES) {
          return reject(HEADER + " has more than " + MAX_SIGNATURES + " v1 signatures");
        }
        signatures.add(HexFormat.of().parseHex(v));
      }
    }
    if (t == null) {
      return reject(HEADER + " has no t= timestamp");
    }
    if (signatures.isEmpty()) {
      return reject(HEADER + " has no v1= signature");
    }
    boolean matched = false;
    for (SecretKeySpec key : keys) {
      byte[] expected = Hmac.sign(key, t, body);
      for (byte[] signature : signatures) {
        matched |= MessageDigest.isEqual(expected, signature);
      }
    }
    if (!matched) {
      return reject(HEADER + " matches no secret: the body or the signature was altered");
    }
    Instant now = clock.instant();
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
    Duration skew = Duration.between(signedAt, now).abs();
    if (skew.compareTo(tolerance) > 0) {
      return reject(
          HEADER
              + " t="
              + t
              + " ("
              + signedAt
              + ") is "
              + skew.toSeconds()
              + " s from now, more than the tolerance "
              + tolerance);
    }
    return payment(body, now);
  }

  private Verdict payment(byte[] body, Instant now) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return reject("the body is not a JSON object");
    }
    if (root == null || !root.isObject()) {
      return reject("the body is not a JSON object");
    }
    JsonNode id = root.get("id");
    if (!isText(id) || id.asText().isBlank() || id.asText().length() > 100) {
      return reject(field("id", id, "a string of 1 to 100 characters"));
    }
    JsonNode reference = root.get("reference");
    if (!isText(reference) || reference.asText().isBlank() || reference.asText().length() > 100) {
      return reject(field("reference", reference, "a string of 1 to 100 characters"));
    }
    JsonNode amount = root.get("amount");
    if (!isText(amount) || !amount.asText().matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
      return reject(field("amount", amount, "a decimal string such as \"12500.00\""));
    }
    BigDecimal value = new BigDecimal(amount.asText());
    if (value.signum() <= 0) {
      return reject(field("amount", amount, "more than 0"));
    }
    JsonNode currency = root.get("currency");
    if (!isText(currency) || !currency.asText().matches("[A-Z]{3}")) {
      return reject(field("currency", currency, "an ISO 4217 code such as \"KZT\""));
    }
    JsonNode paidAt = root.get("paidAt");
    Instant paid;
    try {
      if (!isText(paidAt)) {
        throw new DateTimeParseException("not a string", "", 0);
      }
      paid =
          OffsetDateTime.parse(paidAt.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return reject(
          field("paidAt", paidAt, "an ISO-8601 time with offset such as \"2026-11-02T07:30:00Z\""));
    }
    if (paid.isAfter(now.plus(tolerance))) {
      return reject(field("paidAt", paidAt, "not in the future"));
    }
    return new Verdict.Accepted(
        new IncomingPayment(
            IncomingPayment.Source.PROVIDER,
            id.asText(),
            reference.asText().strip(),
            value,
            currency.asText(),
            paid));
  }

  private static boolean isText(JsonNode node) {
    return node != null && node.isTextual();
  }

  private static String field(String name, JsonNode value, String expected) {
    String was =
        value == null || value.isMissingNode() ? "missing" : "was " + shown(value.toString());
    return "field '" + name + "' must be " + expected + ", " + was;
  }

  private static String shown(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
  }

  private static Verdict reject(String reason) {
    return new Verdict.Rejected(reason);
  }

  @Override
  public String toString() {
    return "WebhookSignature[" + keys.size() + " secret(s), tolerance " + tolerance + "]";
  }
}
