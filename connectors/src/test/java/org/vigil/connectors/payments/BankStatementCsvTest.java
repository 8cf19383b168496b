package org.vigil.connectors.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vigil.connectors.payments.BankStatementCsv.Problem;
import org.vigil.connectors.payments.BankStatementCsv.Statement;
import org.vigil.payment.IncomingPayment;

class BankStatementCsvTest {
  private static final String HEADER =
      "transaction_id,booked_on,value_date,reference,amount,currency\n";
  private final BankStatementCsv csv = new BankStatementCsv(ZoneId.of("Asia/Almaty"));

  private static IncomingPayment payment(String id, String ref, String amount, String paidAt) {
    return new IncomingPayment(
        IncomingPayment.Source.BANK_STATEMENT,
        id,
        ref,
        new BigDecimal(amount),
        "KZT",
        Instant.parse(paidAt));
  }

  @Test
  void reads_good_lines_paid_at_the_start_of_the_value_date_in_the_zone() {
    Statement s =
        csv.read(
            HEADER
                + "TX-1,2026-11-03,2026-11-02,N-2026-000123,12500.00,KZT\n"
                + "TX-2,2026-11-03,2026-11-03,N-2026-000124,6250,kzt\n");

    assertThat(s.problems()).isEmpty();
    // Asia/Almaty is UTC+5 since 2024-03-01.
    assertThat(s.payments())
        .containsExactly(
            payment("TX-1", "N-2026-000123", "12500.00", "2026-11-01T19:00:00Z"),
            payment("TX-2", "N-2026-000124", "6250", "2026-11-02T19:00:00Z"));
  }

  @Test
  void semicolons_a_bom_crlf_decimal_commas_and_quoted_separators() {
    String text =
        "\uFEFFTransaction_ID;Booked_On;Value_Date;Payer;Reference;Amount;Currency\r\n"
            + "TX-1;2026-11-03;2026-11-02;\"Омаров; Ержан\";\"N-2026-000123\";\"12500,50\";KZT\r\n"
            + "TX-2;2026-11-03;2026-11-02;\"Smith, \"\"Jr\"\"\";N-7;100;KZT\r\n";
    Statement s = csv.read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(s.problems()).isEmpty();
    assertThat(s.payments())
        .extracting(IncomingPayment::reference, IncomingPayment::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("N-2026-000123", new BigDecimal("12500.50")),
            org.assertj.core.groups.Tuple.tuple("N-7", new BigDecimal("100")));
  }

  @Test
  void quoted_commas_and_blank_lines() {
    Statement s =
        csv.read(
            "\n\n"
                + HEADER
                + "\n"
                + "TX-1,2026-11-03,2026-11-02,\"N-1, second part\",\"1,50\",KZT\n"
                + "   \n"
                + ",,,,,\n"
                + "TX-2,2026-11-03,2026-11-02,N-2,2.00,KZT\n"
                + "\n");

    assertThat(s.problems()).isEmpty();
    assertThat(s.payments())
        .extracting(IncomingPayment::reference)
        .containsExactly("N-1, second part", "N-2");
    assertThat(s.payments().get(0).amount()).isEqualByComparingTo("1.50");
  }

