package org.vigil.retention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which key-encryption keys a purge destroys: those of a retention day before today. The key of
 * today's expiry day lives through today; a legal hold's key is never due.
 */
public final class PurgePolicy {
  private PurgePolicy() {}

  /** The keys of {@code keys} due on {@code today}, oldest day first, each once. */
  public static List<KeyId> due(LocalDate today, Collection<KeyId> keys) {
    return keys.stream()
        .filter(k -> !k.isHold() && k.day().isBefore(today))
        .distinct()
        .sorted(Comparator.comparing(KeyId::day).thenComparing(KeyId::retentionClass))
        .toList();
  }
}
