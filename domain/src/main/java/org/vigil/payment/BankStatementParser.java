package org.vigil.payment;

import java.util.List;

/** The port that reads a bank statement export (CSV) into payments. */
public interface BankStatementParser {
  /**
   * Reads a statement. Lines that are no payment are reported in {@link Parsed#problems()} by line
   * number and field, never with the payer's name or account.
   */
  Parsed parse(byte[] csv);

  /**
   * What a statement held.
   *
   * @param payments the payments, source {@link IncomingPayment.Source#BANK_STATEMENT}
   * @param problems one message per unusable line, e.g. {@code line 7: amount 'abc' is not a
   *     number}
   */
  record Parsed(List<IncomingPayment> payments, List<String> problems) {
    public Parsed {
      payments = List.copyOf(payments);
      problems = List.copyOf(problems);
    }
  }
}
