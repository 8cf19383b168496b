package org.vigil.crypto;

import java.security.GeneralSecurityException;
import java.util.random.RandomGenerator;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce and a 128-bit tag: the one authenticated encryption every
 * sealed value of Vigil uses (section evidence, transport records, violations on Kafka, wrapped
 * epoch keys, personal-data envelopes).
 *
 * <p>Layout: {@code headroom} bytes the caller fills (a format version), then {@code nonce (12) ‖
 * ciphertext ‖ tag (16)}. The associated data is whatever the caller binds the value to (a
 * subject's id, an epoch), so that a value moved elsewhere does not open. Random nonces, because
 * several processes may seal under one key: a key must then seal fewer than 2<sup>32</sup> values
 * (NIST SP 800-38D). Each instance reuses one {@link Cipher} per thread (looking a cipher up per
 * value cost as much as the sealing); thread-safe.
 */
public final class Aead {
  /** Nonce length in bytes. */
  public static final int NONCE_BYTES = 12;

  /** Tag length in bytes. */
  public static final int TAG_BYTES = 16;

  private static final byte[] NONE = new byte[0];

  private final ThreadLocal<Cipher> ciphers =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/GCM is not available in this JDK", e);
            }
          });

  /** An instance with ciphers of its own. */
  public Aead() {}

  /**
   * {@code plain} sealed under {@code key} and bound to {@code aad} (null: none), after {@code
   * headroom} zero bytes for the caller.
   */
  public byte[] seal(
      SecretKey key, byte[] aad, byte[] plain, RandomGenerator nonces, int headroom) {
    byte[] nonce = new byte[NONCE_BYTES];
    nonces.nextBytes(nonce);
    try {
      Cipher gcm = ciphers.get();
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(8 * TAG_BYTES, nonce));
      gcm.updateAAD(aad == null ? NONE : aad);
      byte[] out = new byte[headroom + NONCE_BYTES + gcm.getOutputSize(plain.length)];
      System.arraycopy(nonce, 0, out, headroom, NONCE_BYTES);
      gcm.doFinal(plain, 0, plain.length, out, headroom + NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM sealing failed", e);
    }
  }

  /**
   * The plaintext of what {@link #seal} wrote into {@code sealed} from {@code offset} on (its
   * headroom), or {@code null} when it does not open under {@code key} and {@code aad}: another
   * key, other associated data, altered or truncated bytes.
   */
  public byte[] open(SecretKey key, byte[] aad, byte[] sealed, int offset) {
    if (sealed.length - offset < NONCE_BYTES + TAG_BYTES) {
      return null;
    }
    try {
      Cipher gcm = ciphers.get();
      gcm.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(8 * TAG_BYTES, sealed, offset, NONCE_BYTES));
      gcm.updateAAD(aad == null ? NONE : aad);
      int from = offset + NONCE_BYTES;
      return gcm.doFinal(sealed, from, sealed.length - from);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM opening failed", e);
    }
  }
}
