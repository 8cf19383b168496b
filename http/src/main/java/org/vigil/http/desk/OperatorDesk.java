package org.vigil.http.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.vigil.cases.RejectionReason;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.auth.Accounts;

/**
 * What the operator pages need from the case life cycle: the port the pages are written against.
 * The application adapts its case service to it; the pages never reach a store directly.
 *
 * <p>Contract for implementations: every method that takes {@code staff} shows personal data or
 * makes a decision, and the implementation records it on the audit trail under the staff member's
 * pseudonym before it answers. Decisions return an {@link Outcome}: refused with a reason a person
 * can read (a case no longer in review, a second reviewer needed, a reviewer confirming their own
 * rejection) rather than an exception. No method looks anything up by plate.
 */
public interface OperatorDesk {

  /** The figures of the desk's home page. */
  Counts counts();

  /** Cases waiting for review, oldest detection first; no plate. */
  List<ReviewItem> reviewQueue(Accounts.SignedIn staff);

  /** The evidence of case {@code id}; empty when there is no such case. */
  Optional<CaseView> caseView(UUID id, Accounts.SignedIn staff);

  /** Image {@code index} (0-based) of case {@code id}'s evidence, when it has one. */
  Optional<Image> evidenceImage(UUID id, int index, Accounts.SignedIn staff);

  /** Confirms case {@code id} as a violation, signed by {@code staff}. */
  Outcome confirm(UUID id, Accounts.SignedIn staff);

  /** Rejects case {@code id} with {@code reason} and the reviewer's words {@code text}. */
  Outcome reject(UUID id, RejectionReason reason, String text, Accounts.SignedIn staff);

  /** Appeals waiting for a decision, oldest first. */
  List<AppealItem> appealQueue(Accounts.SignedIn staff);

  /** Appeal {@code id} with its text, attachments and case; empty when there is none. */
  Optional<AppealView> appeal(UUID id, Accounts.SignedIn staff);

  /** Attachment {@code index} (0-based) of appeal {@code id}. */
  Optional<Image> appealAttachment(UUID id, int index, Accounts.SignedIn staff);

  /**
   * Decides appeal {@code id}: {@code upheld} cancels the case, otherwise the notice stands; the
   * citizen sees {@code reasons}.
   */
  Outcome decideAppeal(UUID id, boolean upheld, String reasons, Accounts.SignedIn staff);

  /** The case whose notice has {@code noticeNumber}, the only search there is. */
  Optional<UUID> findByNotice(String noticeNumber, Accounts.SignedIn staff);

  /** Case {@code id}'s history, every transition with who, when and why. */
  Optional<CaseHistory> history(UUID id, Accounts.SignedIn staff);

  /** Deliveries of notices that failed, most recent first. */
  List<FailedDelivery> failedDeliveries(Accounts.SignedIn staff);

  /** Queues delivery {@code id} to be sent again. */
  Outcome retryDelivery(UUID id, Accounts.SignedIn staff);

  /** A decision's result. */
  sealed interface Outcome {
    /** Done; {@code message} says what happened, in words for the operator. */
    record Accepted(String message) implements Outcome {}

    /** Not done; {@code reason} says why. */
    record Refused(String reason) implements Outcome {}
  }

  /**
   * @param inReview cases waiting for review
   * @param nearDeadline of those, the ones close to their legal notice deadline
   * @param appeals appeals waiting for a decision
   * @param failedDeliveries notices whose delivery failed
   */
  record Counts(int inReview, int nearDeadline, int appeals, int failedDeliveries) {}

