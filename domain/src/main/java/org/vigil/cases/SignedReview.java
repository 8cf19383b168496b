package org.vigil.cases;

import java.util.Objects;

/**
 * A review decision with its Ed25519 signature and the reviewer's public key (X.509
 * SubjectPublicKeyInfo DER), as stored and published.
 */
public record SignedReview(ReviewDecision decision, byte[] signature, byte[] publicKey) {
  public SignedReview {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** Whether the signature is the public key's over the decision's canonical bytes. */
  public boolean verifies() {
    return ReviewSignatures.verify(decision, signature, publicKey);
  }
}
