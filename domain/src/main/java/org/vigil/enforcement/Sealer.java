package org.vigil.enforcement;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKey;
import org.vigil.crypto.Aead;

/**
 * AES-256-GCM sealing of waiting evidence under keys derived by {@link SectionTags}.
 *
 * <p>A sealed blob is {@code nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)}. The nonce is 96
 * random bits: epoch keys may be shared between the nodes of a deployment ({@link EpochKeySource}),
 * so two processes may seal under the same derived key, and a per-process counter would repeat
 * across them. With random nonces a repeat under one key is a birthday event of 96 bits; the keys
 * this class is given each seal few messages (one sighting's evidence, or one epoch's transport
 * records, see {@link TransportSeal}). The cipher is {@link Aead}'s; each derived key is zeroed as
 * soon as the cipher has taken it. Thread-safe when its random generator is (a {@link
 * java.security.SecureRandom} is).
 */
final class Sealer {
  static final int NONCE = Aead.NONCE_BYTES;
  static final int GCM_TAG_BYTES = Aead.TAG_BYTES;

  private final RandomGenerator nonces;
  private final Aead aead = new Aead();

  /**
   * @param nonces where the nonces come from: a {@link java.security.SecureRandom} in production, a
   *     seeded generator in tests
   */
  Sealer(RandomGenerator nonces) {
    this.nonces = nonces;
  }

  /** {@code plaintext} sealed under {@code key} (32 bytes); zeroes {@code key}. */
  byte[] seal(byte[] key, byte[] plaintext) {
    return seal(key, plaintext, 0);
  }

  /**
   * {@code plaintext} sealed under {@code key} (32 bytes) after {@code headroom} bytes for the
   * caller's format; zeroes {@code key}.
   */
  byte[] seal(byte[] key, byte[] plaintext, int headroom) {
    try {
      return aead.seal(new OneUseKey(key), null, plaintext, nonces, headroom);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The plaintext of {@code sealed}, or {@code null} when {@code key} (32 bytes) does not open it;
   * zeroes {@code key}.
   */
  byte[] open(byte[] key, byte[] sealed) {
    return open(key, sealed, 0);
  }

  /** The same, for a value sealed after {@code offset} bytes of the caller's format. */
  byte[] open(byte[] key, byte[] sealed, int offset) {
    try {
      return aead.open(new OneUseKey(key), null, sealed, offset);
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