  /**
   * A case waiting for review.
   *
   * @param noticeDeadline the last day a notice may go out, or null when the tariff sets none
   * @param nearDeadline whether that day is close
   * @param secondReview whether this is a rejection waiting for a second reviewer
   */
  record ReviewItem(
      UUID id,
      ViolationType type,
      String place,
      Instant observedAt,
      java.time.LocalDate noticeDeadline,
      boolean nearDeadline,
      boolean secondReview) {
    public ReviewItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(place, "place");
      Objects.requireNonNull(observedAt, "observedAt");
    }
  }

  /**
   * The evidence of a case.
   *
   * @param state the life-cycle state, e.g. {@code IN_REVIEW}
   * @param noticeNumber the notice's number once issued, else null
   * @param plateText the plate as read (or as read by a person)
   * @param measuredKmh the measured (or average) speed; NaN when the offence has none
   * @param retainedKmh the measured speed less the technical margin; NaN when none
   * @param limitKmh the limit in force; 0 when the offence has none
   * @param detail the rule's finding in words
   * @param calibrationValidUntil the last day of the camera's calibration certificate, or null when
   *     unknown
   * @param clockOffsetMs the camera clock's estimated offset, or null when unknown
   * @param maxClockDriftMs the offset above which the camera's violations are held, or null
   * @param holds the kinds of doubt raised automatically (e.g. {@code CLOCK_DRIFT})
   * @param images how many images the evidence has
   * @param reviewable whether it may be confirmed or rejected now
   * @param firstReviewer in a second review, who rejected it first (a pseudonym); else null
   * @param rejection in a second review, the first rejection's reason code and note; else null
   */
  record CaseView(
      UUID id,
      String state,
      String noticeNumber,
      ViolationType type,
      String place,
      String cameraId,
      Instant observedAt,
      ZoneId zone,
      String plateText,
      double measuredKmh,
      double retainedKmh,
      int limitKmh,
      String detail,
      java.time.LocalDate calibrationValidUntil,
      Long clockOffsetMs,
      Long maxClockDriftMs,
      List<String> holds,
      int images,
      boolean reviewable,
      String firstReviewer,
      String rejection) {
    public CaseView {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(place, "place");
      Objects.requireNonNull(cameraId, "cameraId");
      Objects.requireNonNull(observedAt, "observedAt");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(plateText, "plateText");
      Objects.requireNonNull(detail, "detail");
      holds = List.copyOf(holds);
    }

    @Override
    public String toString() {
      return "CaseView[" + id + "]";
    }
  }

  /** An image or file: its media type (e.g. {@code image/jpeg}) and bytes. */
  record Image(String mediaType, byte[] bytes) {
    public Image {
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** An appeal waiting for a decision. */
  record AppealItem(UUID id, UUID caseId, String noticeNumber, Instant submittedAt) {
    public AppealItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(noticeNumber, "noticeNumber");
      Objects.requireNonNull(submittedAt, "submittedAt");
    }
  }

  /**
   * An appeal.
   *
   * @param language the language the citizen wrote in: kk, ru or en
   * @param attachments the attachments' file names, in order
   * @param decided whether it has been decided; then {@code upheld} and {@code reasons} hold
   * @param evidence the case's evidence
   */
  record AppealView(
      UUID id,
      String noticeNumber,
      Instant submittedAt,
      String language,
      String text,
      List<String> attachments,
      boolean decided,
      boolean upheld,
      String reasons,
      CaseView evidence) {
    public AppealView {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(noticeNumber, "noticeNumber");
      Objects.requireNonNull(submittedAt, "submittedAt");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(evidence, "evidence");
      attachments = List.copyOf(attachments);
      reasons = reasons == null ? "" : reasons;
    }

    @Override
    public String toString() {
      return "AppealView[" + id + "]";
    }
  }

  /** A case's history. */
  record CaseHistory(
      UUID id, String noticeNumber, String state, ViolationType type, List<Transition> steps) {
    public CaseHistory {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(type, "type");
      steps = List.copyOf(steps);
    }
  }

  /**
   * One transition of a case.
   *
   * @param who the staff member, or the system job, that made it
   * @param why the reason given, or empty
   */
  record Transition(Instant at, String from, String to, String who, String why) {
    public Transition {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(who, "who");
      from = from == null ? "" : from;
      why = why == null ? "" : why;
    }
  }

  /**
   * A notice delivery that failed.
   *
   * @param channel e.g. {@code EMAIL}, {@code SMS}, {@code POST}
   * @param queuedAt when the delivery was queued
   * @param lastError why the last attempt failed, in words without personal data
   */
  record FailedDelivery(
      UUID id,
      UUID caseId,
      String noticeNumber,
      String channel,
      int attempts,
      Instant queuedAt,
      String lastError) {
    public FailedDelivery {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(noticeNumber, "noticeNumber");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(queuedAt, "queuedAt");
      lastError = lastError == null ? "" : lastError;
    }
  }
}
