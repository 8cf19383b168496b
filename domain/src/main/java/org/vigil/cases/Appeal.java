package org.vigil.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An appeal against a notice. Its text and attachments are personal data, sealed at rest; {@link
 * #toString()} prints ids only.
 *
 * @param id the appeal
 * @param caseId its case
 * @param filedAt when it was filed
 * @param text what the appellant says, 1 to {@link #MAX_TEXT} characters
 * @param attachments at most {@link #MAX_ATTACHMENTS}
 * @param status where it stands
 * @param decidedBy the deciding reviewer's pseudonym, or null
 * @param decidedAt when, or null
 * @param reasons the decision's reasons, which the appellant reads; null until decided
 */
public record Appeal(
    UUID id,
    UUID caseId,
    Instant filedAt,
    String text,
    List<Attachment> attachments,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String reasons) {
  public static final int MAX_TEXT = 10_000;
  public static final int MAX_ATTACHMENTS = 5;

  /** The text of an appeal whose personal data was shredded at the end of its retention. */
  public static final String SHREDDED = "(erased at the end of its retention period)";

  /** Where an appeal stands. */
  public enum Status {
    FILED,
    UPHELD,
    REJECTED
  }

  public Appeal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    attachments = List.copyOf(attachments);
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "an appeal's text has 1 to " + MAX_TEXT + " characters, had " + text.strip().length());
    }
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw new IllegalArgumentException(
          "an appeal has at most " + MAX_ATTACHMENTS + " attachments, had " + attachments.size());
    }
    if ((status == Status.FILED) != (reasons == null)) {
      throw new IllegalArgumentException("appeal " + id + ": reasons exactly once decided");
    }
  }

  /** A new appeal. */
  public static Appeal filed(
      UUID id, UUID caseId, Instant at, String text, List<Attachment> attachments) {
    return new Appeal(id, caseId, at, text, attachments, Status.FILED, null, null, null);
  }

  /** This appeal decided. */
  public Appeal decided(boolean upheld, String by, Instant at, String why) {
    return new Appeal(
        id,
        caseId,
        filedAt,
        text,
        attachments,
        upheld ? Status.UPHELD : Status.REJECTED,
        by,
        at,
        why);
  }

  @Override
  public String toString() {
    return "Appeal[" + id + " of " + caseId + " " + status + "]";
  }
}
