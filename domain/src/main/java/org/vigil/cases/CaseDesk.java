package org.vigil.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.enforcement.Violation;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.NoticeRenderer;
import org.vigil.notice.OutgoingNotice;
import org.vigil.payment.IncomingPayment;
import org.vigil.plate.Plate;
import org.vigil.retention.RetentionPolicy;
import org.vigil.tariff.Assessment;
import org.vigil.tariff.Offence;
import org.vigil.tariff.Tariff;
import org.vigil.tariff.TariffBook;

/**
 * The back office's application service: opens cases from violations, runs review, keeper lookup,
 * notices, payments, appeals, the outbox and the deadline sweep, through the ports it is given. The
 * HTTP routes, the portal and the scheduled jobs call it and stay thin.
 *
 * <p>The keeper is looked up only for a CONFIRMED case, by {@link #progress}; nothing else leads
 * from a plate to a person. What Vigil itself does is recorded on the audit trail as {@code
 * system:cases}; what staff do is recorded by the routes under their pseudonyms.
 */
public final class CaseDesk {
  /** The audit actor of what the desk does by itself. */
  public static final String ACTOR = Case.SYSTEM;

  private static final int NOTICE_NUMBER_DRAWS = 5;
  private static final int STALE_RETRIES = 3;

  private final CaseStore store;
  private final Outbox outbox;
  private final ReviewerKeys reviewerKeys;
  private final Optional<KeeperRegistry> registry;
  private final CaseSites sites;
  private final TariffBook tariffs;
  private final AuditTrail audit;
  private final Clock clock;
  private final RandomGenerator random;
  private final Settings settings;

  /**
   * The desk's settings.
   *
   * @param secondReview when rejections need a second reviewer
   * @param noticeDeadline when a case is flagged before its notice deadline
   * @param retries when failed deliveries are tried again
   * @param portal the citizen portal's address, printed on notices, e.g. {@code
   *     https://vigil.example/portal}
   * @param closing when finished cases are closed
   * @param retention the retention periods, which set a closed case's new expiry
   */
  public record Settings(
      SecondReviewPolicy secondReview,
      NoticeDeadlinePolicy noticeDeadline,
      DeliveryRetryPolicy retries,
      String portal,
      ClosingPolicy closing,
      RetentionPolicy retention) {
    public Settings {
      Objects.requireNonNull(secondReview, "secondReview");
      Objects.requireNonNull(noticeDeadline, "noticeDeadline");
      Objects.requireNonNull(retries, "retries");
      Objects.requireNonNull(portal, "portal");
      Objects.requireNonNull(closing, "closing");
      Objects.requireNonNull(retention, "retention");
    }

    /** The default policies with {@code portal}. */
    public static Settings defaults(String portal) {
      return new Settings(
          SecondReviewPolicy.defaults(),
          NoticeDeadlinePolicy.defaults(),
          DeliveryRetryPolicy.defaults(),
          portal,
          ClosingPolicy.defaults(),
          RetentionPolicy.defaults());
    }
  }

