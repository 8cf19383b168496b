package org.vigil.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a payment made at {@code paidAt} owes, judged by the day the payer paid (in the
 * jurisdiction's zone), not the day Vigil heard of it:
 *
 * <ul>
 *   <li>the discounted amount, when the tariff has one and the day is on or before the discount's
 *       last day: the notice day plus the window (KZ: 7 days, so a notice of 1 March may be paid at
 *       the discount up to and including 8 March);
 *   <li>the increased amount, when the tariff has one and the day is after the escalation day;
 *   <li>the full amount otherwise.
 * </ul>
 */
public final class DiscountPolicy {
  private DiscountPolicy() {}

  /** The amount owed for a notice of {@code noticeDay} by a payment at {@code paidAt}. */
  public static BigDecimal due(CaseTerms terms, LocalDate noticeDay, Instant paidAt) {
    if (!terms.isFine()) {
      throw new IllegalArgumentException("a " + terms.outcome() + " case owes no amount");
    }
    LocalDate day = LocalDate.ofInstant(paidAt, terms.zone());
    LocalDate lastDiscountDay = terms.discountLastDay(noticeDay);
    if (lastDiscountDay != null && !day.isAfter(lastDiscountDay)) {
      return terms.discountedAmount();
    }
    if (terms.increasedAmount() != null && day.isAfter(terms.escalationDay(noticeDay))) {
      return terms.increasedAmount();
    }
    return terms.amount();
  }
}
