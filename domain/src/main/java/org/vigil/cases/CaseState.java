package org.vigil.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The transitions between them are the methods of {@link Case}; docs/cases.md
 * has the whole table.
 */
public enum CaseState {
  /** Waiting for a reviewer: opened once its violation had no holds. */
  IN_REVIEW,
  /** A rejection by a reviewer whose rejections are checked waits for a second reviewer. */
  SECOND_REVIEW,
  /** Rejected at review with a reason; nothing more happens. */
  REJECTED,
  /** Confirmed by a reviewer; the keeper is looked up next. */
  CONFIRMED,
  /**
   * Confirmed, but the tariff sets no fixed fine (referred to a court, no tariff, no unit value,
   * below the threshold): no keeper lookup and no notice by Vigil; the authority takes it from
   * here.
   */
  REFERRED,
  /** The registry named the keeper; the notice is issued next. */
  KEEPER_IDENTIFIED,
  /** The registry knows no keeper; a later lookup may still find one. */
  KEEPER_UNKNOWN,
  /** The notice is issued and being delivered; waiting for payment or an appeal. */
  NOTICE_ISSUED,
  /** Paid in full. */
  PAID,
  /** The keeper appealed; waiting for a decision. */
  APPEALED,
  /** The appeal was upheld: the fine is cancelled. */
  CANCELLED,
  /** Unpaid after the payment deadline. */
  OVERDUE,
  /** Unpaid after the escalation deadline: sent for collection as the tariff says. */
  COLLECTION,
  /** Done with. */
  CLOSED,
  /** Its notice deadline passed before a notice was issued: closed without a notice. */
  TIME_BARRED;

  /** The states before a notice, which its legal deadline can bar. */
  public static final Set<CaseState> BEFORE_NOTICE =
      EnumSet.of(IN_REVIEW, SECOND_REVIEW, CONFIRMED, KEEPER_IDENTIFIED, KEEPER_UNKNOWN);

  /** The states in which a payment is owed and settles the case. */
  public static final Set<CaseState> PAYABLE =
      EnumSet.of(NOTICE_ISSUED, OVERDUE, COLLECTION, APPEALED);

  /** The states a case may be closed from. */
  public static final Set<CaseState> CLOSABLE =
      EnumSet.of(PAID, CANCELLED, REJECTED, REFERRED, KEEPER_UNKNOWN, COLLECTION);

  /** The states waiting for a reviewer. */
  public static final Set<CaseState> REVIEW = EnumSet.of(IN_REVIEW, SECOND_REVIEW);
}
