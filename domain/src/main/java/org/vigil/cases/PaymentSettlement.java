package org.vigil.cases;

import java.math.BigDecimal;
import java.util.Set;
import org.vigil.payment.IncomingPayment;

/**
 * Applies a payment to a case:
 *
 * <ul>
 *   <li>a payment already seen (same source and source id) is a duplicate and ignored;
 *   <li>a payment to a case that owes nothing (cancelled, paid, closed, not yet noticed) or in
 *       another currency is recorded for refund, whole;
 *   <li>otherwise it is added to what was paid before, and the total is compared with what is due
 *       at this payment's time ({@link DiscountPolicy}): the payment that completes the amount
 *       decides it, so a partial payment in the discount window and the rest after it owe the full
 *       amount ("late: full amount due");
 *   <li>short of it: the case stays open with the balance due; at or over it: paid, the excess
 *       recorded for refund.
 * </ul>
 */
public final class PaymentSettlement {
  private PaymentSettlement() {}

  /**
   * What {@code p} does to {@code c}.
   *
   * @param seen the payments already recorded for the case, as {@code SOURCE:sourceId}
   */
  public static Settlement settle(Case c, Set<String> seen, IncomingPayment p) {
    BigDecimal paid = c.paid();
    if (seen.contains(key(p))) {
      return new Settlement(
          Settlement.Kind.DUPLICATE,
          null,
          paid,
          balance(c),
          BigDecimal.ZERO,
          "payment " + key(p) + " was recorded before");
    }
    if (!CaseState.PAYABLE.contains(c.state())) {
      return new Settlement(
          Settlement.Kind.REFUND,
          null,
          paid,
          BigDecimal.ZERO,
          p.amount(),
          "case "
              + c.id()
              + " is "
              + c.state()
              + " and owes nothing: "
              + p.amount()
              + " to refund");
    }
    CaseTerms terms = c.terms();
    if (!p.currency().equals(terms.currency())) {
      return new Settlement(
          Settlement.Kind.REFUND,
          null,
          paid,
          balance(c),
          p.amount(),
          "paid in " + p.currency() + ", the fine is in " + terms.currency() + ": to refund");
    }
    BigDecimal due = DiscountPolicy.due(terms, c.noticeDay(), p.paidAt());
    BigDecimal total = paid.add(p.amount());
    if (total.compareTo(due) < 0) {
      BigDecimal left = due.subtract(total);
      return new Settlement(
          Settlement.Kind.PARTIAL,
          due,
          total,
          left,
          BigDecimal.ZERO,
          total.toPlainString()
              + " "
              + terms.currency()
              + " of "
              + due.toPlainString()
              + " paid, "
              + left.toPlainString()
              + " due");
    }
    BigDecimal over = total.subtract(due);
    return new Settlement(
        Settlement.Kind.SETTLED,
        due,
        total,
        BigDecimal.ZERO,
        over,
        "paid "
            + total.toPlainString()
            + " "
            + terms.currency()
            + " of "
            + due.toPlainString()
            + (over.signum() > 0 ? ", " + over.toPlainString() + " to refund" : ""));
  }

  /** The key a payment is recognised by: {@code SOURCE:sourceId}. */
  public static String key(IncomingPayment p) {
    return p.source().name() + ":" + p.sourceId();
  }

  private static BigDecimal balance(Case c) {
    if (!CaseState.PAYABLE.contains(c.state()) || !c.terms().isFine()) {
      return BigDecimal.ZERO;
    }
    return c.terms().amount().subtract(c.paid()).max(BigDecimal.ZERO);
  }
}
