package org.vigil.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The legal deadline of a notice: {@code noticeWithinDays} from the offence day (both in the
 * jurisdiction's zone). A case not yet noticed is flagged once within {@code flagWithinDays} of the
 * deadline day, and time-barred the day after it.
 *
 * @param flagWithinDays how many days before the deadline a case is flagged, 0 or more
 */
public record NoticeDeadlinePolicy(int flagWithinDays) {
  /** Flag within 3 days. */
  public static NoticeDeadlinePolicy defaults() {
    return new NoticeDeadlinePolicy(3);
  }

  public NoticeDeadlinePolicy {
    if (flagWithinDays < 0) {
      throw new IllegalArgumentException(
          "the deadline flag must be 0 days or more, was " + flagWithinDays);
    }
  }

  /** Where a case stands against its notice deadline. */
  public enum Standing {
    /** The law sets no notice deadline. */
    NONE,
    /** Well within it. */
    OPEN,
    /** Within the flag days of it: review and issue soon. */
    NEAR,
    /** Past it: no notice may be issued. */
    PASSED
  }

  /** The last day a notice may be issued, or null when the law sets none. */
  public LocalDate deadline(CaseTerms terms, Instant observedAt) {
    if (terms.noticeWithinDays() == null) {
      return null;
    }
    return LocalDate.ofInstant(observedAt, terms.zone()).plusDays(terms.noticeWithinDays());
  }

  /** The standing at {@code now} of a case observed at {@code observedAt}. */
  public Standing standing(CaseTerms terms, Instant observedAt, Instant now) {
    LocalDate deadline = deadline(terms, observedAt);
    if (deadline == null) {
      return Standing.NONE;
    }
    LocalDate today = LocalDate.ofInstant(now, terms.zone());
    if (today.isAfter(deadline)) {
      return Standing.PASSED;
    }
    return today.isBefore(deadline.minusDays(flagWithinDays)) ? Standing.OPEN : Standing.NEAR;
  }
}
