package org.vigil.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment as a provider or a bank statement reports it.
 *
 * @param source where it came from
 * @param sourceId the payment's id at its source, unique there: a second report of the same id is a
 *     duplicate and is ignored
 * @param reference the payment reference the payer gave (the notice number)
 * @param amount more than zero
 * @param currency ISO 4217, e.g. {@code KZT}
 * @param paidAt when the payer paid (not when we heard of it): the discount window is judged by it
 */
public record IncomingPayment(
    Source source,
    String sourceId,
    String reference,
    BigDecimal amount,
    String currency,
    Instant paidAt) {
  public IncomingPayment {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(paidAt, "paidAt");
    if (sourceId.isBlank() || sourceId.length() > 100) {
      throw new IllegalArgumentException(
          "a payment's id must have 1 to 100 characters, was '" + sourceId + "'");
    }
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a payment's amount must be more than 0, was " + amount);
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "a payment's currency must be an ISO 4217 code, was '" + currency + "'");
    }
  }

  /** Where a payment was reported. */
  public enum Source {
    /** The payment provider's signed webhook. */
    PROVIDER,
    /** An imported bank statement. */
    BANK_STATEMENT
  }
}