  /**
   * @param registry the keeper registry; while empty, confirmed cases wait in CONFIRMED
   * @param random draws notice numbers (a SecureRandom in production)
   */
  public CaseDesk(
      CaseStore store,
      Outbox outbox,
      ReviewerKeys reviewerKeys,
      Optional<KeeperRegistry> registry,
      CaseSites sites,
      TariffBook tariffs,
      AuditTrail audit,
      Clock clock,
      RandomGenerator random,
      Settings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.reviewerKeys = Objects.requireNonNull(reviewerKeys, "reviewerKeys");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sites = Objects.requireNonNull(sites, "sites");
    this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** What a desk operation gave. */
  public sealed interface Answer {
    /** Done; {@code c} is the case as it is now. */
    record Done(Case c) implements Answer {}

    /** Not allowed now, with the reason (409). */
    record Refused(String reason) implements Answer {}

    /** Nothing of that id or number (404); {@code what} names it, never personal data. */
    record NotFound(String what) implements Answer {}
  }

  /** The settings in force. */
  public Settings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- opening

  /**
   * Opens a case in IN_REVIEW for each recorded violation that has no holds and no case yet, oldest
   * first, at most {@code limit}.
   *
   * @return how many were opened
   */
  public int openNew(int limit) {
    int opened = 0;
    for (Violation v : store.violationsWithoutCase(limit)) {
      if (v.held() || v.shredded()) {
        continue;
      }
      if (store.open(Case.open(v.id(), v.observedAt(), terms(v), clock.instant()))) {
        opened++;
      }
    }
    return opened;
  }

  /** The tariff's terms for {@code v}: its jurisdiction's tariff in force at its time. */
  CaseTerms terms(Violation v) {
    String jurisdiction = sites.jurisdiction(v);
    Offence offence =
        Offence.isSpeed(v.type())
            ? Offence.speeding(
                v.type(), v.observedAt(), v.measuredSpeedKmh(), v.limit().limitKmh(), 0)
            : Offence.of(v.type(), v.observedAt(), 0);
    Assessment a = tariffs.assess(jurisdiction, offence);
    ZoneId zone = tariffs.tariff(jurisdiction).map(Tariff::zone).orElse(ZoneId.of("UTC"));
    return CaseTerms.of(a, zone);
  }

  // ---------------------------------------------------------------- reading

  /** Cases waiting for a reviewer (IN_REVIEW and SECOND_REVIEW), oldest offence first. */
  public List<CaseFile> reviewQueue(int limit) {
    return store.files(CaseState.REVIEW, limit);
  }

  /** The case {@code id}. */
  public Optional<CaseFile> caseFile(UUID id) {
    return store.find(id);
  }

  /** The case of notice {@code number}; for staff (the portal also needs the plate). */
  public Optional<CaseFile> byNotice(NoticeNumber number) {
    return store.findByNotice(number);
  }

  /** Every transition of the case, oldest first. */
  public List<CaseEvent> history(UUID id) {
    return store.history(id);
  }

  /** The case's signed review decisions, oldest first. */
  public List<SignedReview> reviews(UUID id) {
    return store.reviews(id);
  }

  /** The appeals of the case, oldest first. */
  public List<Appeal> appeals(UUID caseId) {
    return store.appeals(caseId);
  }

  /** The case's standing against its notice deadline now. */
  public NoticeDeadlinePolicy.Standing deadlineStanding(Case c) {
    if (!CaseState.BEFORE_NOTICE.contains(c.state())) {
      return NoticeDeadlinePolicy.Standing.NONE;
    }
    return settings.noticeDeadline().standing(c.terms(), c.observedAt(), clock.instant());
  }

  /** The case's notice deadline day, or null. */
  public LocalDate noticeDeadline(Case c) {
    return settings.noticeDeadline().deadline(c.terms(), c.observedAt());
  }

  // ---------------------------------------------------------------- review

  /**
   * A reviewer's decision on a case in review: {@code rejection} null to confirm. The decision is
   * signed with the reviewer's own key; a rejection by a reviewer whose rejection share is above
   * the policy's goes to SECOND_REVIEW. A confirmed case goes on to the keeper and the notice at
   * once ({@link #progress}).
   */
  public Answer review(UUID id, Reviewer reviewer, Rejection rejection) {
    Optional<CaseFile> found = store.find(id);
    if (found.isEmpty()) {
      return new Answer.NotFound("case " + id);
    }
    CaseFile file = found.get();
    Case c = file.c();
    if (file.violation().shredded()) {
      return new Answer.Refused("case " + id + ": its evidence was shredded");
    }
    Instant now = clock.instant();
    boolean second = c.state() == CaseState.SECOND_REVIEW;
    Transition t;
    if (rejection == null) {
      t = c.confirm(reviewer, now);
    } else {
      boolean needsSecond =
          c.state() == CaseState.IN_REVIEW
              && settings
                  .secondReview()
                  .needsSecondReview(
                      store.recentDecisions(
                          reviewer.pseudonym(), settings.secondReview().window()));
      t = c.reject(reviewer, rejection, needsSecond, now);
    }
    if (!(t instanceof Transition.Accepted step)) {
      return new Answer.Refused(((Transition.Refused) t).reason());
    }
    ReviewDecision decision =
        new ReviewDecision(
            id,
            second ? "second" : "first",
            rejection == null ? "confirm" : "reject",
            rejection == null ? "" : rejection.reason().name(),
            rejection == null ? "" : rejection.note(),
            reviewer.pseudonym(),
            now,
            EvidenceDigest.of(file.violation()));
    SignedReview signed = ReviewSignatures.sign(decision, reviewerKeys.keyOf(reviewer.pseudonym()));
    store.registerReviewerKey(reviewer.pseudonym(), signed.publicKey());
    CaseStore.Commit result = store.commit(step, c.version(), List.of(new Effect.Review(signed)));
    if (result != CaseStore.Commit.DONE) {
      return new Answer.Refused("case " + id + " changed meanwhile; reload it and decide again");
    }
    if (step.next().state() == CaseState.CONFIRMED) {
      return new Answer.Done(progress(id).orElse(step.next()));
    }
    return new Answer.Done(step.next());
  }

  // ---------------------------------------------------------------- keeper and notice

  /**
   * Takes a CONFIRMED case as far as it can go now: looks up its keeper (when a registry is wired),
   * then issues its notice; a case past its notice deadline is time-barred instead. A registry that
   * cannot be asked leaves the case CONFIRMED for the next sweep.
   *
   * @return the case as it is now, or empty when there is no such case
   */
  public Optional<Case> progress(UUID id) {
    Optional<CaseFile> found = store.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CaseFile file = found.get();
    Case c = file.c();
    Instant now = clock.instant();
    if (CaseState.BEFORE_NOTICE.contains(c.state())
        && settings.noticeDeadline().standing(c.terms(), c.observedAt(), now)
            == NoticeDeadlinePolicy.Standing.PASSED) {
      return Optional.of(timeBar(c, now));
    }
    if (c.state() == CaseState.CONFIRMED && registry.isPresent()) {
      if (file.violation().shredded()) {
        return Optional.of(c);
      }
      KeeperRegistry.Lookup answer =
          registry.get().lookup(file.violation().plate(), file.violation().observedAt());
      switch (answer) {
        case KeeperRegistry.Lookup.Found f -> {
          Transition.Accepted step = (Transition.Accepted) c.keeperFound(now);
          if (store.commit(step, c.version(), List.of(new Effect.KeeperFound(f.keeper())))
              != CaseStore.Commit.DONE) {
            return store.find(id).map(CaseFile::c);
          }
          record(AuditKind.PERSONAL_DATA_VIEW, "keeper.lookup", id, "found");
          c = step.next();
          file = new CaseFile(c, file.violation(), f.keeper());
        }
        case KeeperRegistry.Lookup.NotFound nf -> {
          Transition.Accepted step = (Transition.Accepted) c.keeperUnknown(now);
          store.commit(step, c.version(), List.of());
          record(AuditKind.PERSONAL_DATA_VIEW, "keeper.lookup", id, "not found");
          return Optional.of(step.next());
        }
        case KeeperRegistry.Lookup.Unavailable u -> {
          return Optional.of(c);
        }
      }
    }
    if (c.state() == CaseState.KEEPER_IDENTIFIED && file.keeper() != null) {
      return Optional.of(issueNotice(file, now));
    }
    return Optional.of(c);
  }

  private Case issueNotice(CaseFile file, Instant now) {
    Case c = file.c();
    Keeper k = file.keeper();
    List<Channel> channels = new ArrayList<>();
    if (k.email() != null) {
      channels.add(Channel.EMAIL);
    }
    if (k.phone() != null) {
      channels.add(Channel.SMS);
    }
    channels.add(Channel.POST);
    LocalDate day = LocalDate.ofInstant(now, c.terms().zone());
    for (int draw = 0; draw < NOTICE_NUMBER_DRAWS; draw++) {
      Transition t = c.issueNotice(NoticeNumber.random(random), day, now);
      if (!(t instanceof Transition.Accepted step)) {
        return c;
      }
      CaseStore.Commit r = store.commit(step, c.version(), List.of(new Effect.Notice(channels)));
      if (r == CaseStore.Commit.DONE) {
        record(AuditKind.DECISION, "notice.issue", c.id(), channels.size() + " deliveries");
        return step.next();
      }
      if (r != CaseStore.Commit.NOTICE_NUMBER_TAKEN) {
        return store.find(c.id()).map(CaseFile::c).orElse(c);
      }
    }
    throw new IllegalStateException(
        "case " + c.id() + ": " + NOTICE_NUMBER_DRAWS + " notice numbers drawn were all taken");
  }

  private Case timeBar(Case c, Instant now) {
    Transition t =
        c.timeBar(
            now,
            "no notice by the legal deadline "
                + settings.noticeDeadline().deadline(c.terms(), c.observedAt()));
    if (t instanceof Transition.Accepted step
        && store.commit(step, c.version(), List.of()) == CaseStore.Commit.DONE) {
      record(AuditKind.DECISION, "case.time-bar", c.id(), "");
      return step.next();
    }
    return c;
  }

  /**
   * The letter of a case with an issued notice, in its keeper's language, as the renderer and the
   * channels take it.
   *
   * @throws IllegalArgumentException when the case has no notice, keeper or evidence any more
   */
  public NoticeLetter letter(CaseFile file) {
    Case c = file.c();
    Violation v = file.violation();
    if (c.notice() == null || file.keeper() == null || v.shredded()) {
      throw new IllegalArgumentException(
          "case " + c.id() + " has no notice, keeper or evidence to print");
    }
    CaseTerms t = c.terms();
    return new NoticeLetter(
        c.notice().value(),
        file.keeper().language(),
        c.noticeDay(),
        file.keeper(),
        v.plate().text(),
        v.type(),
        sites.place(v),
        v.observedAt(),
        t.zone(),
        v.measuredSpeedKmh(),
        v.fine() == null ? Double.NaN : v.fine().retainedSpeedKmh(),
        v.limit().limitKmh(),
        v.detail(),
        t.basis() == null ? "" : t.basis(),
        t.amount(),
        t.currency(),
        t.discountedAmount(),
        t.discountLastDay(c.noticeDay()),
        t.payBy(c.noticeDay()),
        settings.portal());
  }

  // ---------------------------------------------------------------- outbox

  /** Deliveries in {@code status} (every status when null), newest first. */
  public List<Delivery> deliveries(Delivery.Status status, int limit) {
    return outbox.list(status, limit);
  }

  /** Puts a FAILED delivery back in the queue. */
  public boolean retryDelivery(UUID id) {
    return outbox.retry(id, clock.instant());
  }

  /**
   * Attempts every due delivery through the channels given: renders the letter, hands it to the
   * channel, marks it sent or failed (retried as the policy says). Deliveries of channels not given
   * wait.
   *
   * @return how many were delivered
   */
  public int dispatch(NoticeRenderer renderer, Map<Channel, NoticeChannel> channels, int limit) {
    if (channels.isEmpty()) {
      return 0;
    }
    int sent = 0;
    Instant now = clock.instant();
    for (Delivery d : outbox.due(EnumSet.copyOf(channels.keySet()), now, limit)) {
      NoticeChannel channel = channels.get(d.channel());
      int attempt = d.attempts() + 1;
      try {
        CaseFile file =
            store
                .find(d.caseId())
                .orElseThrow(() -> new IllegalStateException("case " + d.caseId() + " is gone"));
        if (file.c().state() == CaseState.CANCELLED) {
          outbox.failed(d.id(), "the case was cancelled", null, now);
          continue;
        }
        NoticeLetter letter = letter(file);
        channel.deliver(
            new OutgoingNotice(d.id().toString(), d.channel(), letter, renderer.pdf(letter)));
        outbox.sent(d.id(), clock.instant());
        sent++;
      } catch (NoticeChannel.DeliveryFailure e) {
        outbox.failed(
            d.id(), e.getMessage(), settings.retries().next(attempt, e.permanent(), now), now);
      } catch (RuntimeException e) {
        outbox.failed(
            d.id(),
            e.getClass().getSimpleName() + ": " + e.getMessage(),
            settings.retries().next(attempt, false, now),
            now);
      }
    }
    return sent;
  }

  // ---------------------------------------------------------------- payments

  /** What a payment did. */
  public enum PaymentKind {
    /** Applied; the case is paid. */
    SETTLED,
    /** Applied; a balance is still due. */
    PARTIAL,
    /** Recorded for refund (case cancelled, paid or closed, another currency). */
    REFUND,
    /** Seen before (same source and id): ignored. */
    DUPLICATE,
    /** Its reference names no notice: recorded for refund. */
    UNMATCHED
  }

  /**
   * What a payment did.
   *
   * @param kind what
   * @param caseId the case it was applied to, or null
   * @param message in words
   */
  public record PaymentResult(PaymentKind kind, UUID caseId, String message) {}

  /** Applies a payment by its reference (the notice number). */
  public PaymentResult pay(IncomingPayment p) {
    NoticeNumber number;
    try {
      number = NoticeNumber.parse(p.reference());
    } catch (IllegalArgumentException e) {
      return unmatched(p);
    }
    for (int attempt = 0; attempt < STALE_RETRIES; attempt++) {
      Optional<CaseFile> found = store.findByNotice(number);
      if (found.isEmpty()) {
        return unmatched(p);
      }
      Case c = found.get().c();
      Settlement s = PaymentSettlement.settle(c, store.paymentKeys(c.id()), p);
      if (s.kind() == Settlement.Kind.DUPLICATE) {
        return new PaymentResult(PaymentKind.DUPLICATE, c.id(), s.reason());
      }
      Transition.Accepted step = (Transition.Accepted) c.settle(s, clock.instant());
      switch (store.commit(step, c.version(), List.of(new Effect.Payment(p, s)))) {
        case DONE -> {
          record(
              AuditKind.DECISION,
              "payment." + s.kind().name().toLowerCase(Locale.ROOT),
              c.id(),
              p.source().name());
          return new PaymentResult(
              switch (s.kind()) {
                case SETTLED -> PaymentKind.SETTLED;
                case PARTIAL -> PaymentKind.PARTIAL;
                default -> PaymentKind.REFUND;
              },
              c.id(),
              s.reason());
        }
        case DUPLICATE_PAYMENT -> {
          return new PaymentResult(PaymentKind.DUPLICATE, c.id(), "recorded before");
        }
        default -> {
          // the case changed meanwhile: read it again
        }
      }
    }
    throw new IllegalStateException("notice " + number + " kept changing while a payment applied");
  }

  private PaymentResult unmatched(IncomingPayment p) {
    boolean recorded = store.recordUnmatched(p);
    return recorded
        ? new PaymentResult(
            PaymentKind.UNMATCHED, null, "no notice has this reference: recorded for refund")
        : new PaymentResult(PaymentKind.DUPLICATE, null, "recorded before");
  }

  // ---------------------------------------------------------------- portal and appeals

  /**
   * The portal's view of the case of notice {@code number}, only when {@code plate} is that of its
   * vehicle. Empty alike for a number that names no notice and for a wrong plate, so the answer
   * never tells whether a notice exists; the portal rate-limits the attempts.
   */
  public Optional<PortalView> portal(NoticeNumber number, Plate plate) {
    Optional<CaseFile> found = store.findByNotice(number);
    if (found.isEmpty() || !samePlate(found.get().violation(), plate)) {
      return Optional.empty();
    }
    CaseFile f = found.get();
    Case c = f.c();
    return Optional.of(
        new PortalView(
            number,
            c,
            f.violation(),
            sites.place(f.violation()),
            c.terms().discountLastDay(c.noticeDay()),
            c.terms().payBy(c.noticeDay()),
            c.balanceAt(clock.instant()),
            store.appeals(c.id())));
  }

  private static boolean samePlate(Violation v, Plate plate) {
    if (v.shredded() || plate == null) {
      return false;
    }
    return MessageDigest.isEqual(
        v.plate().matchKey().getBytes(StandardCharsets.UTF_8),
        plate.matchKey().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Files an appeal through the portal: the notice number and the plate open the case, as for
   * {@link #portal}. NotFound alike for an unknown number and a wrong plate.
   */
  public Answer fileAppeal(
      NoticeNumber number, Plate plate, String text, List<Attachment> attachments) {
    Optional<CaseFile> found = store.findByNotice(number);
    if (found.isEmpty() || !samePlate(found.get().violation(), plate)) {
      return new Answer.NotFound("no notice matches this number and plate");
    }
    Case c = found.get().c();
    Instant now = clock.instant();
    Appeal appeal = Appeal.filed(UUID.randomUUID(), c.id(), now, text.strip(), attachments);
    Transition t = c.appeal(now);
    if (!(t instanceof Transition.Accepted step)) {
      return new Answer.Refused(((Transition.Refused) t).reason());
    }
    if (store.commit(step, c.version(), List.of(new Effect.AppealFiled(appeal)))
        != CaseStore.Commit.DONE) {
      return new Answer.Refused("the case changed meanwhile; try again");
    }
    record(AuditKind.DECISION, "appeal.file", c.id(), "appeal " + appeal.id());
    return new Answer.Done(step.next());
  }

  /** Appeals waiting for a decision, oldest first. */
  public List<Appeal> appealQueue(int limit) {
    return store.appealQueue(limit);
  }

  /** The appeal {@code id}. */
  public Optional<Appeal> appeal(UUID id) {
    return store.appeal(id);
  }

  /**
   * A reviewer decides an appeal: upheld cancels the fine, rejected puts the notice back in force.
   *
   * @param reasons what the appellant reads; not blank
   */
  public Answer decideAppeal(UUID appealId, Reviewer reviewer, boolean upheld, String reasons) {
    Optional<Appeal> found = store.appeal(appealId);
    if (found.isEmpty()) {
      return new Answer.NotFound("appeal " + appealId);
    }
    Appeal a = found.get();
    if (a.status() != Appeal.Status.FILED) {
      return new Answer.Refused("appeal " + appealId + " is " + a.status() + " already");
    }
    Case c = store.find(a.caseId()).orElseThrow().c();
    Instant now = clock.instant();
    Transition t = c.decideAppeal(reviewer, upheld, reasons, now);
    if (!(t instanceof Transition.Accepted step)) {
      return new Answer.Refused(((Transition.Refused) t).reason());
    }
    Appeal decided = a.decided(upheld, reviewer.pseudonym(), now, reasons.strip());
    if (store.commit(step, c.version(), List.of(new Effect.AppealDecided(decided)))
        != CaseStore.Commit.DONE) {
      return new Answer.Refused("case " + c.id() + " changed meanwhile; reload and decide again");
    }
    return new Answer.Done(step.next());
  }

  // ---------------------------------------------------------------- sweep

  /**
   * What one sweep did.
   *
   * @param progressed confirmed cases taken on to keeper and notice
   * @param timeBarred cases closed as past their notice deadline
   * @param escalated steps to OVERDUE or COLLECTION
   * @param closed finished cases closed ({@link ClosingPolicy})
   */
  public record SweepReport(int progressed, int timeBarred, int escalated, int closed) {}

  /**
   * The deadline sweep: time-bars cases past their notice deadline, retries the keeper lookup and
   * notice of confirmed cases, escalates unpaid notices and closes finished cases once settled
   * ({@link ClosingPolicy}); at most {@code limit} of each.
   */
  public SweepReport sweep(int limit) {
    Instant now = clock.instant();
    int barred = 0;
    int progressed = 0;
    for (Case c : store.cases(CaseState.BEFORE_NOTICE, limit)) {
      if (settings.noticeDeadline().standing(c.terms(), c.observedAt(), now)
          == NoticeDeadlinePolicy.Standing.PASSED) {
        if (timeBar(c, now).state() == CaseState.TIME_BARRED) {
          barred++;
        }
      } else if (c.state() == CaseState.CONFIRMED || c.state() == CaseState.KEEPER_IDENTIFIED) {
        Optional<Case> after = progress(c.id());
        if (after.isPresent() && after.get().state() != c.state()) {
          progressed++;
        }
      }
    }
    int escalated = 0;
    for (Case c : store.cases(EnumSet.of(CaseState.NOTICE_ISSUED, CaseState.OVERDUE), limit)) {
      Case current = c;
      for (int i = 0; i < 2; i++) {
        if (!(current.escalate(now) instanceof Transition.Accepted step)
            || store.commit(step, current.version(), List.of()) != CaseStore.Commit.DONE) {
          break;
        }
        record(AuditKind.DECISION, step.event().action(), c.id(), step.event().reason());
        escalated++;
        current = step.next();
      }
    }
    int closed = 0;
    ClosingPolicy closing = settings.closing();
    for (CaseStore.Closable k :
        store.closable(ClosingPolicy.AUTOMATIC, now.minus(closing.settle()), limit)) {
      if (closing.bySweep(k.c(), k.lastTransition(), k.held(), now)
              instanceof ClosingPolicy.Verdict.Close close
          && closeCase(k.c(), ACTOR, close.reason(), now) instanceof Answer.Done) {
        record(AuditKind.DECISION, "case.close", k.c().id(), "from " + k.c().state());
        closed++;
      }
    }
    return new SweepReport(progressed, barred, escalated, closed);
  }

  // ---------------------------------------------------------------- closing

  /**
   * A supervisor closes a case ({@link ClosingPolicy#bySupervisor}): the only way to close one in
   * COLLECTION. The route records the decision on the audit trail under the supervisor's pseudonym.
   *
   * @param reason why, in staff words (no personal data); not blank
   */
  public Answer close(UUID id, Reviewer supervisor, String reason) {
    if (!supervisor.supervisor()) {
      return new Answer.Refused("closing a case by hand needs a supervisor");
    }
    if (reason == null || reason.isBlank()) {
      return new Answer.Refused("case " + id + ": a closure needs its reason");
    }
    Optional<CaseStore.Closable> found = store.closable(id);
    if (found.isEmpty()) {
      return new Answer.NotFound("case " + id);
    }
    CaseStore.Closable k = found.get();
    return switch (settings.closing().bySupervisor(k.c(), k.held(), reason.strip())) {
      case ClosingPolicy.Verdict.Keep keep -> new Answer.Refused(keep.reason());
      case ClosingPolicy.Verdict.Close close ->
          closeCase(k.c(), supervisor.pseudonym(), close.reason(), clock.instant());
    };
  }

  /**
   * Closes {@code c} and, in the same transaction, moves its data key to the retention of a closed
   * case ({@link ClosingPolicy#retention}).
   */
  private Answer closeCase(Case c, String actor, String why, Instant now) {
    Transition t = c.close(actor, now, why);
    if (!(t instanceof Transition.Accepted step)) {
      return new Answer.Refused(((Transition.Refused) t).reason());
    }
    Effect.Retain retain = ClosingPolicy.retention(c.state(), settings.retention(), now);
    if (store.commit(step, c.version(), List.of(retain)) != CaseStore.Commit.DONE) {
      return new Answer.Refused("case " + c.id() + " changed meanwhile; reload it and try again");
    }
    return new Answer.Done(step.next());
  }

  private void record(AuditKind kind, String action, UUID caseId, String purpose) {
    audit.record(new AuditEvent(kind, ACTOR, "SYSTEM", action, "case:" + caseId, purpose));
  }
}
