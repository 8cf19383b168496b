package org.vigil.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of violations ended: the last item's observation time and id. Violations are paged
 * in that order, so a cursor stays valid while new violations arrive.
 */
public record ViolationCursor(Instant observedAt, UUID id) {

  /** The opaque text form handed to clients. */
  public String encode() {
    String plain = observedAt.toString() + '|' + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor a client handed back.
   *
   * @throws IllegalArgumentException naming the cursor when it is not one of ours
   */
  public static ViolationCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      return new ViolationCursor(
          Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor '" + text + "' is not valid", e);
    }
  }
}
