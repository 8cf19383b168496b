package org.vigil.enforcement;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of waiting evidence under keys derived by {@link SectionTags}.
 *
 * <p>A sealed blob is {@code nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)}. The nonce is four
 * zero bytes and a counter of this sealer: every seal key is derived from a fresh epoch key of this
 * process, so a nonce never repeats under one key. One {@link Cipher} per thread is reused; each
 * derived key is zeroed as soon as the cipher has taken it. Thread-safe.
 */
final class Sealer {
  private static final int NONCE = 12;
  private static final int GCM_TAG_BITS = 128;

  private final AtomicLong nonces = new AtomicLong();
  private final ThreadLocal<Cipher> ciphers =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/GCM is not available", e);
            }
          });

  /** {@code plaintext} sealed under {@code key} (32 bytes); zeroes {@code key}. */
  byte[] seal(byte[] key, byte[] plaintext) {
    long n = nonces.incrementAndGet();
    byte[] nonce = new byte[NONCE];
    for (int i = 0; i < 8; i++) {
      nonce[NONCE - 1 - i] = (byte) (n >>> (8 * i));
    }
    try {
      Cipher cipher = ciphers.get();
      cipher.init(
          Cipher.ENCRYPT_MODE, new OneUseKey(key), new GCMParameterSpec(GCM_TAG_BITS, nonce));
      byte[] sealed = new byte[NONCE + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, sealed, 0, NONCE);
      cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM sealing failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The plaintext of {@code sealed}, or {@code null} when {@code key} (32 bytes) does not open it;
   * zeroes {@code key}.
   */
  byte[] open(byte[] key, byte[] sealed) {
    try {
      Cipher cipher = ciphers.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          new OneUseKey(key),
          new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, NONCE));
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM opening failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** A key that hands out copies of bytes its owner zeroes after use. */
  private static final class OneUseKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    private OneUseKey(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public String getAlgorithm() {
      return "AES";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return "OneUseKey[hidden]";
    }
  }
}
