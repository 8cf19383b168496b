package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cases.Cases.NOTICE_DAY;
import static org.vigil.cases.Cases.OLGA;
import static org.vigil.cases.Cases.OLGA_SUPER;
import static org.vigil.cases.Cases.SUPER;
import static org.vigil.cases.Cases.T0;
import static org.vigil.cases.Cases.after;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every transition of a case, allowed and refused. */
class CaseTest {
  static final Instant LATER = T0.plusSeconds(7200);
  static final Rejection BLURRED = new Rejection(RejectionReason.PLATE_UNREADABLE, "blurred");

  static String refusal(Transition t) {
    assertThat(t).isInstanceOf(Transition.Refused.class);
    return ((Transition.Refused) t).reason();
  }

  @Test
  void opensInReviewWithAnEvent() {
    Transition.Accepted a =
        Case.open(java.util.UUID.randomUUID(), T0, Cases.fine(), T0.plusSeconds(5));
    assertThat(a.next().state()).isEqualTo(CaseState.IN_REVIEW);
    assertThat(a.next().version()).isZero();
    assertThat(a.event().action()).isEqualTo("case.open");
    assertThat(a.event().actor()).isEqualTo("system:cases");
  }

  @Test
  void confirmInReviewLeadsToConfirmedWithWhoWhenWhy() {
    Case c = Cases.inReview();
    Transition.Accepted a = (Transition.Accepted) c.confirm(OLGA, LATER);
    assertThat(a.next().state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(a.next().version()).isEqualTo(1);
    assertThat(a.event().from()).isEqualTo(CaseState.IN_REVIEW);
    assertThat(a.event().to()).isEqualTo(CaseState.CONFIRMED);
    assertThat(a.event().actor()).isEqualTo("account:olga");
    assertThat(a.event().at()).isEqualTo(LATER);
    assertThat(a.event().action()).isEqualTo("review.confirm");
  }

  @Test
  void aConfirmedCaseWithoutAFixedFineIsReferred() {
    Case c = Cases.inReview(Cases.court());
    Transition.Accepted a = (Transition.Accepted) c.confirm(OLGA, LATER);
    assertThat(a.next().state()).isEqualTo(CaseState.REFERRED);
    assertThat(a.event().reason()).contains("COURT");
    assertThat(refusal(a.next().keeperFound(LATER))).contains("is REFERRED");
    assertThat(after(a.next().close(Case.SYSTEM, LATER, "court")).state())
        .isEqualTo(CaseState.CLOSED);
  }

  @Test
  void rejectInReviewIsFinalOrGoesToSecondReview() {
    Case rejected = after(Cases.inReview().reject(OLGA, BLURRED, false, LATER));
    assertThat(rejected.state()).isEqualTo(CaseState.REJECTED);
    assertThat(rejected.rejection()).isEqualTo(BLURRED);
    Transition.Accepted second =
        (Transition.Accepted) Cases.inReview().reject(OLGA, BLURRED, true, LATER);
    assertThat(second.next().state()).isEqualTo(CaseState.SECOND_REVIEW);
    assertThat(second.next().firstReviewer()).isEqualTo("account:olga");
    assertThat(second.event().code()).isEqualTo("PLATE_UNREADABLE");
  }

  @Test
  void secondReviewNeedsASupervisorWhoIsSomeoneElse() {
    Case c = Cases.secondReview();
    assertThat(refusal(c.confirm(new Reviewer("account:ivan", false), LATER)))
        .isEqualTo("case " + c.id() + " is in SECOND_REVIEW; a second review needs a supervisor");
    assertThat(refusal(c.reject(OLGA_SUPER, BLURRED, false, LATER)))
        .contains("the second reviewer must be someone else");
    Case upheld = after(c.reject(SUPER, BLURRED, false, LATER));
    assertThat(upheld.state()).isEqualTo(CaseState.REJECTED);
    Transition.Accepted overruled = (Transition.Accepted) c.confirm(SUPER, LATER);
    assertThat(overruled.next().state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(overruled.next().rejection()).isNull();
    assertThat(overruled.event().action()).isEqualTo("review.second.confirm");
  }

  @Test
  void reviewIsRefusedOutsideReviewStates() {
    Case paid = Cases.noticed();
    assertThat(refusal(paid.confirm(OLGA, LATER)))
        .isEqualTo(
            "case "
                + paid.id()
                + " is NOTICE_ISSUED; a confirmation needs IN_REVIEW or SECOND_REVIEW");
    assertThat(refusal(Cases.confirmed().reject(OLGA, BLURRED, false, LATER)))
        .contains("is CONFIRMED; a rejection needs IN_REVIEW or SECOND_REVIEW");
  }

  @Test
  void keeperLookupOnlyAfterConfirmation() {
    assertThat(refusal(Cases.inReview().keeperFound(LATER)))
        .contains("is IN_REVIEW; a keeper lookup needs CONFIRMED");
    assertThat(after(Cases.confirmed().keeperFound(LATER)).state())
        .isEqualTo(CaseState.KEEPER_IDENTIFIED);
    Case unknown = after(Cases.confirmed().keeperUnknown(LATER));
    assertThat(unknown.state()).isEqualTo(CaseState.KEEPER_UNKNOWN);
    assertThat(refusal(unknown.keeperUnknown(LATER))).contains("is KEEPER_UNKNOWN");
    assertThat(after(unknown.keeperFound(LATER)).state()).isEqualTo(CaseState.KEEPER_IDENTIFIED);
    assertThat(after(unknown.close(Case.SYSTEM, LATER, "no keeper")).state())
        .isEqualTo(CaseState.CLOSED);
  }

  @Test
  void noticeOnlyForAnIdentifiedKeeper() {
    NoticeNumber n = NoticeNumber.parse("1234567890128");
    assertThat(refusal(Cases.confirmed().issueNotice(n, NOTICE_DAY, LATER)))
        .contains("is CONFIRMED; a notice needs KEEPER_IDENTIFIED");
    Case noticed = after(Cases.keeperIdentified().issueNotice(n, NOTICE_DAY, LATER));
    assertThat(noticed.state()).isEqualTo(CaseState.NOTICE_ISSUED);
    assertThat(noticed.notice()).isEqualTo(n);
    assertThat(noticed.noticeDay()).isEqualTo(NOTICE_DAY);
  }

  @Test
  void appealsAndTheirDecisions() {
    assertThat(refusal(Cases.confirmed().appeal(LATER))).contains("an appeal needs NOTICE_ISSUED");
    Case appealed = after(Cases.noticed().appeal(LATER));
    assertThat(appealed.state()).isEqualTo(CaseState.APPEALED);
    assertThat(refusal(appealed.appeal(LATER))).contains("is APPEALED");
    assertThat(refusal(appealed.decideAppeal(OLGA, true, " ", LATER))).contains("reasons");
    assertThat(after(appealed.decideAppeal(OLGA, true, "photo unclear", LATER)).state())
        .isEqualTo(CaseState.CANCELLED);
    assertThat(after(appealed.decideAppeal(OLGA, false, "speed confirmed", LATER)).state())
        .isEqualTo(CaseState.NOTICE_ISSUED);
    assertThat(refusal(Cases.noticed().decideAppeal(OLGA, true, "x", LATER)))
        .contains("is NOTICE_ISSUED; an appeal decision needs APPEALED");
  }

  @Test
  void escalatesWhenUnpaidThenToCollection() {
    Case noticed = Cases.noticed();
    Instant beforePayBy = LocalDate.of(2026, 12, 3).atStartOfDay(Cases.ALMATY).toInstant();
    assertThat(refusal(noticed.escalate(beforePayBy))).contains("escalation is not due");
    Instant afterPayBy = LocalDate.of(2026, 12, 4).atStartOfDay(Cases.ALMATY).toInstant();
    Case overdue = after(noticed.escalate(afterPayBy));
    assertThat(overdue.state()).isEqualTo(CaseState.OVERDUE);
    assertThat(refusal(overdue.escalate(afterPayBy))).contains("is OVERDUE");
    Instant afterEscalation = LocalDate.of(2027, 1, 3).atStartOfDay(Cases.ALMATY).toInstant();
    Case collection = after(overdue.escalate(afterEscalation));
    assertThat(collection.state()).isEqualTo(CaseState.COLLECTION);
    assertThat(refusal(collection.escalate(afterEscalation))).contains("is COLLECTION");
    assertThat(refusal(Cases.confirmed().escalate(afterEscalation)))
        .contains("escalation needs an issued notice");
    assertThat(after(overdue.appeal(afterPayBy)).state()).isEqualTo(CaseState.APPEALED);
  }

  @Test
  void timeBarOnlyBeforeTheNotice() {
    for (Case c :
        new Case[] {
          Cases.inReview(), Cases.secondReview(), Cases.confirmed(), Cases.keeperIdentified()
        }) {
      assertThat(after(c.timeBar(LATER, "late")).state()).isEqualTo(CaseState.TIME_BARRED);
    }
    assertThat(refusal(Cases.noticed().timeBar(LATER, "late")))
        .contains("a time bar needs a state before the notice");
  }

  @Test
  void settlementsMoveTheCase() {
    Case c = Cases.noticed();
    Settlement partial =
        new Settlement(
            Settlement.Kind.PARTIAL,
            new BigDecimal("10000"),
            new BigDecimal("4000"),
            new BigDecimal("6000"),
            BigDecimal.ZERO,
            "4000 of 10000");
    Case part = after(c.settle(partial, LATER));
    assertThat(part.state()).isEqualTo(CaseState.NOTICE_ISSUED);
    assertThat(part.paid()).isEqualByComparingTo("4000");
    Settlement settled =
        new Settlement(
            Settlement.Kind.SETTLED,
            new BigDecimal("10000"),
            new BigDecimal("12000"),
            BigDecimal.ZERO,
            new BigDecimal("2000"),
            "paid");
    Case paid = after(part.settle(settled, LATER));
    assertThat(paid.state()).isEqualTo(CaseState.PAID);
    assertThat(paid.refundDue()).isEqualByComparingTo("2000");
    Settlement duplicate =
        new Settlement(
            Settlement.Kind.DUPLICATE,
            null,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            "dup");
    assertThat(refusal(paid.settle(duplicate, LATER))).contains("dup");
    assertThat(after(paid.close(Case.SYSTEM, LATER, "paid")).state()).isEqualTo(CaseState.CLOSED);
  }

  @Test
  void closingOnlyFromFinishedStates() {
    assertThat(refusal(Cases.noticed().close(Case.SYSTEM, LATER, "x")))
        .contains("is NOTICE_ISSUED; closing needs one of");
    Case rejected = after(Cases.inReview().reject(OLGA, BLURRED, false, LATER));
    assertThat(after(rejected.close(Case.SYSTEM, LATER, "done")).state())
        .isEqualTo(CaseState.CLOSED);
  }

  @Test
  void theTransitionTableMatchesWhatTheMethodsAllow() {
    Set<CaseState> reachable = EnumSet.noneOf(CaseState.class);
    for (CaseState from : CaseState.values()) {
      for (CaseState to : CaseState.values()) {
        if (Case.mayLead(from, to)) {
          reachable.add(to);
        }
      }
    }
    assertThat(reachable).containsAll(EnumSet.complementOf(EnumSet.of(CaseState.IN_REVIEW)));
  }

  @Test
  void anOtherRejectionNeedsANote() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Rejection(RejectionReason.OTHER, " "))
        .hasMessageContaining("needs a note");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RejectionReason.parse("blurry"))
        .hasMessageContaining("'blurry'");
    assertThat(RejectionReason.parse("plate_mismatch")).isEqualTo(RejectionReason.PLATE_MISMATCH);
  }
}
