package org.vigil.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** A SHA-256 digest: 32 bytes, compared by value. Immutable: it copies in and out. */
public final class Hash {
  /** The length of a SHA-256 digest in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The digest {@code bytes}.
   *
   * @throws IllegalArgumentException unless there are exactly 32 bytes
   */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a hash has 32 bytes, this has " + (bytes == null ? "none" : bytes.length));
    }
    return new Hash(bytes.clone());
  }

  /**
   * The digest in standard base64, as checkpoints and exports write it.
   *
   * @throws IllegalArgumentException naming the text when it is not base64 of 32 bytes
   */
  public static Hash ofBase64(String text) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("'" + text + "' is not base64", e);
    }
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("'" + text + "' is not base64 of 32 bytes");
    }
    return new Hash(raw);
  }

  /** SHA-256 of the concatenation of {@code parts}. */
  public static Hash sha256(byte[]... parts) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    for (byte[] p : parts) {
      md.update(p);
    }
    return new Hash(md.digest());
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Standard base64 with padding. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && MessageDigest.isEqual(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base64();
  }
}
