package org.vigil.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A case: one recorded violation on its way from review to a paid, cancelled or closed notice. Its
 * id is the violation's id. Immutable; each transition is a method that answers a {@link
 * Transition}: the next case with a {@link CaseEvent}, or a refusal naming the case, its state and
 * what the transition needs.
 *
 * @param id the violation's id
 * @param state where it stands
 * @param version how many transitions it went through; the store refuses a stale write
 * @param openedAt when the case was opened
 * @param observedAt when the offence was seen (the notice deadline counts from its day)
 * @param terms the tariff's amounts and deadlines, fixed at opening
 * @param firstReviewer in SECOND_REVIEW, who rejected it first; otherwise null
 * @param rejection the pending (SECOND_REVIEW) or final (REJECTED) rejection; otherwise null
 * @param notice the notice's number once issued, otherwise null
 * @param noticeDay the day the notice was issued, in the jurisdiction's zone; null before
 * @param paid every payment applied so far
 * @param refundDue what is recorded to be paid back (overpayments, payments after cancellation)
 */
public record Case(
    UUID id,
    CaseState state,
    long version,
    Instant openedAt,
    Instant observedAt,
    CaseTerms terms,
    String firstReviewer,
    Rejection rejection,
    NoticeNumber notice,
    LocalDate noticeDay,
    BigDecimal paid,
    BigDecimal refundDue) {
  /** The actor of transitions made by Vigil itself. */
  public static final String SYSTEM = "system:cases";

  public Case {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(refundDue, "refundDue");
    if ((notice == null) != (noticeDay == null)) {
      throw new IllegalArgumentException("case " + id + ": a notice needs its number and its day");
    }
    if (state == CaseState.SECOND_REVIEW && (firstReviewer == null || rejection == null)) {
      throw new IllegalArgumentException(
          "case " + id + " in SECOND_REVIEW needs the first reviewer and the rejection");
    }
  }

  /** A new case in review for the violation {@code id}. */
  public static Transition.Accepted open(UUID id, Instant observedAt, CaseTerms terms, Instant at) {
    Case c =
        new Case(
            id,
            CaseState.IN_REVIEW,
            0,
            at,
            observedAt,
            terms,
            null,
            null,
            null,
            null,
            BigDecimal.ZERO,
            BigDecimal.ZERO);
    return new Transition.Accepted(
        c,
        new CaseEvent(
            id,
            CaseState.IN_REVIEW,
            CaseState.IN_REVIEW,
            "case.open",
            SYSTEM,
            at,
            "the violation has no holds",
            null));
  }

  /**
   * A reviewer confirms the violation. In IN_REVIEW, any reviewer; in SECOND_REVIEW (overruling the
   * first reviewer's rejection), a supervisor other than the first reviewer. A case whose tariff
   * sets no fixed fine goes to REFERRED instead of CONFIRMED.
   */
  public Transition confirm(Reviewer r, Instant at) {
    Transition.Refused refused = reviewable(r, "a confirmation");
    if (refused != null) {
      return refused;
    }
    CaseState to = terms.isFine() ? CaseState.CONFIRMED : CaseState.REFERRED;
    String why =
        terms.isFine()
            ? (state == CaseState.SECOND_REVIEW ? "second reviewer overruled the rejection" : "")
            : "the tariff says " + terms.outcome() + ": no notice; referred to the authority";
    return step(
        to,
        r.pseudonym(),
        at,
        state == CaseState.SECOND_REVIEW ? "review.second.confirm" : "review.confirm",
        why,
        null,
        null,
        null,
        notice,
        noticeDay,
        paid,
        refundDue);
  }

  /**
   * A reviewer rejects the violation. In IN_REVIEW: REJECTED, or SECOND_REVIEW when {@code
   * needsSecondReview} ({@link SecondReviewPolicy}); in SECOND_REVIEW: REJECTED, by a supervisor
   * other than the first reviewer.
   */
  public Transition reject(Reviewer r, Rejection why, boolean needsSecondReview, Instant at) {
    Objects.requireNonNull(why, "why");
    Transition.Refused refused = reviewable(r, "a rejection");
    if (refused != null) {
      return refused;
    }
    String text = why.reason() + (why.note().isEmpty() ? "" : ": " + why.note());
    if (state == CaseState.IN_REVIEW && needsSecondReview) {
      return step(
          CaseState.SECOND_REVIEW,
          r.pseudonym(),
          at,
          "review.reject",
          "rejection needs a second reviewer: " + text,
          why.reason().name(),
          r.pseudonym(),
          why,
          notice,
          noticeDay,
          paid,
          refundDue);
    }
    return step(
        CaseState.REJECTED,
        r.pseudonym(),
        at,
        state == CaseState.SECOND_REVIEW ? "review.second.reject" : "review.reject",
        text,
        why.reason().name(),
        null,
        why,
        notice,
        noticeDay,
        paid,
        refundDue);
  }

  private Transition.Refused reviewable(Reviewer r, String what) {
    if (!CaseState.REVIEW.contains(state)) {
      return refuse(what + " needs IN_REVIEW or SECOND_REVIEW");
    }
    if (state == CaseState.SECOND_REVIEW) {
      if (!r.supervisor()) {
        return new Transition.Refused(
            "case " + id + " is in SECOND_REVIEW; a second review needs a supervisor");
      }
      if (r.pseudonym().equals(firstReviewer)) {
        return new Transition.Refused(
            "case " + id + " is in SECOND_REVIEW; the second reviewer must be someone else");
      }
    }
    return null;
  }

  /** The registry named the keeper: from CONFIRMED or KEEPER_UNKNOWN (a later lookup). */
  public Transition keeperFound(Instant at) {
    if (state != CaseState.CONFIRMED && state != CaseState.KEEPER_UNKNOWN) {
      return refuse("a keeper lookup needs CONFIRMED or KEEPER_UNKNOWN");
    }
    return plain(CaseState.KEEPER_IDENTIFIED, SYSTEM, at, "keeper.found", "", null);
  }

  /** The registry knows no keeper: from CONFIRMED. */
  public Transition keeperUnknown(Instant at) {
    if (state != CaseState.CONFIRMED) {
      return refuse("a keeper lookup needs CONFIRMED");
    }
    return plain(
        CaseState.KEEPER_UNKNOWN,
        SYSTEM,
        at,
        "keeper.unknown",
        "the registry knows no keeper",
        null);
  }

  /** The notice {@code number} is issued on {@code day}: from KEEPER_IDENTIFIED. */
  public Transition issueNotice(NoticeNumber number, LocalDate day, Instant at) {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(day, "day");
    if (state != CaseState.KEEPER_IDENTIFIED) {
      return refuse("a notice needs KEEPER_IDENTIFIED");
    }
    return step(
        CaseState.NOTICE_ISSUED,
        SYSTEM,
        at,
        "notice.issue",
        "notice " + number + " of " + day,
        null,
        null,
        null,
        number,
        day,
        paid,
        refundDue);
  }

  /**
   * Applies what {@link PaymentSettlement} decided for a payment: PAID when settled, the same state
   * with the new totals when partial or refunded. A duplicate is refused: it changes nothing.
   */
  public Transition settle(Settlement s, Instant at) {
    return switch (s.kind()) {
      case DUPLICATE -> new Transition.Refused("case " + id + ": " + s.reason());
      case PARTIAL ->
          step(
              state,
              SYSTEM,
              at,
              "payment.partial",
              s.reason(),
              null,
              firstReviewer,
              rejection,
              notice,
              noticeDay,
              s.paidTotal(),
              refundDue);
      case SETTLED ->
          step(
              CaseState.PAID,
              SYSTEM,
              at,
              "payment.settle",
              s.reason(),
              null,
              null,
              rejection,
              notice,
              noticeDay,
              s.paidTotal(),
              refundDue.add(s.refund()));
      case REFUND ->
          step(
              state,
              SYSTEM,
              at,
              "payment.refund",
              s.reason(),
              null,
              firstReviewer,
              rejection,
              notice,
              noticeDay,
              paid,
              refundDue.add(s.refund()));
    };
  }

  /** The keeper appeals: from NOTICE_ISSUED or OVERDUE. */
  public Transition appeal(Instant at) {
    if (state != CaseState.NOTICE_ISSUED && state != CaseState.OVERDUE) {
      return refuse("an appeal needs NOTICE_ISSUED or OVERDUE");
    }
    return plain(CaseState.APPEALED, "system:portal", at, "appeal.file", "", null);
  }

  /**
   * A reviewer decides the appeal: upheld → CANCELLED, and whatever was paid towards the fine is
   * recorded for refund; rejected → NOTICE_ISSUED again (the escalation sweep moves it on if its
   * deadlines passed meanwhile).
   *
   * @param reasons the reasons the keeper will read; not blank
   */
  public Transition decideAppeal(Reviewer r, boolean upheld, String reasons, Instant at) {
    if (state != CaseState.APPEALED) {
      return refuse("an appeal decision needs APPEALED");
    }
    if (reasons == null || reasons.isBlank()) {
      return new Transition.Refused("case " + id + ": an appeal decision needs its reasons");
    }
    if (!upheld) {
      return plain(CaseState.NOTICE_ISSUED, r.pseudonym(), at, "appeal.reject", "", null);
    }
    return step(
        CaseState.CANCELLED,
        r.pseudonym(),
        at,
        "appeal.uphold",
        paid.signum() > 0 ? "the fine is cancelled: " + paid.toPlainString() + " to refund" : "",
        null,
        null,
        null,
        notice,
        noticeDay,
        paid,
        refundDue.add(paid));
  }

  /**
   * Moves an unpaid notice on as {@link EscalationPolicy} says at {@code at}: NOTICE_ISSUED →
   * OVERDUE → COLLECTION, one step per call. Refused when nothing is due.
   */
  public Transition escalate(Instant at) {
    if (notice == null) {
      return refuse("escalation needs an issued notice");
    }
    CaseState due = EscalationPolicy.due(state, terms, noticeDay, at);
    if (due == state) {
      return refuse("escalation is not due on " + at);
    }
    CaseState to = state == CaseState.NOTICE_ISSUED ? CaseState.OVERDUE : CaseState.COLLECTION;
    String why =
        to == CaseState.OVERDUE
            ? "unpaid after " + terms.payBy(noticeDay)
            : "unpaid after " + terms.escalationDay(noticeDay) + ": " + terms.escalation();
    return plain(
        to, SYSTEM, at, to == CaseState.OVERDUE ? "case.overdue" : "case.collect", why, null);
  }

  /** The notice deadline passed before a notice: from any state before the notice. */
  public Transition timeBar(Instant at, String why) {
    if (!CaseState.BEFORE_NOTICE.contains(state)) {
      return refuse("a time bar needs a state before the notice");
    }
    return plain(CaseState.TIME_BARRED, SYSTEM, at, "case.time-bar", why, null);
  }

  /** Closes a case that is done with: from PAID, CANCELLED, REJECTED, REFERRED, etc. */
  public Transition close(String actor, Instant at, String why) {
    if (!CaseState.CLOSABLE.contains(state)) {
      return refuse("closing needs one of " + CaseState.CLOSABLE);
    }
    return plain(CaseState.CLOSED, actor, at, "case.close", why, null);
  }

  /** Whether a transition from this state to {@code to} exists at all (for documentation). */
  public static boolean mayLead(CaseState from, CaseState to) {
    return TRANSITIONS.contains(from.name() + ">" + to.name());
  }

  private static final Set<String> TRANSITIONS =
      Set.of(
          "IN_REVIEW>CONFIRMED",
          "IN_REVIEW>REFERRED",
          "IN_REVIEW>REJECTED",
          "IN_REVIEW>SECOND_REVIEW",
          "SECOND_REVIEW>REJECTED",
          "SECOND_REVIEW>CONFIRMED",
          "SECOND_REVIEW>REFERRED",
          "CONFIRMED>KEEPER_IDENTIFIED",
          "CONFIRMED>KEEPER_UNKNOWN",
          "KEEPER_UNKNOWN>KEEPER_IDENTIFIED",
          "KEEPER_IDENTIFIED>NOTICE_ISSUED",
          "NOTICE_ISSUED>PAID",
          "OVERDUE>PAID",
          "COLLECTION>PAID",
          "APPEALED>PAID",
          "NOTICE_ISSUED>APPEALED",
          "OVERDUE>APPEALED",
          "APPEALED>CANCELLED",
          "APPEALED>NOTICE_ISSUED",
          "NOTICE_ISSUED>OVERDUE",
          "OVERDUE>COLLECTION",
          "IN_REVIEW>TIME_BARRED",
          "SECOND_REVIEW>TIME_BARRED",
          "CONFIRMED>TIME_BARRED",
          "KEEPER_IDENTIFIED>TIME_BARRED",
          "KEEPER_UNKNOWN>TIME_BARRED",
          "PAID>CLOSED",
          "CANCELLED>CLOSED",
          "REJECTED>CLOSED",
          "REFERRED>CLOSED",
          "KEEPER_UNKNOWN>CLOSED",
          "COLLECTION>CLOSED");

  /** What is owed at {@code at}: 0 unless payable. */
  public BigDecimal balanceAt(Instant at) {
    if (!CaseState.PAYABLE.contains(state) || !terms.isFine() || noticeDay == null) {
      return BigDecimal.ZERO;
    }
    return DiscountPolicy.due(terms, noticeDay, at).subtract(paid).max(BigDecimal.ZERO);
  }

  private Transition.Refused refuse(String needs) {
    return new Transition.Refused("case " + id + " is " + state + "; " + needs);
  }

  private Transition.Accepted plain(
      CaseState to, String actor, Instant at, String action, String why, String code) {
    return step(
        to,
        actor,
        at,
        action,
        why,
        code,
        firstReviewer,
        rejection,
        notice,
        noticeDay,
        paid,
        refundDue);
  }

  private Transition.Accepted step(
      CaseState to,
      String actor,
      Instant at,
      String action,
      String why,
      String code,
      String nextFirstReviewer,
      Rejection nextRejection,
      NoticeNumber nextNotice,
      LocalDate nextNoticeDay,
      BigDecimal nextPaid,
      BigDecimal nextRefund) {
    Case next =
        new Case(
            id,
            to,
            version + 1,
            openedAt,
            observedAt,
            terms,
            to == CaseState.SECOND_REVIEW ? nextFirstReviewer : null,
            to == CaseState.SECOND_REVIEW || to == CaseState.REJECTED ? nextRejection : null,
            nextNotice,
            nextNoticeDay,
            nextPaid,
            nextRefund);
    return new Transition.Accepted(
        next, new CaseEvent(id, state, to, action, actor, at, why, code));
  }

  @Override
  public String toString() {
    return "Case[" + id + " " + state + " v" + version + "]";
  }
}
