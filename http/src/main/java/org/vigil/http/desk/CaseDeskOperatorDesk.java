package org.vigil.http.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.cases.Appeal;
import org.vigil.cases.Case;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.CaseEvent;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseSites;
import org.vigil.cases.CaseState;
import org.vigil.cases.Delivery;
import org.vigil.cases.NoticeDeadlinePolicy;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.Rejection;
import org.vigil.cases.RejectionReason;
import org.vigil.cases.Reviewer;
import org.vigil.enforcement.Hold;
import org.vigil.enforcement.Violation;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.Role;

/**
 * {@link OperatorDesk} over the case service: every view of a case and every decision is recorded
 * on the audit trail under the staff member's pseudonym (views as {@code PERSONAL_DATA_VIEW},
 * decisions as {@code DECISION}) before the answer is given.
 */
public final class CaseDeskOperatorDesk implements OperatorDesk {
  /** The most items a queue or list shows. */
  static final int LIMIT = 200;

  private final CaseDesk desk;
  private final CaseSites sites;
  private final AuditTrail audit;
  private final UnaryOperator<String> pseudonym;

  /**
   * @param pseudonym the pseudonym of a user name ({@code account:...}), as the audit recorder
   *     writes it
   */
  public CaseDeskOperatorDesk(
      CaseDesk desk, CaseSites sites, AuditTrail audit, UnaryOperator<String> pseudonym) {
    this.desk = desk;
    this.sites = sites;
    this.audit = audit;
    this.pseudonym = pseudonym;
  }

  @Override
  public Counts counts() {
    List<CaseFile> queue = desk.reviewQueue(LIMIT);
    int near = 0;
    for (CaseFile f : queue) {
      if (desk.deadlineStanding(f.c()) == NoticeDeadlinePolicy.Standing.NEAR) {
        near++;
      }
    }
    return new Counts(
        queue.size(),
        near,
        desk.appealQueue(LIMIT).size(),
        desk.deliveries(Delivery.Status.FAILED, LIMIT).size());
  }

  @Override
  public List<ReviewItem> reviewQueue(Accounts.SignedIn staff) {
    List<ReviewItem> items = new ArrayList<>();
    for (CaseFile f : desk.reviewQueue(LIMIT)) {
      Case c = f.c();
      items.add(
          new ReviewItem(
              c.id(),
              f.violation().type(),
              sites.place(f.violation()),
              c.observedAt(),
              desk.noticeDeadline(c),
              desk.deadlineStanding(c) == NoticeDeadlinePolicy.Standing.NEAR,
              c.state() == CaseState.SECOND_REVIEW));
    }
    return items;
  }

  @Override
  public Optional<CaseView> caseView(UUID id, Accounts.SignedIn staff) {
    Optional<CaseFile> f = desk.caseFile(id);
    if (f.isPresent()) {
      record(staff, AuditKind.PERSONAL_DATA_VIEW, "desk.case.view", id, "");
    }
    return f.map(this::view);
  }

  private CaseView view(CaseFile f) {
    Case c = f.c();
    Violation v = f.violation();
    Optional<CaseSites.CameraStatus> camera = sites.camera(v);
    String rejection =
        c.rejection() == null
            ? null
            : c.rejection().reason().name()
                + (c.rejection().note().isEmpty() ? "" : ": " + c.rejection().note());
    return new CaseView(
        c.id(),
        c.state().name(),
        c.notice() == null ? null : c.notice().value(),
        v.type(),
        sites.place(v),
        v.cameraId() != null ? v.cameraId() : v.sectionId(),
        v.observedAt(),
        c.terms().zone(),
        v.shredded() ? "—" : v.plate().text(),
        v.measuredSpeedKmh(),
        v.fine() == null ? Double.NaN : v.fine().retainedSpeedKmh(),
        v.limit().limitKmh(),
        v.detail(),
        camera.map(CaseSites.CameraStatus::calibrationValidUntil).orElse(null),
        camera.map(CaseSites.CameraStatus::clockOffsetMs).orElse(null),
        camera.map(CaseSites.CameraStatus::maxClockDriftMs).orElse(null),
        v.holds().stream().map(Hold::kind).map(Enum::name).toList(),
        0,
        CaseState.REVIEW.contains(c.state()),
        c.state() == CaseState.SECOND_REVIEW ? c.firstReviewer() : null,
        c.state() == CaseState.SECOND_REVIEW ? rejection : null);
  }

  /** Vigil's evidence holds no images yet: cameras post reads, not pictures. */
  @Override
  public Optional<Image> evidenceImage(UUID id, int index, Accounts.SignedIn staff) {
    return Optional.empty();
  }

  @Override
  public Outcome confirm(UUID id, Accounts.SignedIn staff) {
    return decided(staff, "desk.review.confirm", id, desk.review(id, reviewer(staff), null));
  }

  @Override
  public Outcome reject(UUID id, RejectionReason reason, String text, Accounts.SignedIn staff) {
    Rejection rejection;
    try {
      rejection = new Rejection(reason, text);
    } catch (IllegalArgumentException e) {
      return new Outcome.Refused(e.getMessage());
    }
    return decided(staff, "desk.review.reject", id, desk.review(id, reviewer(staff), rejection));
  }

  @Override
  public List<AppealItem> appealQueue(Accounts.SignedIn staff) {
    List<AppealItem> items = new ArrayList<>();
    for (Appeal a : desk.appealQueue(LIMIT)) {
      items.add(new AppealItem(a.id(), a.caseId(), notice(a.caseId()), a.filedAt()));
    }
    return items;
  }

