package org.vigil.testkit;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.retention.KeyId;
import org.vigil.retention.KeyVault;

/** A key vault in memory, for tests: nothing is durable, destroy forgets. */
public final class InMemoryKeyVault implements KeyVault {
  private final Map<KeyId, SecretKey> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @Override
  public SecretKey createOrGet(KeyId id) {
    return keys.computeIfAbsent(
        id,
        k -> {
          byte[] b = new byte[32];
          random.nextBytes(b);
          return new SecretKeySpec(b, "AES");
        });
  }

  @Override
  public Optional<SecretKey> get(KeyId id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public boolean destroy(KeyId id) {
    return keys.remove(id) != null;
  }

  @Override
  public List<KeyId> list() {
    return List.copyOf(keys.keySet());
  }
}
