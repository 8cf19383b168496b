/**
 * Payment inputs: a provider's signed webhook ({@link
 * org.vigil.connectors.payments.WebhookSignature}, {@link
 * org.vigil.connectors.payments.WebhookSigner}) and a bank statement CSV ({@link
 * org.vigil.connectors.payments.BankStatementCsv}). Both turn outside input into {@link
 * org.vigil.payment.IncomingPayment}s; formats in {@code docs/payments.md}.
 */
package org.vigil.connectors.payments;
