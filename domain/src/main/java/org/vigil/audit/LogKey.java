package org.vigil.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The log's Ed25519 key under its origin, and the signed-note conventions (C2SP signed-note) that
 * tie the two together: the key id is the first four bytes of SHA-256(origin ‖ "\n" ‖ 0x01 ‖ raw
 * public key), and a signature line is {@code — origin base64(key id ‖ signature)}.
 */
public final class LogKey {
  /** The signed-note signature type of Ed25519. */
  private static final byte ED25519 = 0x01;

  /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32 bytes follow it. */
  private static final int SPKI_PREFIX = 12;

  private final String origin;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  /**
   * @throws IllegalArgumentException when either key is not an Ed25519 key
   */
  public LogKey(String origin, PrivateKey privateKey, PublicKey publicKey) {
    new Checkpoint(origin, 0, Hash.sha256(), Instant.EPOCH); // validates the origin
    if (!"Ed25519".equals(privateKey.getAlgorithm())
        && !"EdDSA".equals(privateKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "the log key must be Ed25519, was " + privateKey.getAlgorithm());
    }
    raw(publicKey);
    this.origin = origin;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public String origin() {
    return origin;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code checkpoint}, which must carry this key's origin. */
  public SignedCheckpoint sign(Checkpoint checkpoint) {
    if (!checkpoint.origin().equals(origin)) {
      throw new IllegalArgumentException(
          "checkpoint origin '" + checkpoint.origin() + "' is not this key's '" + origin + "'");
    }
    byte[] body = checkpoint.body().getBytes(StandardCharsets.UTF_8);
    byte[] sig;
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(body);
      sig = s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint with Ed25519", e);
    }
    byte[] keyIdAndSig = new byte[4 + sig.length];
    System.arraycopy(keyId(origin, publicKey), 0, keyIdAndSig, 0, 4);
    System.arraycopy(sig, 0, keyIdAndSig, 4, sig.length);
    String note =
        checkpoint.body()
            + "\n\u2014 "
            + origin
            + " "
            + Base64.getEncoder().encodeToString(keyIdAndSig)
            + "\n";
    return SignedCheckpoint.parse(note);
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  public static byte[] raw(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (!"X.509".equals(key.getFormat()) || spki == null || spki.length != SPKI_PREFIX + 32) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length);
  }

  /** The four-byte signed-note key id of {@code key} under {@code name}. */
  public static byte[] keyId(String name, PublicKey key) {
    byte[] h =
        Hash.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, raw(key))
            .bytes();
    return Arrays.copyOf(h, 4);
  }

  /**
   * The signed-note verifier key, {@code name+hex(key id)+base64(0x01 ‖ raw key)}, which
   * golang.org/x/mod/sumdb/note and other signed-note tools accept.
   */
  public static String verifierKey(String name, PublicKey key) {
    byte[] typed = new byte[33];
    typed[0] = ED25519;
    System.arraycopy(raw(key), 0, typed, 1, 32);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId(name, key))
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }
}
