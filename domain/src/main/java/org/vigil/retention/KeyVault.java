package org.vigil.retention;

import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where key-encryption keys live: outside the database, so that no dump or backup of it holds one.
 * Destroying a key is what erases the data wrapped under it, everywhere.
 */
public interface KeyVault {
  /**
   * The key {@code id}, created (256 random bits) when there is none. A created key is durable when
   * this returns, so data wrapped under it may then be committed.
   */
  SecretKey createOrGet(KeyId id);

  /** The key {@code id}; empty when it never existed or was destroyed. */
  Optional<SecretKey> get(KeyId id);

  /**
   * Destroys the key {@code id}, durably, when it exists.
   *
   * @return whether there was such a key
   */
  boolean destroy(KeyId id);

  /** Every key alive, in no particular order. */
  List<KeyId> list();
}
