package org.vigil.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an unpaid notice becomes with time (days in the jurisdiction's zone): after the pay-by day
 * (notice day + {@code payWithinDays}) it is {@link CaseState#OVERDUE}; after the escalation day
 * (notice day + {@code escalationAfterDays}) it goes to {@link CaseState#COLLECTION}.
 */
public final class EscalationPolicy {
  private EscalationPolicy() {}

  /**
   * The state an unpaid case in {@code current} ought to be in at {@code now}: {@code current}
   * itself when nothing is due (and for every state but NOTICE_ISSUED and OVERDUE).
   */
  public static CaseState due(
      CaseState current, CaseTerms terms, LocalDate noticeDay, Instant now) {
    if (current != CaseState.NOTICE_ISSUED && current != CaseState.OVERDUE) {
      return current;
    }
    LocalDate today = LocalDate.ofInstant(now, terms.zone());
    if (today.isAfter(terms.escalationDay(noticeDay))) {
      return CaseState.COLLECTION;
    }
    if (today.isAfter(terms.payBy(noticeDay))) {
      return CaseState.OVERDUE;
    }
    return current;
  }
}
