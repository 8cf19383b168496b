package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cases.Cases.OLGA;
import static org.vigil.cases.Cases.SUPER;
import static org.vigil.cases.Cases.after;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;

/** When a finished case is closed, by the sweep or a supervisor, and its retention after. */
class ClosingPolicyTest {
  static final ClosingPolicy POLICY = ClosingPolicy.defaults();
  static final Instant LAST = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant SETTLED = LAST.plus(Duration.ofDays(30));

  static Case paid() {
    Settlement s =
        new Settlement(
            Settlement.Kind.SETTLED,
            new BigDecimal("10000"),
            new BigDecimal("10000"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            "paid");
    return after(Cases.noticed().settle(s, LAST));
  }

  static Case collection() {
    Case overdue = after(Cases.noticed().escalate(Instant.parse("2026-12-10T00:00:00Z")));
    return after(overdue.escalate(Instant.parse("2027-01-10T00:00:00Z")));
  }

  static String keep(ClosingPolicy.Verdict v) {
    assertThat(v).isInstanceOf(ClosingPolicy.Verdict.Keep.class);
    return ((ClosingPolicy.Verdict.Keep) v).reason();
  }

  @Test
  void theDefaultSettlePeriodIsThirtyDaysAndMustBePositive() {
    assertThat(POLICY.settle()).isEqualTo(Duration.ofDays(30));
    assertThatThrownBy(() -> new ClosingPolicy(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> new ClosingPolicy(Duration.ofDays(-1))).hasMessageContaining("PT-24H");
  }

  @Test
  void aPaidCaseClosesOnceTheSettlePeriodHasPassedSinceItsLastTransition() {
    Case c = paid();
    assertThat(keep(POLICY.bySweep(c, LAST, false, SETTLED.minusSeconds(1))))
        .contains("settles until " + SETTLED);
    ClosingPolicy.Verdict v = POLICY.bySweep(c, LAST, false, SETTLED);
    assertThat(v).isInstanceOf(ClosingPolicy.Verdict.Close.class);
    assertThat(((ClosingPolicy.Verdict.Close) v).reason())
        .contains("finished as PAID")
        .contains("PT720H")
        .contains(LAST.toString());
    assertThat(after(c.close(Case.SYSTEM, SETTLED, "x")).state()).isEqualTo(CaseState.CLOSED);
  }

  @Test
  void everyFinishedStateButCollectionClosesBySweep() {
    Case rejected =
        after(
            Cases.inReview()
                .reject(OLGA, new Rejection(RejectionReason.PLATE_UNREADABLE, ""), false, LAST));
    Case referred = after(Cases.inReview(Cases.court()).confirm(OLGA, LAST));
    Case unknown = after(Cases.confirmed().keeperUnknown(LAST));
    Case appealed = after(Cases.noticed().appeal(LAST));
    Case cancelled = after(appealed.decideAppeal(OLGA, true, "photo unclear", LAST));
    for (Case c : new Case[] {rejected, referred, unknown, cancelled, paid()}) {
      assertThat(POLICY.bySweep(c, LAST, false, SETTLED))
          .as(c.state().name())
          .isInstanceOf(ClosingPolicy.Verdict.Close.class);
    }
    assertThat(keep(POLICY.bySweep(collection(), LAST, false, SETTLED.plus(Duration.ofDays(999)))))
        .contains("COLLECTION: only a supervisor closes it");
    assertThat(keep(POLICY.bySweep(Cases.noticed(), LAST, false, SETTLED)))
        .contains("NOTICE_ISSUED, not finished");
    assertThat(keep(POLICY.bySweep(appealed, LAST, false, SETTLED))).contains("APPEALED");
  }

  @Test
  void neverWhileHeldOrWhileARefundIsOwed() {
    assertThat(keep(POLICY.bySweep(paid(), LAST, true, SETTLED))).contains("legal hold");
    Settlement over =
        new Settlement(
            Settlement.Kind.SETTLED,
            new BigDecimal("10000"),
            new BigDecimal("12500"),
            BigDecimal.ZERO,
            new BigDecimal("2500"),
            "paid");
    Case overpaid = after(Cases.noticed().settle(over, LAST));
    assertThat(keep(POLICY.bySweep(overpaid, LAST, false, SETTLED)))
        .contains("owes a refund of 2500");
    assertThat(keep(POLICY.bySupervisor(overpaid, false, "done"))).contains("refund");
    assertThat(keep(POLICY.bySupervisor(paid(), true, "done"))).contains("legal hold");
  }

  @Test
  void anUpheldAppealAfterAPartialPaymentOwesThatPaymentBack() {
    Settlement partial =
        new Settlement(
            Settlement.Kind.PARTIAL,
            new BigDecimal("10000"),
            new BigDecimal("4000"),
            new BigDecimal("6000"),
            BigDecimal.ZERO,
            "4000 of 10000");
    Case part = after(Cases.noticed().settle(partial, LAST));
    Case cancelled =
        after(after(part.appeal(LAST)).decideAppeal(OLGA, true, "photo unclear", LAST));
    assertThat(cancelled.state()).isEqualTo(CaseState.CANCELLED);
    assertThat(cancelled.refundDue()).isEqualByComparingTo("4000");
    assertThat(keep(POLICY.bySweep(cancelled, LAST, false, SETTLED))).contains("refund of 4000");
  }

  @Test
  void aSupervisorClosesCollectionAndNeedNotWaitButOnlyFinishedCases() {
    ClosingPolicy.Verdict v = POLICY.bySupervisor(collection(), false, "collected by bailiff");
    assertThat(v).isEqualTo(new ClosingPolicy.Verdict.Close("collected by bailiff"));
    assertThat(POLICY.bySupervisor(paid(), false, "x"))
        .isInstanceOf(ClosingPolicy.Verdict.Close.class);
    assertThat(keep(POLICY.bySupervisor(Cases.noticed(), false, "x")))
        .contains("is NOTICE_ISSUED; closing needs one of");
    Case closed = after(paid().close(SUPER.pseudonym(), SETTLED, "x"));
    assertThat(keep(POLICY.bySupervisor(closed, false, "again"))).contains("is CLOSED");
  }

  @Test
  void aClosedCaseIsKeptForItsClassPeriodFromTheClosureDay() {
    Map<RetentionClass, Period> p = new EnumMap<>(RetentionPolicy.defaults().periods());
    p.put(RetentionClass.CASE, Period.ofYears(3));
    p.put(RetentionClass.REJECTED, Period.ofDays(30));
    RetentionPolicy retention = new RetentionPolicy(p);
    Instant closedAt = Instant.parse("2027-02-10T23:30:00Z");
    assertThat(ClosingPolicy.retention(CaseState.PAID, retention, closedAt))
        .isEqualTo(new Effect.Retain(RetentionClass.CASE, LocalDate.of(2030, 2, 10)));
    assertThat(ClosingPolicy.retention(CaseState.COLLECTION, retention, closedAt))
        .isEqualTo(new Effect.Retain(RetentionClass.CASE, LocalDate.of(2030, 2, 10)));
    assertThat(ClosingPolicy.retention(CaseState.REJECTED, retention, closedAt))
        .as("a rejected case goes under the REJECTED class")
        .isEqualTo(new Effect.Retain(RetentionClass.REJECTED, LocalDate.of(2027, 3, 12)));
  }

  @Test
  void onlyTheSupervisorRouteReachesCollection() {
    assertThat(ClosingPolicy.AUTOMATIC).doesNotContain(CaseState.COLLECTION);
    assertThat(CaseState.CLOSABLE).containsAll(ClosingPolicy.AUTOMATIC);
  }
}
