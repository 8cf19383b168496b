package org.vigil.connectors.payments;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.vigil.payment.BankStatementParser;
import org.vigil.payment.IncomingPayment;

/**
 * Reads a bank statement CSV (columns in docs/payments.md) into payments and problems.
 *
 * <p>The first non-blank line is the header; it names the columns {@value #TRANSACTION_ID}, {@value
 * #BOOKED_ON}, {@value #VALUE_DATE}, {@value #REFERENCE}, {@value #AMOUNT} and {@value #CURRENCY}
 * in any order and case; other columns are ignored and their values never repeated (they may hold
 * the payer's name or account). The separator is {@code ;} when the header holds more semicolons
 * than commas, {@code ,} otherwise; values may be quoted with {@code "}; a UTF-8 byte order mark
 * and blank lines are skipped; values are trimmed.
 *
 * <p>Each good line becomes an {@link IncomingPayment} ({@link
 * IncomingPayment.Source#BANK_STATEMENT}, paid at the start of its value date in the statement's
 * zone). Each bad line becomes one or more {@link Problem}s naming the line (as a text editor
 * counts them, the header being line 1 of a file without blank lines at the top), the column and
 * the bad value; a bad line never costs the good ones. A transaction id seen twice in one file is a
 * problem on its second line; duplicates across files are the case store's business (the id is the
 * payment's {@link IncomingPayment#sourceId()}). Thread-safe.
 */
public final class BankStatementCsv implements BankStatementParser {

  public static final String TRANSACTION_ID = "transaction_id";
  public static final String BOOKED_ON = "booked_on";
  public static final String VALUE_DATE = "value_date";
  public static final String REFERENCE = "reference";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";

  /** The columns a statement must have, in the order of docs/payments.md. */
  public static final List<String> COLUMNS =
      List.of(TRANSACTION_ID, BOOKED_ON, VALUE_DATE, REFERENCE, AMOUNT, CURRENCY);

  private static final int MAX_SHOWN = 64;
  private static final CsvMapper CSV = new CsvMapper();

  private final ZoneId zone;

  /**
   * @param zone the zone the bank's value dates are in (e.g. {@code Asia/Almaty}): a payment's
   *     {@code paidAt} is the start of its value date there
   */
  public BankStatementCsv(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * One problem of a statement.
   *
   * @param line the line number, 1-based
   * @param column the column, or null when the problem is the whole line
   * @param value the bad value, or null when there is none (a missing column)
   * @param reason what is wrong
   */
  public record Problem(int line, String column, String value, String reason) {
    /** A readable sentence: {@code line 4, amount '12,5O': …}. */
    public String message() {
      StringBuilder s = new StringBuilder("line ").append(line);
      if (column != null) {
        s.append(", ").append(column);
      }
      if (value != null) {
        s.append(" '").append(value).append('\'');
      }
      return s.append(": ").append(reason).toString();
    }
  }

  /**
   * What a statement held.
   *
   * @param payments the good lines, in file order
   * @param problems the bad lines, in file order; empty when the whole file was good
   */
  public record Statement(List<IncomingPayment> payments, List<Problem> problems) {
    public Statement {
      payments = List.copyOf(payments);
      problems = List.copyOf(problems);
    }
  }

  /** Reads a statement for the case desk: the good payments, and each problem in words. */
  @Override
  public Parsed parse(byte[] csv) {
    Statement s = read(csv);
    return new Parsed(s.payments(), s.problems().stream().map(Problem::message).toList());
  }

  /** Reads a statement in UTF-8; bytes that are not UTF-8 make their line a problem. */
  public Statement read(byte[] csv) {
    Objects.requireNonNull(csv, "csv");
    return read(new String(csv, StandardCharsets.UTF_8));
  }

  /** Reads a statement. */
  public Statement read(String csv) {
    Objects.requireNonNull(csv, "csv");
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<IncomingPayment> payments = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    char separator = separator(text);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
    Map<String, Integer> columns = null;
    Map<String, Integer> seenIds = new HashMap<>();
    int headerWidth = 0;
    int line = 0;
    try (CsvParser parser = CSV.getFactory().createParser(text)) {
      parser.setSchema(schema);
      List<String> row = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          row.clear();
          line = 0;
        } else if (token == JsonToken.VALUE_STRING) {
          if (line == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          row.add(parser.getText().strip());
        } else if (token == JsonToken.END_ARRAY) {
          if (row.stream().allMatch(String::isEmpty)) {
            continue;
          }
          if (columns == null) {
            columns = header(row, line, problems);
            if (columns == null) {
              return new Statement(payments, problems);
            }
            headerWidth = row.size();
            continue;
          }
          IncomingPayment payment = row(row, line, columns, headerWidth, problems);
          if (payment != null) {
            Integer first = seenIds.putIfAbsent(payment.sourceId(), line);
            if (first != null) {
              problems.add(
                  new Problem(
                      line,
                      TRANSACTION_ID,
                      shown(payment.sourceId()),
                      "the same transaction is already on line " + first));
            } else {
              payments.add(payment);
            }
          }
        }
      }
    } catch (IOException e) {
      // The parser's message may quote other columns (a payer's name): name no detail.
      int at = line > 0 ? line : 1;
      problems.add(
          new Problem(at, null, null, "the file cannot be read from here on (an unclosed quote?)"));
    }
    if (columns == null && problems.isEmpty()) {
      problems.add(new Problem(1, null, null, "the statement is empty: no header line"));
    }
    return new Statement(payments, problems);
  }

