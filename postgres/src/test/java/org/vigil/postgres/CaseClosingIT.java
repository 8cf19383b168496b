package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cases.Case;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseState;
import org.vigil.cases.CaseStore;
import org.vigil.cases.ClosingPolicy;
import org.vigil.cases.Effect;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.PaymentSettlement;
import org.vigil.cases.Rejection;
import org.vigil.cases.RejectionReason;
import org.vigil.cases.Reviewer;
import org.vigil.cases.Settlement;
import org.vigil.cases.Transition;
import org.vigil.enforcement.Violation;
import org.vigil.notice.Channel;
import org.vigil.payment.IncomingPayment;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * Closing a case re-wraps its data key, in the closure's transaction, from the key of its
 * observation-based expiry day to the key of the closure day + the class's period: the purge of the
 * old day leaves the closed case readable, the purge of the new one shreds it. A rejected case goes
 * under the REJECTED class; a held one keeps its hold's key and is released to the closure's day.
 * Real, embedded PostgreSQL.
 */
class CaseClosingIT {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  static final LocalDate OBSERVED_EXPIRY = LocalDate.parse("2027-11-02");
  static final Reviewer OLGA = new Reviewer("account:olga", false);
  static final RetentionPolicy POLICY = RetentionPolicy.defaults();

  @TempDir static Path dataDir;
  static Database database;
  static InMemoryKeyVault vault;
  static TestClock clock;
  static PostgresViolations violations;
  static PostgresCases cases;
  static PostgresRetention retention;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    vault = new InMemoryKeyVault();
    Envelopes envelopes = new Envelopes(vault, new SecureRandom());
    clock = new TestClock(T0.plusSeconds(60));
    violations = new PostgresViolations(database.dataSource(), envelopes, POLICY);
    cases = new PostgresCases(database.dataSource(), violations, envelopes, clock);
    retention = new PostgresRetention(database.dataSource(), envelopes, POLICY, clock);
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  static Violation record(String plate, String eventId) throws Exception {
    List<Violation> v =
        Enforcement.of(SitesBuilder.standard(), Duration.ZERO)
            .see(
                aDetection()
                    .camera("B-003")
                    .eventId(eventId)
                    .at(T0)
                    .plate(plate)
                    .speed(130)
                    .build());
    violations.record(v).toCompletableFuture().get();
    return v.getFirst();
  }

  static Case open(Violation v) {
    Transition.Accepted opened =
        Case.open(v.id(), v.observedAt(), PostgresCasesIT.terms(), clock.instant());
    assertThat(cases.open(opened)).isTrue();
    return opened.next();
  }

  static Case step(Case c, Transition t, Effect... effects) {
    Transition.Accepted a = (Transition.Accepted) t;
    assertThat(cases.commit(a, c.version(), List.of(effects))).isEqualTo(CaseStore.Commit.DONE);
    return a.next();
  }

  /**
   * A case confirmed, its keeper found, noticed and paid in full, all on the day of the offence.
   */
  static Case paid(Violation v, String notice) {
    Case c = open(v);
    c = step(c, c.confirm(OLGA, clock.instant()));
    c = step(c, c.keeperFound(clock.instant()), new Effect.KeeperFound(PostgresCasesIT.KEEPER));
    c =
        step(
            c,
            c.issueNotice(NoticeNumber.parse(notice), LocalDate.of(2026, 11, 2), clock.instant()),
            new Effect.Notice(List.of(Channel.POST)));
    IncomingPayment p =
        new IncomingPayment(
            IncomingPayment.Source.PROVIDER,
            "close-" + v.id(),
            notice,
            new BigDecimal("9830"),
            "KZT",
            clock.instant());
    Settlement s = PaymentSettlement.settle(c, cases.paymentKeys(c.id()), p);
    assertThat(s.kind()).isEqualTo(Settlement.Kind.SETTLED);
    return step(c, c.settle(s, clock.instant()), new Effect.Payment(p, s));
  }

  /** Closes {@code c} now as the desk does: the closure and its retention in one commit. */
  static Case close(Case c) {
    return step(
        c,
        c.close(Case.SYSTEM, clock.instant(), "settled"),
        ClosingPolicy.retention(c.state(), POLICY, clock.instant()));
  }

  record KeyRow(String kek, String retentionClass, LocalDate expiresOn) {}

