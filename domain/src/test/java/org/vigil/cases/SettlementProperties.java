package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.vigil.payment.IncomingPayment;
import org.vigil.tariff.Outcome;

/** DiscountPolicy and PaymentSettlement against a plain reference model. */
class SettlementProperties {
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Asia/Almaty"),
          ZoneId.of("Europe/Paris"),
          ZoneId.of("UTC"),
          ZoneId.of("Pacific/Kiritimati"),
          ZoneId.of("America/Los_Angeles"));
  static final LocalDate NOTICE = LocalDate.of(2026, 3, 1);

  /** One payment of the model: whole currency units, minutes after the notice day's start (UTC). */
  record Pay(int sourceId, int amount, int minutesAfter) {}

  static CaseTerms terms(int full, int discounted, int window, int zone, boolean increased) {
    return new CaseTerms(
        "KZ",
        ZONES.get(zone),
        Outcome.FINE,
        BigDecimal.valueOf(full),
        "KZT",
        discounted == 0 ? null : BigDecimal.valueOf(discounted),
        discounted == 0 ? 0 : window,
        increased ? BigDecimal.valueOf(full * 2L) : null,
        null,
        30,
        60,
        "collection",
        "basis");
  }

  /** The reference: what is due, counted in whole days between calendar dates in the zone. */
  static long modelDue(CaseTerms t, Instant paidAt) {
    long days = paidAt.atZone(t.zone()).toLocalDate().toEpochDay() - NOTICE.toEpochDay();
    if (t.discountedAmount() != null && days <= t.discountWithinDays()) {
      return t.discountedAmount().longValueExact();
    }
    if (t.increasedAmount() != null && days > t.escalationAfterDays()) {
      return t.increasedAmount().longValueExact();
    }
    return t.amount().longValueExact();
  }

  static Instant at(int minutesAfter) {
    return NOTICE.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(60L * minutesAfter);
  }

  @Property
  void discountOnlyUpToItsLastDayInTheZone(
      @ForAll @IntRange(min = 1000, max = 100000) int full,
      @ForAll @IntRange(min = 1, max = 30) int window,
      @ForAll @IntRange(min = 0, max = 4) int zone,
      @ForAll boolean increased,
      @ForAll @IntRange(min = -600, max = 150 * 1440) int minutesAfter) {
    CaseTerms t = terms(full, full / 2, window, zone, increased);
    Instant paidAt = at(minutesAfter);
    assertThat(DiscountPolicy.due(t, NOTICE, paidAt).longValueExact())
        .isEqualTo(modelDue(t, paidAt));
  }

  @Provide
  Arbitrary<List<Pay>> payments() {
    Arbitrary<Pay> one =
        Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 30000),
                Arbitraries.integers().between(0, 90 * 1440))
            .as(Pay::new);
    return one.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property
  void settlementMatchesTheModel(
      @ForAll @IntRange(min = 1000, max = 40000) int full,
      @ForAll @IntRange(min = 0, max = 1) int hasDiscount,
      @ForAll @IntRange(min = 1, max = 15) int window,
      @ForAll @IntRange(min = 0, max = 4) int zone,
      @ForAll boolean cancelled,
      @ForAll("payments") @Size(min = 1) List<Pay> pays) {
    CaseTerms t = terms(full, hasDiscount == 1 ? full / 2 : 0, window, zone, false);
    Case c =
        new Case(
            UUID.randomUUID(),
            cancelled ? CaseState.CANCELLED : CaseState.NOTICE_ISSUED,
            3,
            at(0),
            at(-1440),
            t,
            null,
            null,
            NoticeNumber.parse("1234567890128"),
            NOTICE,
            BigDecimal.ZERO,
            BigDecimal.ZERO);
    Set<String> seen = new HashSet<>();
    // the model
    Set<Integer> modelSeen = new HashSet<>();
    long modelPaid = 0;
    long modelRefund = 0;
    boolean modelSettled = false;
    for (Pay p : pays) {
      IncomingPayment in =
          new IncomingPayment(
              IncomingPayment.Source.PROVIDER,
              "tx-" + p.sourceId(),
              "1234567890128",
              BigDecimal.valueOf(p.amount()),
              "KZT",
              at(p.minutesAfter()));
      Settlement s = PaymentSettlement.settle(c, seen, in);
      boolean duplicate = !modelSeen.add(p.sourceId());
      if (duplicate) {
        assertThat(s.kind()).isEqualTo(Settlement.Kind.DUPLICATE);
        continue;
      }
      if (cancelled || modelSettled) {
        modelRefund += p.amount();
        assertThat(s.kind()).isEqualTo(Settlement.Kind.REFUND);
      } else {
        long due = modelDue(t, in.paidAt());
        modelPaid += p.amount();
        if (modelPaid >= due) {
          modelSettled = true;
          modelRefund += modelPaid - due;
          assertThat(s.kind()).isEqualTo(Settlement.Kind.SETTLED);
        } else {
          assertThat(s.kind()).isEqualTo(Settlement.Kind.PARTIAL);
          assertThat(s.balance().longValueExact()).isEqualTo(due - modelPaid);
        }
      }
      c = Cases.after(c.settle(s, in.paidAt()));
      seen.add(PaymentSettlement.key(in));
      assertThat(c.paid().longValueExact()).isEqualTo(modelPaid);
      assertThat(c.refundDue().longValueExact()).isEqualTo(modelRefund);
      assertThat(c.state())
          .isEqualTo(
              cancelled
                  ? CaseState.CANCELLED
                  : modelSettled ? CaseState.PAID : CaseState.NOTICE_ISSUED);
    }
  }

  @Property
  void anotherCurrencyIsRefundedWhole(@ForAll @IntRange(min = 1, max = 99999) int amount) {
    Case c = Cases.noticed();
    IncomingPayment eur =
        new IncomingPayment(
            IncomingPayment.Source.BANK_STATEMENT,
            "b-1",
            "1234567890128",
            BigDecimal.valueOf(amount),
            "EUR",
            Cases.T0);
    Settlement s = PaymentSettlement.settle(c, Set.of(), eur);
    assertThat(s.kind()).isEqualTo(Settlement.Kind.REFUND);
    assertThat(s.refund().longValueExact()).isEqualTo(amount);
  }
}
