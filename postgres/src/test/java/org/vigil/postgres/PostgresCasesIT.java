package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cases.Appeal;
import org.vigil.cases.Attachment;
import org.vigil.cases.Case;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseState;
import org.vigil.cases.CaseStore;
import org.vigil.cases.CaseTerms;
import org.vigil.cases.Delivery;
import org.vigil.cases.Effect;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.PaymentSettlement;
import org.vigil.cases.Rejection;
import org.vigil.cases.RejectionReason;
import org.vigil.cases.ReviewDecision;
import org.vigil.cases.ReviewSignatures;
import org.vigil.cases.Reviewer;
import org.vigil.cases.Settlement;
import org.vigil.cases.SignedReview;
import org.vigil.cases.Transition;
import org.vigil.enforcement.Violation;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Channel;
import org.vigil.notice.Language;
import org.vigil.payment.IncomingPayment;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionPolicy;
import org.vigil.tariff.Outcome;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.SitesBuilder;
import org.vigil.transparency.ReportPeriod;

/** The case store, outbox and figures against a real, embedded PostgreSQL. */
class PostgresCasesIT {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  static final Reviewer OLGA = new Reviewer("account:olga", false);
  static final Keeper KEEPER =
      new Keeper(
          "Aigerim Sadykova",
          new PostalAddress(List.of("Abai 10", "Almaty 050000"), "KZ"),
          "aigerim@example.kz",
          "+77011234567",
          Language.KK);

  @TempDir static Path dataDir;
  static Database database;
  static InMemoryKeyVault vault;
  static PostgresViolations violations;
  static PostgresCases cases;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    vault = new InMemoryKeyVault();
    Envelopes envelopes = new Envelopes(vault, new SecureRandom());
    violations =
        new PostgresViolations(database.dataSource(), envelopes, RetentionPolicy.defaults());
    cases =
        new PostgresCases(
            database.dataSource(),
            violations,
            envelopes,
            java.time.Clock.fixed(T0.plusSeconds(86400), ZoneId.of("UTC")));
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  static CaseTerms terms() {
    return new CaseTerms(
        "KZ",
        ZoneId.of("Asia/Almaty"),
        Outcome.FINE,
        new BigDecimal("19660"),
        "KZT",
        new BigDecimal("9830"),
        7,
        null,
        null,
        30,
        30,
        "enforced collection",
        "CoAO RK art. 592 part 2");
  }

