package org.vigil.audit;

/**
 * An entry as an export states it: its content and the leaf hash stated beside it, which the
 * verifier recomputes.
 */
public record ExportedEntry(AuditEntry entry, Hash leafHash) {
  public ExportedEntry {
    if (entry == null || leafHash == null) {
      throw new IllegalArgumentException("an exported entry needs its content and its leaf hash");
    }
  }

  /** The entry with its true leaf hash. */
  public static ExportedEntry of(AuditEntry entry) {
    return new ExportedEntry(entry, entry.leafHash());
  }
}
