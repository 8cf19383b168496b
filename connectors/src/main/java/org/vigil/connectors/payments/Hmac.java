package org.vigil.connectors.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over {@code t + "." + body}, the webhook signature recipe of docs/payments.md. */
final class Hmac {
  /** The shortest secret accepted, in UTF-8 bytes. */
  static final int MIN_SECRET_BYTES = 16;

  private Hmac() {}

  /** The key of a shared secret: its UTF-8 bytes; never names the secret in a message. */
  static SecretKeySpec key(String secret) {
    Objects.requireNonNull(secret, "secret");
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret must have at least "
              + MIN_SECRET_BYTES
              + " bytes, had "
              + bytes.length);
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** HMAC-SHA256(key, timestamp + "." + body), {@code timestamp} exactly as sent. */
  static byte[] sign(SecretKeySpec key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
