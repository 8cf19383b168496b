package org.vigil.kafka;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one secret every node of a Kafka deployment is given (a 32-byte file, {@code
 * VIGIL_KAFKA_SECRET_FILE}): it never travels, and keys for distinct purposes are derived from it
 * by label, so that no two uses share a key.
 *
 * <p>Uses: wrapping the epoch keys that nodes exchange on {@link KafkaTopics#EPOCH_KEYS}; sealing
 * violations on {@link KafkaTopics#VIOLATIONS}. {@link #toString()} never shows it.
 */
public final class ClusterSecret {
  /** The length of the secret and of every derived key, in bytes. */
  public static final int BYTES = 32;

  private final byte[] secret;
  private volatile boolean destroyed;

  /**
   * @param secret exactly {@value #BYTES} bytes; copied
   * @throws IllegalArgumentException when it has another length
   */
  public ClusterSecret(byte[] secret) {
    if (secret.length != BYTES) {
      throw new IllegalArgumentException(
          "the cluster secret must be " + BYTES + " bytes, was " + secret.length);
    }
    this.secret = secret.clone();
  }

  /**
   * The key for {@code label}: {@code HMAC-SHA256(secret, "vigil/" ‖ label)}, 32 bytes that the
   * caller owns and should zero after use.
   *
   * @throws IllegalStateException once {@link #destroy destroyed}
   */
  public byte[] derive(String label) {
    if (destroyed) {
      throw new IllegalStateException("the cluster secret is destroyed");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(("vigil/" + label).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Zeroes the secret; every derivation fails afterwards. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(secret, (byte) 0);
  }

  @Override
  public String toString() {
    return "ClusterSecret[hidden]";
  }
}
