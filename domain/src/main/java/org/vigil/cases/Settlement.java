package org.vigil.cases;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a payment does to a case, as {@link PaymentSettlement} decides it.
 *
 * @param kind what it is
 * @param due the amount owed at the time of the payment; null when nothing is owed
 * @param paidTotal every payment applied to the case, this one included; unchanged for a duplicate
 *     or a refund
 * @param balance what is still owed after it; 0 once settled
 * @param refund what is to be paid back because of it; 0 when nothing
 * @param reason in words, e.g. {@code 3932 KZT of 19660 KZT paid, 15728 KZT due}
 */
public record Settlement(
    Kind kind,
    BigDecimal due,
    BigDecimal paidTotal,
    BigDecimal balance,
    BigDecimal refund,
    String reason) {
  /** The kinds of settlement. */
  public enum Kind {
    /** The same payment (source and id) was seen before: ignored. */
    DUPLICATE,
    /** Applied; the case stays open with a balance due. */
    PARTIAL,
    /** Applied; the case is paid, any excess recorded for refund. */
    SETTLED,
    /**
     * Not owed (case cancelled, already paid, closed, or another currency): recorded for refund.
     */
    REFUND
  }

  public Settlement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(paidTotal, "paidTotal");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(refund, "refund");
    Objects.requireNonNull(reason, "reason");
  }
}
