package org.vigil.retention;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.crypto.Aead;

/**
 * Envelope encryption of one subject's personal data (a violation today, a case later).
 *
 * <p>Design: each subject gets its own random 256-bit data key (DEK). The DEK seals the data with
 * AES-256-GCM under a fresh random 96-bit nonce, with the subject's id as associated data, so that
 * a ciphertext moved to another row does not open. The DEK is stored only wrapped (AES key wrap,
 * RFC 3394) under a key-encryption key (KEK) of the {@link KeyVault}, chosen by retention class and
 * expiry day. Destroying that KEK makes every DEK wrapped under it, and so every ciphertext,
 * useless wherever a copy of it lies; re-wrapping a DEK under another KEK (a legal hold, a closure)
 * moves the subject to another expiry without touching its ciphertext.
 *
 * <p>A sealed value is {@code 0x01 || nonce (12 bytes) || ciphertext and tag}.
 */
public final class Envelopes {
  private static final Aead AEAD = new Aead();
  private static final byte VERSION = 1;

  private static final ThreadLocal<Cipher> KEY_WRAP =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AESWrap");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES key wrap is unusable in this JDK", e);
            }
          });

  private final KeyVault vault;
  private final SecureRandom random;

  public Envelopes(KeyVault vault, SecureRandom random) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * What {@link #seal} makes of a subject's data.
   *
   * @param sealed the data sealed under the DEK
   * @param wrappedKey the DEK wrapped under {@code kek}
   * @param kek the key the DEK is wrapped under
   */
  public record Sealed(byte[] sealed, byte[] wrappedKey, KeyId kek) {
    public Sealed {
      Objects.requireNonNull(sealed, "sealed");
      Objects.requireNonNull(wrappedKey, "wrappedKey");
      Objects.requireNonNull(kek, "kek");
    }
  }

  /** The vault the keys come from. */
  public KeyVault vault() {
    return vault;
  }

  /**
   * Seals {@code plain} for {@code subject} under a new DEK wrapped by {@code kek}, which is
   * created (durably) when it does not exist yet.
   */
  public Sealed seal(UUID subject, byte[] plain, KeyId kek) {
    byte[] dek = new byte[32];
    random.nextBytes(dek);
    try {
      SecretKey dataKey = new SecretKeySpec(dek, "AES");
      return new Sealed(
          encrypt(subject, plain, dataKey), wrap(dataKey, vault.createOrGet(kek)), kek);
    } finally {
      Arrays.fill(dek, (byte) 0);
    }
  }

  /**
   * Seals {@code plain} for {@code subject} under its existing DEK, unwrapped with {@code kek}: a
   * changed subject keeps its key and its expiry.
   *
   * @return the new sealed value, or empty when {@code kek} was destroyed (the subject is shredded)
   */
  public Optional<byte[]> reseal(UUID subject, byte[] plain, byte[] wrappedKey, KeyId kek) {
    Optional<SecretKey> k = vault.get(kek);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(encrypt(subject, plain, unwrap(subject, wrappedKey, k.get())));
  }

  /**
   * Opens what {@link #seal} sealed for {@code subject}.
   *
   * @return the data, or empty when {@code kek} was destroyed: the subject is shredded
   * @throws IllegalStateException naming the subject when the sealed value or the wrapped key was
   *     altered or belongs to another subject
   */
  public Optional<byte[]> open(UUID subject, byte[] sealed, byte[] wrappedKey, KeyId kek) {
    Optional<SecretKey> k = vault.get(kek);
    if (k.isEmpty() || sealed == null || wrappedKey == null) {
      return Optional.empty();
    }
    return Optional.of(decrypt(subject, sealed, unwrap(subject, wrappedKey, k.get())));
  }

  /**
   * The DEK of {@code subject} wrapped under {@code to} instead of {@code from}; {@code to} is
   * created (durably) when it does not exist yet.
   *
   * @return the re-wrapped key, or empty when {@code from} was destroyed (nothing left to move)
   */
  public Optional<byte[]> rewrap(UUID subject, byte[] wrappedKey, KeyId from, KeyId to) {
    Optional<SecretKey> k = vault.get(from);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(wrap(unwrap(subject, wrappedKey, k.get()), vault.createOrGet(to)));
  }

  private byte[] encrypt(UUID subject, byte[] plain, SecretKey dek) {
    byte[] out = AEAD.seal(dek, aad(subject), plain, random, 1);
    out[0] = VERSION;
    return out;
  }

  private static byte[] decrypt(UUID subject, byte[] sealed, SecretKey dek) {
    if (sealed.length < 1 + Aead.NONCE_BYTES + Aead.TAG_BYTES || sealed[0] != VERSION) {
      throw new IllegalStateException("the sealed data of " + subject + " is not an envelope");
    }
    byte[] plain = AEAD.open(dek, aad(subject), sealed, 1);
    if (plain == null) {
      throw new IllegalStateException(
          "the sealed data of " + subject + " fails authentication (altered or moved)");
    }
    return plain;
  }

  private static byte[] wrap(SecretKey dek, SecretKey kek) {
    try {
      Cipher kw = KEY_WRAP.get();
      kw.init(Cipher.WRAP_MODE, kek);
      return kw.wrap(dek);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES key wrap is unusable in this JDK", e);
    }
  }

  private static SecretKey unwrap(UUID subject, byte[] wrapped, SecretKey kek) {
    try {
      Cipher kw = KEY_WRAP.get();
      kw.init(Cipher.UNWRAP_MODE, kek);
      return (SecretKey) kw.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the wrapped data key of " + subject + " does not unwrap under its key", e);
    }
  }

  private static byte[] aad(UUID subject) {
    return ByteBuffer.allocate(16)
        .putLong(subject.getMostSignificantBits())
        .putLong(subject.getLeastSignificantBits())
        .array();
  }
}