  @Override
  public Optional<AppealView> appeal(UUID id, Accounts.SignedIn staff) {
    Optional<Appeal> found = desk.appeal(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Appeal a = found.get();
    Optional<CaseFile> f = desk.caseFile(a.caseId());
    if (f.isEmpty()) {
      return Optional.empty();
    }
    record(staff, AuditKind.PERSONAL_DATA_VIEW, "desk.appeal.view", a.caseId(), "appeal " + id);
    return Optional.of(
        new AppealView(
            a.id(),
            notice(a.caseId()),
            a.filedAt(),
            null,
            a.text(),
            a.attachments().stream().map(org.vigil.cases.Attachment::name).toList(),
            a.status() != Appeal.Status.FILED,
            a.status() == Appeal.Status.UPHELD,
            a.reasons(),
            view(f.get())));
  }

  @Override
  public Optional<Image> appealAttachment(UUID id, int index, Accounts.SignedIn staff) {
    Optional<Appeal> a = desk.appeal(id);
    if (a.isEmpty() || index >= a.get().attachments().size()) {
      return Optional.empty();
    }
    record(
        staff,
        AuditKind.PERSONAL_DATA_VIEW,
        "desk.appeal.attachment",
        a.get().caseId(),
        "appeal " + id + " attachment " + index);
    org.vigil.cases.Attachment at = a.get().attachments().get(index);
    return Optional.of(new Image(at.mediaType(), at.content()));
  }

  @Override
  public Outcome decideAppeal(UUID id, boolean upheld, String reasons, Accounts.SignedIn staff) {
    Optional<Appeal> a = desk.appeal(id);
    if (a.isEmpty()) {
      return new Outcome.Refused("there is no appeal " + id);
    }
    return decided(
        staff,
        upheld ? "desk.appeal.uphold" : "desk.appeal.reject",
        a.get().caseId(),
        desk.decideAppeal(id, reviewer(staff), upheld, reasons));
  }

  @Override
  public Optional<UUID> findByNotice(String noticeNumber, Accounts.SignedIn staff) {
    NoticeNumber number;
    try {
      number = NoticeNumber.parse(noticeNumber);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<UUID> id = desk.byNotice(number).map(f -> f.c().id());
    id.ifPresent(
        i -> record(staff, AuditKind.PERSONAL_DATA_VIEW, "desk.case.find", i, "by notice number"));
    return id;
  }

  @Override
  public Optional<CaseHistory> history(UUID id, Accounts.SignedIn staff) {
    Optional<CaseFile> f = desk.caseFile(id);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    record(staff, AuditKind.PERSONAL_DATA_VIEW, "desk.case.history", id, "");
    Case c = f.get().c();
    List<Transition> steps = new ArrayList<>();
    for (CaseEvent e : desk.history(id)) {
      String why = e.reason();
      if (e.code() != null && !why.contains(e.code())) {
        why = why.isEmpty() ? e.code() : e.code() + ": " + why;
      }
      steps.add(
          new Transition(
              e.at(),
              e.from() == e.to() ? null : e.from().name(),
              e.to().name(),
              e.actor(),
              e.action() + (why.isEmpty() ? "" : " — " + why)));
    }
    return Optional.of(
        new CaseHistory(
            id,
            c.notice() == null ? null : c.notice().value(),
            c.state().name(),
            f.get().violation().type(),
            steps));
  }

  @Override
  public List<FailedDelivery> failedDeliveries(Accounts.SignedIn staff) {
    List<FailedDelivery> failed = new ArrayList<>();
    for (Delivery d : desk.deliveries(Delivery.Status.FAILED, LIMIT)) {
      failed.add(
          new FailedDelivery(
              d.id(),
              d.caseId(),
              notice(d.caseId()),
              d.channel().name(),
              d.attempts(),
              d.createdAt(),
              d.lastError()));
    }
    return failed;
  }

  @Override
  public Outcome retryDelivery(UUID id, Accounts.SignedIn staff) {
    if (!desk.retryDelivery(id)) {
      return new Outcome.Refused("delivery " + id + " is not a failed delivery");
    }
    audit.record(
        new AuditEvent(
            AuditKind.DECISION,
            pseudonym.apply(staff.username()),
            staff.role().name(),
            "desk.outbox.retry",
            "delivery:" + id,
            ""));
    return new Outcome.Accepted("queued again");
  }

  private Outcome decided(
      Accounts.SignedIn staff, String action, UUID caseId, CaseDesk.Answer answer) {
    return switch (answer) {
      case CaseDesk.Answer.Done done -> {
        record(staff, AuditKind.DECISION, action, caseId, "now " + done.c().state());
        yield new Outcome.Accepted("case " + caseId + " is " + done.c().state());
      }
      case CaseDesk.Answer.Refused refused -> new Outcome.Refused(refused.reason());
      case CaseDesk.Answer.NotFound none -> new Outcome.Refused("there is no " + none.what());
    };
  }

  private Reviewer reviewer(Accounts.SignedIn staff) {
    return new Reviewer(pseudonym.apply(staff.username()), staff.role() == Role.SUPERVISOR);
  }

  private String notice(UUID caseId) {
    return desk.caseFile(caseId)
        .map(f -> f.c().notice() == null ? "—" : f.c().notice().value())
        .orElse("—");
  }

  private void record(
      Accounts.SignedIn staff, AuditKind kind, String action, UUID caseId, String purpose) {
    audit.record(
        new AuditEvent(
            kind,
            pseudonym.apply(staff.username()),
            staff.role().name(),
            action,
            "case:" + caseId,
            purpose));
  }
}
