package org.vigil.enforcement;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of waiting evidence under keys derived by {@link SectionTags}.
 *
 * <p>A sealed blob is {@code nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)}. The nonce is 96
 * random bits: epoch keys may be shared between the nodes of a deployment ({@link EpochKeySource}),
 * so two processes may seal under the same derived key, and a per-process counter would repeat
 * across them. With random nonces a repeat under one key is a birthday event of 96 bits; the keys
 * this class is given each seal few messages (one sighting's evidence, or one epoch's transport
 * records, see {@link TransportSeal}). One {@link Cipher} per thread is reused; each derived key is
 * zeroed as soon as the cipher has taken it. Thread-safe when its random generator is (a {@link
 * java.security.SecureRandom} is).
 */
final class Sealer {
  static final int NONCE = 12;
  static final int GCM_TAG_BYTES = 16;
  private static final int GCM_TAG_BITS = 8 * GCM_TAG_BYTES;

  private final RandomGenerator nonces;
  private final ThreadLocal<Cipher> ciphers =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/GCM is not available", e);
            }
          });

  /**
   * @param nonces where the nonces come from: a {@link java.security.SecureRandom} in production, a
   *     seeded generator in tests
   */
  Sealer(RandomGenerator nonces) {
    this.nonces = nonces;
  }

  /** {@code plaintext} sealed under {@code key} (32 bytes); zeroes {@code key}. */
  byte[] seal(byte[] key, byte[] plaintext) {
    byte[] nonce = new byte[NONCE];
    nonces.nextBytes(nonce);
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
    if (sealed.length < NONCE + GCM_TAG_BYTES) {
      Arrays.fill(key, (byte) 0);
      return null;
    }
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
