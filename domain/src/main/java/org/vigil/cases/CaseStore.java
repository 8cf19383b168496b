package org.vigil.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.enforcement.Violation;
import org.vigil.payment.IncomingPayment;

/**
 * Where cases live. Personal data (keeper, appeal text and attachments) is sealed at rest under the
 * violation's own data key, so that shredding the violation erases the case's personal data too.
 * There is no lookup by plate.
 */
public interface CaseStore {
  /** Recorded violations without holds and without a case yet, oldest first. */
  List<Violation> violationsWithoutCase(int limit);

  /**
   * Stores a new case with its first event.
   *
   * @return false when the violation has a case already
   */
  boolean open(Transition.Accepted opened);

  /** The case {@code id} with its violation and keeper. */
  Optional<CaseFile> find(UUID id);

  /** The case whose notice is {@code number}. */
  Optional<CaseFile> findByNotice(NoticeNumber number);

  /** Cases in {@code states} with their violations, oldest offence first. */
  List<CaseFile> files(Set<CaseState> states, int limit);

  /** Cases in {@code states}, without their violations, oldest offence first. */
  List<Case> cases(Set<CaseState> states, int limit);

  /** Every transition of the case, oldest first. */
  List<CaseEvent> history(UUID id);

  /** The case's signed review decisions, oldest first. */
  List<SignedReview> reviews(UUID id);

  /** The reviewer's latest first-stage decisions, newest first: {@code true} for a rejection. */
  List<Boolean> recentDecisions(String reviewer, int limit);

  /** Records the reviewer's public key (X.509 DER), when not known yet. */
  void registerReviewerKey(String reviewer, byte[] publicKey);

  /** The payments recorded for the case, as {@code SOURCE:sourceId}. */
  Set<String> paymentKeys(UUID caseId);

  /** The result of {@link #commit}. */
  enum Commit {
    /** Written. */
    DONE,
    /** The case changed meanwhile (another version): nothing written; read it again. */
    STALE,
    /** Another case has this notice number: nothing written; draw another. */
    NOTICE_NUMBER_TAKEN,
    /** The payment (source and id) is recorded already: nothing written. */
    DUPLICATE_PAYMENT
  }

  /**
   * Writes a transition, its event and its effects in one transaction, when the stored case is
   * still at {@code expectedVersion}.
   */
  Commit commit(Transition.Accepted step, long expectedVersion, List<Effect> effects);

  /**
   * Records a payment whose reference names no notice, for refund.
   *
   * @return false when it is recorded already
   */
  boolean recordUnmatched(IncomingPayment p);

  /** The appeals of a case, oldest first. */
  List<Appeal> appeals(UUID caseId);

  /** The appeal {@code id}. */
  Optional<Appeal> appeal(UUID id);

  /** Appeals waiting for a decision (their case APPEALED), oldest first. */
  List<Appeal> appealQueue(int limit);

  /**
   * A finished case with what closing it depends on.
   *
   * @param c the case
   * @param lastTransition when it last changed (its newest history row)
   * @param held whether a legal hold is on its violation now
   */
  record Closable(Case c, Instant lastTransition, boolean held) {}

  /**
   * Cases in {@code states} that have not changed since {@code quietSince} (inclusive), the longest
   * quiet first, at most {@code limit}.
   */
  List<Closable> closable(Set<CaseState> states, Instant quietSince, int limit);

  /** The case {@code id} as {@link #closable(Set, Instant, int)} gives it, whatever its state. */
  Optional<Closable> closable(UUID id);
}
