package org.vigil.transparency;

import org.vigil.audit.SignedCheckpoint;

/**
 * The audit log's latest signed checkpoint, with what anyone needs to check its signature.
 *
 * @param signed the checkpoint and its signed note
 * @param noteVerifierKey the log's key in signed-note verifier form ({@code origin+id+key})
 * @param publicKeyPem the log's Ed25519 public key, PEM
 */
public record PublicCheckpoint(
    SignedCheckpoint signed, String noteVerifierKey, String publicKeyPem) {
  public PublicCheckpoint {
    if (signed == null) {
      throw new IllegalArgumentException("a published checkpoint needs a checkpoint");
    }
  }
}