  private static char separator(String text) {
    int end = 0;
    String first = "";
    while (end < text.length()) {
      int nl = text.indexOf('\n', end);
      String candidate = nl < 0 ? text.substring(end) : text.substring(end, nl);
      if (!candidate.isBlank()) {
        first = candidate;
        break;
      }
      end = nl < 0 ? text.length() : nl + 1;
    }
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  private static Map<String, Integer> header(List<String> row, int line, List<Problem> problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      String name = row.get(i).toLowerCase(Locale.ROOT);
      if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
        problems.add(new Problem(line, name, null, "the header names this column twice"));
      }
    }
    for (String column : COLUMNS) {
      if (!columns.containsKey(column)) {
        problems.add(new Problem(line, column, null, "the header lacks this column"));
      }
    }
    return problems.isEmpty() ? columns : null;
  }

  private IncomingPayment row(
      List<String> row,
      int line,
      Map<String, Integer> columns,
      int headerWidth,
      List<Problem> problems) {
    for (String column : COLUMNS) {
      if (columns.get(column) >= row.size()) {
        problems.add(
            new Problem(
                line,
                column,
                null,
                "missing: the line has " + row.size() + " values, the header " + headerWidth));
        return null;
      }
    }
    if (row.size() > headerWidth
        && !row.subList(headerWidth, row.size()).stream().allMatch(String::isEmpty)) {
      problems.add(
          new Problem(
              line,
              null,
              null,
              "the line has "
                  + row.size()
                  + " values, the header "
                  + headerWidth
                  + " (a separator in an unquoted value?)"));
      return null;
    }
    int before = problems.size();
    for (String column : COLUMNS) {
      if (row.get(columns.get(column)).indexOf('\uFFFD') >= 0) {
        problems.add(new Problem(line, column, null, "not valid UTF-8"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    String id = text(row, columns, TRANSACTION_ID, line, problems);
    LocalDate booked = date(row, columns, BOOKED_ON, line, problems);
    LocalDate value = date(row, columns, VALUE_DATE, line, problems);
    String reference = text(row, columns, REFERENCE, line, problems);
    BigDecimal amount = amount(row.get(columns.get(AMOUNT)), line, problems);
    String currency = row.get(columns.get(CURRENCY)).toUpperCase(Locale.ROOT);
    if (!currency.matches("[A-Z]{3}")) {
      problems.add(
          new Problem(line, CURRENCY, shown(currency), "not an ISO 4217 code such as KZT"));
    }
    if (problems.size() > before || booked == null) {
      return null;
    }
    return new IncomingPayment(
        IncomingPayment.Source.BANK_STATEMENT,
        id,
        reference,
        amount,
        currency,
        value.atStartOfDay(zone).toInstant());
  }

  private static String text(
      List<String> row, Map<String, Integer> columns, String column, int line, List<Problem> p) {
    String v = row.get(columns.get(column));
    if (v.isEmpty() || v.length() > 100) {
      p.add(new Problem(line, column, shown(v), "must have 1 to 100 characters"));
      return null;
    }
    return v;
  }

  private static LocalDate date(
      List<String> row, Map<String, Integer> columns, String column, int line, List<Problem> p) {
    String v = row.get(columns.get(column));
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      p.add(new Problem(line, column, shown(v), "not a date such as 2026-11-02"));
      return null;
    }
  }

  private static BigDecimal amount(String v, int line, List<Problem> p) {
    if (v.startsWith("-") && v.substring(1).matches("[0-9]{1,15}([.,][0-9]{1,2})?")) {
      p.add(new Problem(line, AMOUNT, v, "must be more than 0 (a debit is not a payment)"));
      return null;
    }
    if (!v.matches("[0-9]{1,15}([.,][0-9]{1,2})?")) {
      p.add(
          new Problem(
              line,
              AMOUNT,
              shown(v),
              "not an amount such as 12500.00 or 12500,00 (no thousands separators)"));
      return null;
    }
    BigDecimal amount = new BigDecimal(v.replace(',', '.'));
    if (amount.signum() <= 0) {
      p.add(new Problem(line, AMOUNT, v, "must be more than 0"));
      return null;
    }
    return amount;
  }

  private static String shown(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
  }

  @Override
  public String toString() {
    return "BankStatementCsv[" + zone + "]";
  }
}
