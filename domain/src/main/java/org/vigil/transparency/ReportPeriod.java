package org.vigil.transparency;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole months a report covers, {@code from} to {@code to} inclusive, in UTC.
 *
 * @param from the first month
 * @param to the last month, not before {@code from}; at most {@link #MAX_MONTHS} months in all
 */
public record ReportPeriod(YearMonth from, YearMonth to) {
  /** The longest period one report covers, so that every query over it stays bounded. */
  public static final int MAX_MONTHS = 60;

  /** The months a report covers when none are asked for: the current one and the 11 before. */
  public static final int DEFAULT_MONTHS = 12;

  public ReportPeriod {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a report period needs a first and a last month");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    long months = ChronoUnit.MONTHS.between(from, to) + 1;
    if (months > MAX_MONTHS) {
      throw new IllegalArgumentException(
          "from "
              + from
              + " to "
              + to
              + " spans "
              + months
              + " months, more than the "
              + MAX_MONTHS
              + " allowed");
    }
  }

  /** The {@link #DEFAULT_MONTHS} months up to and including the month of {@code now}. */
  public static ReportPeriod lastMonths(Instant now) {
    YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    return new ReportPeriod(current.minusMonths(DEFAULT_MONTHS - 1), current);
  }

  /**
   * The period that the parameters {@code from} and {@code to} (months such as {@code 2026-11}, or
   * null) ask for: a missing {@code to} is the month of {@code now}, a missing {@code from} is
   * {@link #DEFAULT_MONTHS} months up to {@code to}.
   *
   * @throws IllegalArgumentException naming the parameter and its value when it is not a month, or
   *     the period when it is empty or too long
   */
  public static ReportPeriod parse(String from, String to, Instant now) {
    YearMonth last = to == null ? YearMonth.from(now.atOffset(ZoneOffset.UTC)) : month("to", to);
    YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
    return new ReportPeriod(first, last);
  }

  private static YearMonth month(String name, String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not a month such as 2026-11", e);
    }
  }

  /** The start of the first month (inclusive). */
  public Instant start() {
    return from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The start of the month after the last (exclusive). */
  public Instant end() {
    return to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Every month of the period, oldest first. */
  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** Whether {@code month} is one of the period's months. */
  public boolean contains(YearMonth month) {
    return !month.isBefore(from) && !month.isAfter(to);
  }
}
