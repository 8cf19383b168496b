package org.vigil.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.vigil.tariff.Assessment;
import org.vigil.tariff.Deadlines;
import org.vigil.tariff.Outcome;

/**
 * What the tariff in force at the offence says about a case, fixed when the case is opened so that
 * a later tariff change does not move its amounts or deadlines.
 *
 * @param jurisdiction e.g. {@code KZ}
 * @param zone the jurisdiction's time zone: days (notice day, discount window, deadlines) are
 *     counted in it
 * @param outcome the tariff's answer; only {@link Outcome#FINE} leads to a notice
 * @param amount the fine, for a FINE; otherwise null
 * @param currency e.g. {@code KZT}; null when no tariff was in force
 * @param discountedAmount the amount when paid within the discount window, or null
 * @param discountWithinDays the window, in days from the notice day; 0 when there is none
 * @param increasedAmount the amount after the escalation deadline, or null
 * @param noticeWithinDays days from the offence day within which the notice must be issued, or null
 *     when the law sets none
 * @param payWithinDays days from the notice day to pay; 0 unless a FINE
 * @param escalationAfterDays days from the notice day after which an unpaid fine escalates; 0
 *     unless a FINE
 * @param escalation what escalation means, in words; "" unless a FINE
 * @param basis the legal basis, or null
 */
public record CaseTerms(
    String jurisdiction,
    ZoneId zone,
    Outcome outcome,
    BigDecimal amount,
    String currency,
    BigDecimal discountedAmount,
    int discountWithinDays,
    BigDecimal increasedAmount,
    Integer noticeWithinDays,
    int payWithinDays,
    int escalationAfterDays,
    String escalation,
    String basis) {
  public CaseTerms {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(escalation, "escalation");
    boolean fine = outcome == Outcome.FINE;
    if (fine != (amount != null)) {
      throw new IllegalArgumentException("an amount is set exactly for a FINE, outcome " + outcome);
    }
    if (fine && (currency == null || payWithinDays < 1 || escalationAfterDays < payWithinDays)) {
      throw new IllegalArgumentException(
          "a FINE needs a currency and deadlines, had pay within "
              + payWithinDays
              + " and escalation after "
              + escalationAfterDays
              + " days");
    }
    if ((discountedAmount != null) != (discountWithinDays > 0)) {
      throw new IllegalArgumentException(
          "a discounted amount needs its window and only it, was " + discountWithinDays + " days");
    }
    if (noticeWithinDays != null && noticeWithinDays < 1) {
      throw new IllegalArgumentException(
          "the notice deadline must be 1 day or more, was " + noticeWithinDays);
    }
  }

  /** The terms of {@code a}, assessed in {@code zone}. */
  public static CaseTerms of(Assessment a, ZoneId zone) {
    Deadlines d = a.deadlines();
    return new CaseTerms(
        a.jurisdiction(),
        zone,
        a.outcome(),
        a.amount(),
        a.currency(),
        a.discountedAmount(),
        a.discountWithinDays(),
        a.increasedAmount(),
        d == null ? null : d.noticeWithinDays(),
        d == null ? 0 : d.payWithinDays(),
        d == null ? 0 : d.escalationAfterDays(),
        d == null ? "" : d.escalation(),
        a.basis());
  }

  /** Whether a fixed fine applies, hence a notice. */
  public boolean isFine() {
    return outcome == Outcome.FINE;
  }

  /** The last day of the discount for a notice of {@code noticeDay}, or null when none. */
  public LocalDate discountLastDay(LocalDate noticeDay) {
    return discountedAmount == null ? null : noticeDay.plusDays(discountWithinDays);
  }

  /** The last day to pay the full amount for a notice of {@code noticeDay}. */
  public LocalDate payBy(LocalDate noticeDay) {
    return noticeDay.plusDays(payWithinDays);
  }

  /** The last day before escalation for a notice of {@code noticeDay}. */
  public LocalDate escalationDay(LocalDate noticeDay) {
    return noticeDay.plusDays(escalationAfterDays);
  }
}