  static List<Violation> record(String prefix, int n, Instant at) throws Exception {
    Enforcement enforcement = Enforcement.of(SitesBuilder.standard(), Duration.ZERO);
    List<Violation> decided = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      decided.addAll(
          enforcement.see(
              aDetection()
                  .camera("B-003")
                  .eventId(prefix + i)
                  .at(at.plusSeconds(i))
                  .plate(String.format(java.util.Locale.ROOT, "%03d%sA15", 100 + i, prefix))
                  .speed(130)
                  .build()));
    }
    violations.record(decided).toCompletableFuture().get();
    return decided;
  }

  static Case step(Case c, Transition t, Effect... effects) {
    Transition.Accepted a = (Transition.Accepted) t;
    assertThat(cases.commit(a, c.version(), List.of(effects))).isEqualTo(CaseStore.Commit.DONE);
    return a.next();
  }

  @Test
  void opensOnceAndWalksTheWholeLifeCycleWithSealedPersonalData() throws Exception {
    List<Violation> recorded = record("LC", 2, T0);
    List<Violation> open = cases.violationsWithoutCase(100);
    assertThat(open)
        .extracting(Violation::id)
        .containsAll(recorded.stream().map(Violation::id).toList());
    Violation v = recorded.getFirst();
    Transition.Accepted opened = Case.open(v.id(), v.observedAt(), terms(), T0.plusSeconds(60));
    assertThat(cases.open(opened)).isTrue();
    assertThat(cases.open(opened)).isFalse();
    assertThat(cases.violationsWithoutCase(100)).extracting(Violation::id).doesNotContain(v.id());

    Case c = opened.next();
    assertThat(cases.files(CaseState.REVIEW, 100)).extracting(f -> f.c().id()).contains(v.id());
    var key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Transition.Accepted confirm = (Transition.Accepted) c.confirm(OLGA, T0.plusSeconds(120));
    SignedReview signed =
        ReviewSignatures.sign(
            new ReviewDecision(
                v.id(),
                "first",
                "confirm",
                "",
                "",
                OLGA.pseudonym(),
                T0.plusSeconds(120),
                "ab".repeat(32)),
            key);
    cases.registerReviewerKey(OLGA.pseudonym(), signed.publicKey());
    cases.registerReviewerKey(OLGA.pseudonym(), signed.publicKey());
    assertThat(cases.reviewerKeys(OLGA.pseudonym())).hasSize(1);
    // a stale version writes nothing
    assertThat(cases.commit(confirm, 5, List.of())).isEqualTo(CaseStore.Commit.STALE);
    c = step(c, confirm, new Effect.Review(signed));
    assertThat(cases.recentDecisions(OLGA.pseudonym(), 10)).containsExactly(false);
    assertThat(cases.reviews(v.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.verifies()).isTrue());

    // tampering with a stored decision breaks its signature
    try (Connection con = database.dataSource().getConnection();
        Statement st = con.createStatement()) {
      st.executeUpdate(
          "update review_decision set decision = 'reject', reason = 'DUPLICATE' where case_id = '"
              + v.id()
              + "'");
    }
    assertThat(cases.reviews(v.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.verifies()).isFalse());

    c = step(c, c.keeperFound(T0.plusSeconds(130)), new Effect.KeeperFound(KEEPER));
    CaseFile file = cases.find(v.id()).orElseThrow();
    assertThat(file.keeper().name()).isEqualTo("Aigerim Sadykova");
    assertThat(file.keeper().address().lines()).containsExactly("Abai 10", "Almaty 050000");
    assertThat(file.keeper().language()).isEqualTo(Language.KK);
    assertThat(file.violation().plate().text()).isEqualTo("100LCA15");
    try (Connection con = database.dataSource().getConnection();
        Statement st = con.createStatement();
        var rs = st.executeQuery("select keeper from case_file where id = '" + v.id() + "'")) {
      rs.next();
      assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("Aigerim")
          .doesNotContain("example.kz");
    }

    NoticeNumber number = NoticeNumber.parse("1234567890128");
    Case noticed = c;
    c =
        step(
            c,
            c.issueNotice(number, LocalDate.of(2026, 11, 3), T0.plusSeconds(140)),
            new Effect.Notice(List.of(Channel.EMAIL, Channel.SMS, Channel.POST)));
    assertThat(cases.findByNotice(number).orElseThrow().c().state())
        .isEqualTo(CaseState.NOTICE_ISSUED);
    // another case cannot take the same number
    Violation w = recorded.get(1);
    Transition.Accepted second = Case.open(w.id(), w.observedAt(), terms(), T0);
    cases.open(second);
    Case c2 = second.next();
    c2 = step(c2, c2.confirm(OLGA, T0));
    c2 = step(c2, c2.keeperFound(T0), new Effect.KeeperFound(KEEPER));
    assertThat(
            cases.commit(
                (Transition.Accepted) c2.issueNotice(number, LocalDate.of(2026, 11, 3), T0),
                c2.version(),
                List.of(new Effect.Notice(List.of(Channel.POST)))))
        .isEqualTo(CaseStore.Commit.NOTICE_NUMBER_TAKEN);

    // the outbox
    Instant now = T0.plusSeconds(90_000);
    List<Delivery> due = cases.due(EnumSet.of(Channel.EMAIL, Channel.POST), now, 10);
    assertThat(due)
        .extracting(Delivery::channel)
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.POST);
    Delivery email =
        due.stream().filter(d -> d.channel() == Channel.EMAIL).findFirst().orElseThrow();
    cases.failed(email.id(), "smtp 451 at mail.example", now.plusSeconds(60), now);
    assertThat(cases.due(EnumSet.of(Channel.EMAIL), now, 10)).isEmpty();
    cases.failed(email.id(), "smtp 550 at mail.example", null, now);
    assertThat(cases.list(Delivery.Status.FAILED, 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attempts()).isEqualTo(2);
              assertThat(d.lastError()).isEqualTo("smtp 550 at mail.example");
            });
    assertThat(cases.retry(email.id(), now)).isTrue();
    assertThat(cases.retry(email.id(), now)).isFalse();
    cases.sent(email.id(), now);
    assertThat(cases.list(Delivery.Status.SENT, 10))
        .extracting(Delivery::id)
        .containsExactly(email.id());

    // payments: partial, duplicate, settled
    IncomingPayment p1 = payment("tx-1", "5000", T0.plusSeconds(3600));
    Settlement s1 = PaymentSettlement.settle(c, cases.paymentKeys(c.id()), p1);
    c = step(c, c.settle(s1, now), new Effect.Payment(p1, s1));
    assertThat(cases.paymentKeys(c.id())).containsExactly("PROVIDER:tx-1");
    assertThat(PaymentSettlement.settle(c, cases.paymentKeys(c.id()), p1).kind())
        .isEqualTo(Settlement.Kind.DUPLICATE);
    IncomingPayment p2 = payment("tx-2", "5000", T0.plusSeconds(7200));
    Settlement s2 = PaymentSettlement.settle(c, cases.paymentKeys(c.id()), p2);
    assertThat(s2.kind()).isEqualTo(Settlement.Kind.SETTLED);
    c = step(c, c.settle(s2, now), new Effect.Payment(p2, s2));
    Case paid = cases.find(c.id()).orElseThrow().c();
    assertThat(paid.state()).isEqualTo(CaseState.PAID);
    assertThat(paid.paid()).isEqualByComparingTo("10000");
    assertThat(paid.refundDue()).isEqualByComparingTo("170");
    // the same payment id through another case is a duplicate, by the unique index
    assertThat(cases.recordUnmatched(p2)).isFalse();
    assertThat(cases.recordUnmatched(payment("tx-9", "1", T0))).isTrue();

    assertThat(cases.history(c.id()))
        .extracting(e -> e.action())
        .containsExactly(
            "case.open",
            "review.confirm",
            "keeper.found",
            "notice.issue",
            "payment.partial",
            "payment.settle");
    assertThat(noticed.state()).isEqualTo(CaseState.KEEPER_IDENTIFIED);

    YearMonth month = YearMonth.of(2026, 11);
    ReportPeriod period = new ReportPeriod(month, month);
    assertThat(cases.notices(period).orElseThrow())
        .extracting(cell -> cell.values().getFirst() + "=" + cell.count())
        .contains("issued=1", "paid=1");
  }

  @Test
  void appealsAreSealedQueuedDecidedAndShreddedWithTheViolation() throws Exception {
    Violation v = record("AP", 1, T0.plusSeconds(1000)).getFirst();
    Transition.Accepted opened = Case.open(v.id(), v.observedAt(), terms(), T0);
    cases.open(opened);
    Case c = opened.next();
    c = step(c, c.confirm(OLGA, T0));
    c = step(c, c.keeperFound(T0), new Effect.KeeperFound(KEEPER));
    c =
        step(
            c,
            c.issueNotice(NoticeNumber.parse("9876543210987"), LocalDate.of(2026, 11, 3), T0),
            new Effect.Notice(List.of(Channel.POST)));
    Appeal appeal =
        Appeal.filed(
            UUID.randomUUID(),
            c.id(),
            T0.plusSeconds(500),
            "Я не был за рулём",
            List.of(new Attachment("photo.jpg", "image/jpeg", new byte[] {1, 2, 3})));
    c = step(c, c.appeal(T0.plusSeconds(500)), new Effect.AppealFiled(appeal));
    assertThat(cases.appealQueue(10)).extracting(Appeal::id).contains(appeal.id());
    Appeal read = cases.appeal(appeal.id()).orElseThrow();
    assertThat(read.text()).isEqualTo("Я не был за рулём");
    assertThat(read.attachments().getFirst().content()).containsExactly(1, 2, 3);

    Appeal decided =
        read.decided(true, OLGA.pseudonym(), T0.plusSeconds(900), "the photo is unclear");
    c =
        step(
            c,
            c.decideAppeal(OLGA, true, "the photo is unclear", T0.plusSeconds(900)),
            new Effect.AppealDecided(decided));
    assertThat(c.state()).isEqualTo(CaseState.CANCELLED);
    assertThat(cases.appealQueue(10)).extracting(Appeal::id).doesNotContain(appeal.id());
    assertThat(cases.appeals(c.id()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo(Appeal.Status.UPHELD);
              assertThat(a.reasons()).isEqualTo("the photo is unclear");
            });
    YearMonth month = YearMonth.of(2026, 11);
    assertThat(cases.appeals(new ReportPeriod(month, month)).orElseThrow())
        .extracting(cell -> cell.values().getFirst())
        .contains("filed", "upheld");
    assertThat(cases.notices(new ReportPeriod(month, month)).orElseThrow())
        .extracting(cell -> cell.values().getFirst())
        .contains("cancelled");

    // shredding the violation's key erases the case's personal data too
    for (KeyId k : vault.list()) {
      vault.destroy(k);
    }
    CaseFile shredded = cases.find(c.id()).orElseThrow();
    assertThat(shredded.keeper()).isNull();
    assertThat(shredded.violation().shredded()).isTrue();
    assertThat(cases.appeal(appeal.id()).orElseThrow().text()).isEqualTo(Appeal.SHREDDED);
  }

  @Test
  void rejectionsAreCountedByReason() throws Exception {
    Violation v = record("RJ", 1, T0.plusSeconds(2000)).getFirst();
    Transition.Accepted opened = Case.open(v.id(), v.observedAt(), terms(), T0);
    cases.open(opened);
    Case c = opened.next();
    step(
        c,
        c.reject(OLGA, new Rejection(RejectionReason.EMERGENCY_VEHICLE, "ambulance"), false, T0));
    assertThat(cases.cases(Set.of(CaseState.REJECTED), 10)).extracting(Case::id).contains(v.id());
    assertThat(cases.find(v.id()).orElseThrow().c().rejection().note()).isEqualTo("ambulance");
    YearMonth month = YearMonth.of(2026, 11);
    assertThat(cases.reviewRejections(new ReportPeriod(month, month)).orElseThrow())
        .extracting(cell -> cell.values().getFirst() + "=" + cell.count())
        .contains("EMERGENCY_VEHICLE=1");
  }

  static IncomingPayment payment(String id, String amount, Instant at) {
    return new IncomingPayment(
        IncomingPayment.Source.PROVIDER, id, "1234567890128", new BigDecimal(amount), "KZT", at);
  }
}
