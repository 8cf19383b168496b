package org.vigil.cases;

import java.util.Objects;

/**
 * A rejection's reason: a code from the fixed list and free text.
 *
 * @param reason the code
 * @param note free text, at most 500 characters; required (not blank) for {@link
 *     RejectionReason#OTHER}, otherwise may be empty
 */
public record Rejection(RejectionReason reason, String note) {
  public static final int MAX_NOTE = 500;

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    note = note == null ? "" : note.strip();
    if (reason == RejectionReason.OTHER && note.isEmpty()) {
      throw new IllegalArgumentException("a rejection for OTHER reasons needs a note saying why");
    }
    if (note.length() > MAX_NOTE) {
      throw new IllegalArgumentException(
          "a rejection note has at most " + MAX_NOTE + " characters, had " + note.length());
    }
  }
}