  @Test
  void a_bad_line_names_line_column_and_value_and_never_costs_the_good_ones() {
    Statement s =
        csv.read(
            HEADER
                + "TX-1,2026-11-03,2026-11-02,N-1,100.00,KZT\n"
                + "TX-2,2026-11-03,2026-11-02,N-2,\"12,5O\",KZT\n"
                + "TX-3,2026-11-03,02.11.2026,N-3,100.00,KZT\n"
                + "TX-4,2026-11-03,2026-11-02,N-4,100.00\n"
                + "TX-5,2026-11-03,2026-11-02,N-5,12,50,KZT\n"
                + "TX-6,2026-11-03,2026-11-02,,-5.00,tenge\n"
                + "TX-1,2026-11-03,2026-11-02,N-1,100.00,KZT\n"
                + "TX-7,2026-11-03,2026-11-02,N-7,0.00,KZT\n"
                + "TX-8,2026-11-03,2026-11-02,N-8,1 000.00,KZT\n"
                + "TX-9,2026-11-03,2026-11-02,N-9,9.99,KZT\n");

    assertThat(s.payments()).extracting(IncomingPayment::sourceId).containsExactly("TX-1", "TX-9");
    assertThat(s.problems())
        .extracting(Problem::message)
        .containsExactly(
            "line 3, amount '12,5O': not an amount such as 12500.00 or 12500,00 (no thousands"
                + " separators)",
            "line 4, value_date '02.11.2026': not a date such as 2026-11-02",
            "line 5, currency: missing: the line has 5 values, the header 6",
            "line 6: the line has 7 values, the header 6 (a separator in an unquoted value?)",
            "line 7, reference '': must have 1 to 100 characters",
            "line 7, amount '-5.00': must be more than 0 (a debit is not a payment)",
            "line 7, currency 'TENGE': not an ISO 4217 code such as KZT",
            "line 8, transaction_id 'TX-1': the same transaction is already on line 2",
            "line 9, amount '0.00': must be more than 0",
            "line 10, amount '1 000.00': not an amount such as 12500.00 or 12500,00 (no"
                + " thousands separators)");
  }

  @Test
  void a_header_without_a_column_is_one_problem_per_missing_column() {
    Statement s =
        csv.read(
            "transaction_id,booked_on,value_date,amount,currency\n"
                + "TX-1,2026-11-03,2026-11-02,100.00,KZT\n");

    assertThat(s.payments()).isEmpty();
    assertThat(s.problems())
        .containsExactly(new Problem(1, "reference", null, "the header lacks this column"));
  }

  @Test
  void an_unclosed_quote_keeps_what_was_read_before_it() {
    Statement s =
        csv.read(
            HEADER
                + "TX-1,2026-11-03,2026-11-02,N-1,100.00,KZT\n"
                + "TX-2,2026-11-03,2026-11-02,\"N-2,100.00,KZT\n"
                + "TX-3,2026-11-03,2026-11-02,N-3,100.00,KZT\n");

    assertThat(s.payments()).extracting(IncomingPayment::sourceId).containsExactly("TX-1");
    assertThat(s.problems())
        .containsExactly(
            new Problem(
                3, null, null, "the file cannot be read from here on (an unclosed quote?)"));
  }

  @Test
  void bytes_that_are_not_utf8_make_their_line_a_problem() {
    byte[] good =
        (HEADER + "TX-1,2026-11-03,2026-11-02,N-1,100.00,KZT\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad =
        "TX-2,2026-11-03,2026-11-02,N-\u00e92,100.00,KZT\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);

    Statement s = csv.read(all);

    assertThat(s.payments()).extracting(IncomingPayment::sourceId).containsExactly("TX-1");
    assertThat(s.problems()).containsExactly(new Problem(3, "reference", null, "not valid UTF-8"));
  }

  @Test
  void an_empty_file_is_a_problem() {
    assertThat(csv.read("\uFEFF\n  \n").problems())
        .containsExactly(new Problem(1, null, null, "the statement is empty: no header line"));
    assertThat(csv.read(HEADER).problems()).isEmpty();
  }

  @Test
  void values_of_unknown_columns_never_reach_a_problem() {
    Statement s =
        csv.read(
            "transaction_id,payer_name,booked_on,value_date,reference,amount,currency\n"
                + "TX-1,Омаров Ержан,2026-11-03,2026-11-02,N-1,bad,KZT\n"
                + "TX-2,\"Иванов, Сергей\n");

    assertThat(s.problems()).extracting(Problem::message).noneMatch(m -> m.contains("Омаров"));
    assertThat(s.problems()).extracting(Problem::message).noneMatch(m -> m.contains("Иванов"));
    assertThat(s.problems()).hasSize(2);
  }
}