  static KeyRow keyRow(UUID subject) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select kek, retention_class, expires_on from data_key where subject = ?")) {
      ps.setObject(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new KeyRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))
            : null;
      }
    }
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  @Test
  void aClosedCaseOutlivesItsObservationDayAndIsShreddedAtClosurePlusThePeriod() throws Exception {
    clock.set(T0.plusSeconds(60));
    Violation v = record("100CLS15", "CL-1");
    Violation other = record("200CLS15", "CL-2");
    Case c = paid(v, "1000000000009");
    assertThat(keyRow(v.id()))
        .isEqualTo(new KeyRow("CASE/" + OBSERVED_EXPIRY, "CASE", OBSERVED_EXPIRY));

    // 30 days of quiet: the store offers it to the sweep, with its last transition, not held
    clock.advance(Duration.ofDays(200));
    List<CaseStore.Closable> candidates =
        cases.closable(ClosingPolicy.AUTOMATIC, clock.instant().minus(Duration.ofDays(30)), 100);
    assertThat(candidates).extracting(k -> k.c().id()).contains(v.id());
    CaseStore.Closable k = cases.closable(v.id()).orElseThrow();
    assertThat(k.held()).isFalse();
    assertThat(k.lastTransition()).isEqualTo(T0.plusSeconds(60));
    assertThat(ClosingPolicy.defaults().bySweep(k.c(), k.lastTransition(), false, clock.instant()))
        .isInstanceOf(ClosingPolicy.Verdict.Close.class);

    Instant closedAt = clock.instant();
    LocalDate closureExpiry = LocalDate.ofInstant(closedAt, ZoneOffset.UTC).plusYears(1);
    c = close(c);
    assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    assertThat(keyRow(v.id()))
        .as("re-wrapped under the closure's key in the closure's transaction")
        .isEqualTo(new KeyRow("CASE/" + closureExpiry, "CASE", closureExpiry));
    assertThat(vault.list()).contains(KeyId.of(RetentionClass.CASE, closureExpiry));
    assertThat(cases.history(v.id()).getLast().action()).isEqualTo("case.close");
    assertThat(cases.closable(ClosingPolicy.AUTOMATIC, clock.instant(), 100))
        .extracting(x -> x.c().id())
        .doesNotContain(v.id());

    // the purge of the observation day's key shreds the open neighbour, not the closed case
    clock.set(startOf(OBSERVED_EXPIRY.plusDays(1)).plusSeconds(60));
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::target)
        .contains("key:CASE-" + OBSERVED_EXPIRY);
    assertThat(violations.byIds(List.of(other.id())).get(other.id()).shredded()).isTrue();
    CaseFile closed = cases.find(v.id()).orElseThrow();
    assertThat(closed.violation().shredded()).isFalse();
    assertThat(closed.violation().plate().text()).isEqualTo("100CLS15");
    assertThat(closed.keeper().name()).isEqualTo("Aigerim Sadykova");

    // the purge after the closure's expiry day shreds it, keeper and all
    clock.set(startOf(closureExpiry).plusSeconds(60));
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::target)
        .doesNotContain("key:CASE-" + closureExpiry);
    clock.advance(Duration.ofDays(1));
    assertThat(retention.purge(p -> {}))
        .extracting(PostgresRetention.Purged::purpose)
        .anyMatch(p -> p.startsWith("records=") && p.endsWith("class=CASE day=" + closureExpiry));
    CaseFile shredded = cases.find(v.id()).orElseThrow();
    assertThat(shredded.violation().shredded()).isTrue();
    assertThat(shredded.keeper()).isNull();
    assertThat(shredded.c().state()).isEqualTo(CaseState.CLOSED);
    assertThat(keyRow(v.id())).isNull();
  }

  @Test
  void aRejectedCaseGoesUnderTheRejectedClassAtClosure() throws Exception {
    clock.set(T0.plusSeconds(60));
    Violation v = record("300CLS15", "CL-3");
    Case c = open(v);
    c =
        step(
            c,
            c.reject(
                OLGA, new Rejection(RejectionReason.PLATE_UNREADABLE, ""), false, clock.instant()));
    clock.advance(Duration.ofDays(31));
    LocalDate expiry = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
    close(c);
    assertThat(keyRow(v.id())).isEqualTo(new KeyRow("REJECTED/" + expiry, "REJECTED", expiry));
    assertThat(expiry).isBefore(OBSERVED_EXPIRY);
  }

  @Test
  void aHeldCaseKeepsItsHoldKeyAtClosureAndItsReleaseGoesToTheClosureDay() throws Exception {
    clock.set(T0.plusSeconds(60));
    Violation v = record(String.format(Locale.ROOT, "%03dCLS15", 400), "CL-4");
    Case c = paid(v, "1000000000017");
    PostgresRetention.LegalHold hold = retention.placeHold(v.id(), "court 7/2027", "sup");
    assertThat(cases.closable(v.id()).orElseThrow().held()).isTrue();

    // a closure racing the hold (the policy refuses held cases; the store must stay right anyway)
    clock.advance(Duration.ofDays(100));
    LocalDate closureExpiry = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
    close(c);
    assertThat(keyRow(v.id()))
        .as("still under the hold's key, the closure's expiry recorded for the release")
        .isEqualTo(new KeyRow("hold/" + hold.id(), "CASE", closureExpiry));

    // released after the observation day has passed: the later day, the closure's, is kept
    clock.set(startOf(OBSERVED_EXPIRY.plusDays(5)));
    assertThat(retention.releaseHold(hold.id(), "sup"))
        .isEqualTo(KeyId.of(RetentionClass.CASE, closureExpiry));
    retention.purge(p -> {});
    assertThat(cases.find(v.id()).orElseThrow().keeper().name()).isEqualTo("Aigerim Sadykova");

    // a hold placed on a closed case goes back to the closure's day too
    PostgresRetention.LegalHold again = retention.placeHold(v.id(), "audit 1/2028", "sup");
    assertThat(retention.releaseHold(again.id(), "sup"))
        .isEqualTo(KeyId.of(RetentionClass.CASE, closureExpiry));
  }
}
