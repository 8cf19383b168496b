package org.vigil.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.vigil.tariff.Outcome;

/** Test fixtures: terms and cases in each state. */
final class Cases {
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  static final Reviewer OLGA = new Reviewer("account:olga", false);
  static final Reviewer SUPER = new Reviewer("account:sup", true);
  static final Reviewer OLGA_SUPER = new Reviewer("account:olga", true);

  private Cases() {}

  /** 20000 KZT, 10000 within 7 days, pay within 30, escalate after 60, notice within 60. */
  static CaseTerms fine() {
    return new CaseTerms(
        "KZ",
        ALMATY,
        Outcome.FINE,
        new BigDecimal("20000"),
        "KZT",
        new BigDecimal("10000"),
        7,
        null,
        60,
        30,
        60,
        "enforced collection",
        "CoAO RK art. 592 part 2");
  }

  static CaseTerms court() {
    return new CaseTerms(
        "FR",
        ZoneId.of("Europe/Paris"),
        Outcome.COURT,
        null,
        "EUR",
        null,
        0,
        null,
        null,
        0,
        0,
        "",
        "R413-14");
  }

  static Case inReview(CaseTerms terms) {
    return Case.open(UUID.randomUUID(), T0, terms, T0.plusSeconds(60)).next();
  }

  static Case inReview() {
    return inReview(fine());
  }

  static Case after(Transition t) {
    if (t instanceof Transition.Accepted a) {
      return a.next();
    }
    throw new AssertionError(((Transition.Refused) t).reason());
  }

  static Case confirmed() {
    return after(inReview().confirm(OLGA, T0.plusSeconds(3600)));
  }

  static Case keeperIdentified() {
    return after(confirmed().keeperFound(T0.plusSeconds(3700)));
  }

  static final LocalDate NOTICE_DAY = LocalDate.of(2026, 11, 3);

  static Case noticed() {
    return after(
        keeperIdentified()
            .issueNotice(NoticeNumber.parse("1234567890128"), NOTICE_DAY, T0.plusSeconds(86400)));
  }

  static Case secondReview() {
    return after(
        inReview()
            .reject(
                OLGA,
                new Rejection(RejectionReason.PLATE_UNREADABLE, ""),
                true,
                T0.plusSeconds(3600)));
  }
}
