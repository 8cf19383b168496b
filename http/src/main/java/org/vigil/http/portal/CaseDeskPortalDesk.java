package org.vigil.http.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.cases.Appeal;
import org.vigil.cases.Attachment;
import org.vigil.cases.Case;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseState;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.PortalView;
import org.vigil.enforcement.Violation;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.NoticeRenderer;
import org.vigil.plate.Plate;

/**
 * {@link PortalDesk} over the case service. {@link #open} is {@link CaseDesk#portal}: empty alike
 * for an unknown notice and a wrong plate. The other methods are reached only with the portal's
 * signed access token for a notice opened before, and re-open the case with its own plate. Each
 * view is recorded on the audit trail as {@code citizen:portal} seeing the case.
 */
public final class CaseDeskPortalDesk implements PortalDesk {
  /** The audit actor of the portal's views. */
  public static final String ACTOR = "citizen:portal";

  private final CaseDesk desk;
  private final Optional<NoticeRenderer> renderer;
  private final UnaryOperator<String> payLink;
  private final AuditTrail audit;
  private final Clock clock;

  /**
   * @param renderer renders the notice letter; while empty the portal offers no PDF
   * @param payLink the payment page of a notice number, or null when Vigil links to none
   */
  public CaseDeskPortalDesk(
      CaseDesk desk,
      Optional<NoticeRenderer> renderer,
      UnaryOperator<String> payLink,
      AuditTrail audit,
      Clock clock) {
    this.desk = desk;
    this.renderer = renderer;
    this.payLink = payLink;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Optional<PortalCase> open(String noticeNumber, String plateText) {
    Optional<NoticeNumber> number = number(noticeNumber);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    Plate plate;
    try {
      plate = Plate.of(plateText, null);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return seen(desk.portal(number.get(), plate), "portal.case.open");
  }

  @Override
  public Optional<PortalCase> view(String noticeNumber) {
    return number(noticeNumber)
        .flatMap(n -> file(n).flatMap(f -> desk.portal(n, f.violation().plate())))
        .flatMap(v -> seen(Optional.of(v), "portal.case.view"));
  }

  @Override
  public Optional<byte[]> noticePdf(String noticeNumber, Language language) {
    if (renderer.isEmpty()) {
      return Optional.empty();
    }
    Optional<CaseFile> f = number(noticeNumber).flatMap(this::file);
    if (f.isEmpty() || f.get().keeper() == null) {
      return Optional.empty();
    }
    NoticeLetter l;
    try {
      l = desk.letter(f.get());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    record("portal.notice.pdf", f.get().c().id());
    return Optional.of(renderer.get().pdf(l.inLanguage(language)));
  }

  /** Vigil's evidence holds no images yet: cameras post reads, not pictures. */
  @Override
  public Optional<File> evidenceImage(String noticeNumber, int index) {
    return Optional.empty();
  }

  @Override
  public AppealOutcome appeal(
      String noticeNumber, String text, List<File> attachments, Language language) {
    Optional<NoticeNumber> number = number(noticeNumber);
    Optional<CaseFile> f = number.flatMap(this::file);
    if (f.isEmpty() || f.get().violation().shredded()) {
      return new AppealOutcome.Refused(Refusal.NOT_APPEALABLE);
    }
    if (f.get().c().state() == CaseState.APPEALED) {
      return new AppealOutcome.Refused(Refusal.ALREADY_APPEALED);
    }
    List<Attachment> files = new ArrayList<>();
    for (File a : attachments) {
      files.add(
          new Attachment(
              a.name().isBlank() ? "attachment" : name(a.name()), a.mediaType(), a.bytes()));
    }
    CaseDesk.Answer answer =
        desk.fileAppeal(number.get(), f.get().violation().plate(), text, files);
    return answer instanceof CaseDesk.Answer.Done
        ? new AppealOutcome.Filed()
        : new AppealOutcome.Refused(Refusal.NOT_APPEALABLE);
  }

  private Optional<PortalCase> seen(Optional<PortalView> view, String action) {
    view.ifPresent(v -> record(action, v.c().id()));
    return view.map(this::portalCase);
  }

  private PortalCase portalCase(PortalView v) {
    Case c = v.c();
    Violation vi = v.violation();
    LocalDate today = clock.instant().atZone(c.terms().zone()).toLocalDate();
    boolean discount =
        v.discountLastDay() != null
            && !today.isAfter(v.discountLastDay())
            && c.state() == CaseState.NOTICE_ISSUED;
    boolean payable =
        CaseState.PAYABLE.contains(c.state())
            && v.balanceDue() != null
            && v.balanceDue().signum() > 0;
    Appeal last = v.appeals().isEmpty() ? null : v.appeals().getLast();
    PortalAppeal appeal =
        last == null
            ? null
            : new PortalAppeal(
                last.filedAt(),
                switch (last.status()) {
                  case FILED -> AppealStatus.PENDING;
                  case UPHELD -> AppealStatus.UPHELD;
                  case REJECTED -> AppealStatus.REJECTED;
                },
                last.reasons(),
                last.decidedAt());
    boolean appealable = last == null && c.state() == CaseState.NOTICE_ISSUED;
    return new PortalCase(
        v.notice().value(),
        c.state().name(),
        vi.type(),
        v.place() == null ? "" : v.place(),
        vi.observedAt(),
        c.terms().zone(),
        vi.shredded() ? "—" : vi.plate().text(),
        vi.measuredSpeedKmh(),
        vi.fine() == null ? Double.NaN : vi.fine().retainedSpeedKmh(),
        vi.limit().limitKmh(),
        c.terms().basis() == null ? "" : c.terms().basis(),
        c.terms().amount() == null ? BigDecimal.ZERO : c.terms().amount(),
        c.terms().currency() == null ? "" : c.terms().currency(),
        discount ? c.terms().discountedAmount() : null,
        discount ? v.discountLastDay() : null,
        v.payBy(),
        c.paid(),
        payable ? v.balanceDue() : BigDecimal.ZERO,
        0,
        payable && payLink != null ? payLink.apply(v.notice().value()) : null,
        appealable ? v.payBy() : null,
        appeal);
  }

  private Optional<CaseFile> file(NoticeNumber n) {
    return desk.byNotice(n).filter(f -> !f.violation().shredded());
  }

  private static Optional<NoticeNumber> number(String text) {
    try {
      return Optional.of(NoticeNumber.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String name(String fileName) {
    String base = fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private void record(String action, UUID caseId) {
    audit.record(
        new AuditEvent(
            AuditKind.PERSONAL_DATA_VIEW, ACTOR, "CITIZEN", action, "case:" + caseId, ""));
  }
}
