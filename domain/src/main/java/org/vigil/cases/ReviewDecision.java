package org.vigil.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One review decision as it is signed. Its canonical bytes are these UTF-8 lines, each ending in
 * {@code \n}, which anyone can rebuild from the decision's JSON and check against the signature:
 *
 * <pre>
 * vigil-review-v1
 * case=&lt;case uuid&gt;
 * stage=first                 (or second)
 * decision=confirm            (or reject)
 * reason=PLATE_UNREADABLE     (empty for a confirmation)
 * note-sha256=&lt;hex SHA-256 of the note's UTF-8&gt;
 * reviewer=account:&lt;pseudonym&gt;
 * at=2026-11-02T09:00:00.123Z (ISO-8601, to the millisecond)
 * evidence=&lt;hex SHA-256, see EvidenceDigest&gt;
 * </pre>
 *
 * @param caseId the case
 * @param stage {@code first} or {@code second}
 * @param decision {@code confirm} or {@code reject}
 * @param reason the rejection reason code, or "" for a confirmation
 * @param note the reviewer's free text, "" when none
 * @param reviewer the reviewer's pseudonym
 * @param at when, truncated to the millisecond
 * @param evidence the evidence digest
 */
public record ReviewDecision(
    UUID caseId,
    String stage,
    String decision,
    String reason,
    String note,
    String reviewer,
    Instant at,
    String evidence) {
  public ReviewDecision {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(evidence, "evidence");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    if (!"first".equals(stage) && !"second".equals(stage)) {
      throw new IllegalArgumentException("stage must be first or second, was '" + stage + "'");
    }
    if (!"confirm".equals(decision) && !"reject".equals(decision)) {
      throw new IllegalArgumentException(
          "decision must be confirm or reject, was '" + decision + "'");
    }
  }

  /** The canonical text that is signed. */
  public String canonical() {
    return "vigil-review-v1\ncase="
        + caseId
        + "\nstage="
        + stage
        + "\ndecision="
        + decision
        + "\nreason="
        + reason
        + "\nnote-sha256="
        + EvidenceDigest.sha256(note)
        + "\nreviewer="
        + reviewer
        + "\nat="
        + at
        + "\nevidence="
        + evidence
        + "\n";
  }

  /** The canonical bytes that are signed. */
  public byte[] bytes() {
    return canonical().getBytes(StandardCharsets.UTF_8);
  }
}
