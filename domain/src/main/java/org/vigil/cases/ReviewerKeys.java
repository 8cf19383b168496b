package org.vigil.cases;

import java.security.KeyPair;

/**
 * Each reviewer's own Ed25519 signing key, generated on first use. The private key lives only where
 * the implementation keeps it (a file under the key directory), never in the database.
 */
public interface ReviewerKeys {
  /** The key pair of {@code reviewer} (a pseudonym), created durably when there is none. */
  KeyPair keyOf(String reviewer);
}
