package org.vigil.audit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Entries and a log key for the audit tests. */
final class AuditTestData {
  static final Instant T0 = Instant.parse("2026-11-02T07:30:00Z");

  private AuditTestData() {}

  static LogKey key() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new LogKey("vigil.test/audit", pair.getPrivate(), pair.getPublic());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        AuditKind.CONFIG_CHANGE,
        "account:a1b2c3d4e5f6a7b8c9d0",
        "ADMINISTRATOR",
        "camera.put",
        "camera:B-" + i,
        "entry \"" + i + "\"");
  }

  static List<ExportedEntry> entries(int n) {
    List<ExportedEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ExportedEntry.of(new AuditEntry(i, T0.plusSeconds(i), event(i))));
    }
    return out;
  }

  static SignedCheckpoint checkpoint(LogKey key, List<ExportedEntry> entries, int size) {
    List<Hash> leaves = new ArrayList<>();
    for (ExportedEntry e : entries) {
      leaves.add(e.leafHash());
    }
    return key.sign(
        new Checkpoint(key.origin(), size, MerkleTree.root(leaves, size), T0.plusSeconds(size)));
  }
}
