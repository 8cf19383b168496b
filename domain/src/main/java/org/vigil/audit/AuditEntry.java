package org.vigil.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * One leaf of the audit log: an event with its index and the time it was appended.
 *
 * <p>The leaf's data is {@link #canonical()}, a JSON object with the fields in this fixed order and
 * no white space: {@code
 * {"index":0,"at":"2026-11-02T07:30:00Z","kind":"CONFIG_CHANGE","actor":"account:…","role":"ADMINISTRATOR","action":"camera.put","subject":"camera:B-003","purpose":""}}.
 * Its index is part of the data, so an entry cannot be moved without changing its hash.
 *
 * @param index the position in the log, from 0
 * @param at when it was appended, to the millisecond
 * @param event what happened
 */
public record AuditEntry(long index, Instant at, AuditEvent event) {
  public AuditEntry {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    if (at == null || at.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("at must be a time to the millisecond, was " + at);
    }
    if (event == null) {
      throw new IllegalArgumentException("entry " + index + " needs an event");
    }
  }

  /** The deterministic JSON form of this entry, in UTF-8: the data its leaf hash is taken over. */
  public byte[] canonical() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"index\":").append(index);
    field(b, "at", at.toString());
    field(b, "kind", event.kind().name());
    field(b, "actor", event.actor());
    field(b, "role", event.role());
    field(b, "action", event.action());
    field(b, "subject", event.subject());
    field(b, "purpose", event.purpose());
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256(0x00 ‖ canonical()). */
  public Hash leafHash() {
    return MerkleTree.leafHash(canonical());
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
