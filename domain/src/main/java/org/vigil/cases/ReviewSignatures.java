package org.vigil.cases;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Signs review decisions with a reviewer's Ed25519 key and verifies them (JDK "Ed25519"). */
public final class ReviewSignatures {
  private ReviewSignatures() {}

  /** {@code d} signed with {@code key}. */
  public static SignedReview sign(ReviewDecision d, KeyPair key) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(d.bytes());
      return new SignedReview(d, s.sign(), key.getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the reviewer's key cannot sign (not Ed25519?)", e);
    }
  }

  /**
   * Whether {@code signature} is the key's over {@code d}'s canonical bytes; false for a malformed
   * key or signature.
   */
  public static boolean verify(ReviewDecision d, byte[] signature, byte[] publicKey) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(d.bytes());
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
