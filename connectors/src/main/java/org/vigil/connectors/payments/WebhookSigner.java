package org.vigil.connectors.payments;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way a payment provider does (docs/payments.md): {@code Vigil-Signature:
 * t=<unix seconds>,v1=<lower-case hex HMAC-SHA256(secret, t + "." + body)>}. For tests and for the
 * demo, which pays a notice the way a provider would.
 */
public final class WebhookSigner {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SecretKeySpec key;

  /**
   * @param secret the secret shared with the receiver, at least 16 bytes in UTF-8
   */
  public WebhookSigner(String secret) {
    this.key = Hmac.key(secret);
  }

  /** The {@code Vigil-Signature} header value for {@code body} sent at {@code at}. */
  public String sign(byte[] body, Instant at) {
    Objects.requireNonNull(body, "body");
    String t = Long.toString(at.getEpochSecond());
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(Hmac.sign(key, t, body));
  }

  /**
   * A webhook body: {@code {"id","reference","amount","currency","paidAt"}} in UTF-8, the amount as
   * a plain decimal string.
   */
  public static byte[] body(
      String id, String reference, BigDecimal amount, String currency, Instant paidAt) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", Objects.requireNonNull(id, "id"));
    node.put("reference", Objects.requireNonNull(reference, "reference"));
    node.put("amount", Objects.requireNonNull(amount, "amount").toPlainString());
    node.put("currency", Objects.requireNonNull(currency, "currency"));
    node.put("paidAt", Objects.requireNonNull(paidAt, "paidAt").toString());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a webhook body", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSigner[secret ****]";
  }
}
