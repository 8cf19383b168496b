package org.vigil.http.desk;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.cases.RejectionReason;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Html;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.Role;
import org.vigil.http.auth.Sessions;
import org.vigil.http.desk.OperatorDesk.AppealItem;
import org.vigil.http.desk.OperatorDesk.AppealView;
import org.vigil.http.desk.OperatorDesk.CaseHistory;
import org.vigil.http.desk.OperatorDesk.CaseView;
import org.vigil.http.desk.OperatorDesk.FailedDelivery;
import org.vigil.http.desk.OperatorDesk.Image;
import org.vigil.http.desk.OperatorDesk.Outcome;
import org.vigil.http.desk.OperatorDesk.ReviewItem;
import org.vigil.http.desk.OperatorDesk.Transition;
import org.vigil.http.pages.Page;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.Layout;
import org.vigil.http.web.Texts;
import org.vigil.http.web.WebForms;

/**
 * The operator pages under {@code /desk}: server-rendered HTML without script, in Kazakh, Russian
 * and English. Every page is a {@link Route} for operators and supervisors behind the one {@link
 * Guard}, which also checks the CSRF field every form here carries. Forms post, then redirect (303)
 * to a page that says what was done; a refused decision or bad input answers the page again with
 * the reason in an element with {@code role="alert"}.
 *
 * <p>Everything shown and decided goes through the {@link OperatorDesk} port, which audits. The
 * only search is by notice number ({@code /desk/cases?notice=}); no page takes a plate.
 */
public final class DeskPages {
  /** The texts' base name on the class path. */
  public static final String TEXTS = "org.vigil.http.desk.desk";

  /** The longest free text a reviewer may give with a rejection. */
  static final int MAX_NOTE = 500;

  /** The longest reasons of an appeal's decision. */
  static final int MAX_TEXT = 4000;

  /** The longest notice number accepted in a search. */
  static final int MAX_NOTICE = 40;

  private static final int MAX_FORM = 32 << 10;
  private static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.SUPERVISOR);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final OperatorDesk desk;
  private final ZoneId zone;
  private final LanguageChoice languages;

  /**
   * @param zone the zone in which lists show times (the jurisdiction's); a case's own page uses the
   *     case's zone
   */
  public DeskPages(OperatorDesk desk, ZoneId zone, LanguageChoice languages) {
    this.desk = desk;
    this.zone = zone;
    this.languages = languages;
  }

  /** The routes, for {@code VigilRoutes}. */
  public List<Route> routes() {
    return List.of(
        new Route(Method.GET, "/desk", STAFF, page(this::home)),
        new Route(Method.GET, "/desk/review", STAFF, page(this::reviewQueue)),
        Route.personalData(Method.GET, "/desk/review/{id}", STAFF, page(this::review)),
        Route.personalData(
            Method.GET, "/desk/review/{id}/images/{n}", STAFF, page(this::evidenceImage)),
        new Route(Method.POST, "/desk/review/{id}/confirm", STAFF, page(this::confirm)),
        new Route(Method.POST, "/desk/review/{id}/reject", STAFF, page(this::reject)),
        new Route(Method.GET, "/desk/appeals", STAFF, page(this::appealQueue)),
        Route.personalData(Method.GET, "/desk/appeals/{id}", STAFF, page(this::appeal)),
        Route.personalData(
            Method.GET, "/desk/appeals/{id}/attachments/{n}", STAFF, page(this::attachment)),
        new Route(Method.POST, "/desk/appeals/{id}/decide", STAFF, page(this::decide)),
        Route.personalData(Method.GET, "/desk/cases", STAFF, page(this::search)),
        Route.personalData(Method.GET, "/desk/cases/{id}", STAFF, page(this::history)),
        new Route(Method.GET, "/desk/outbox", STAFF, page(this::outbox)),
        new Route(Method.POST, "/desk/outbox/{id}/retry", STAFF, page(this::retry)));
  }

  /** {@code h} with the texts of the request's language, and bad input as a page, not JSON. */
  private Handler page(Page.TextHandler h) {
    return Page.texted(
        TEXTS,
        languages,
        h,
        (req, res, t, status, message) ->
            send(req, res, t, status, t.get("error.title"), Page.alert(message)));
  }

  // ---- home ----

  private void home(ServerRequest req, ServerResponse res, Texts t) {
    OperatorDesk.Counts c = desk.counts();
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("home.title"))).append("</h1>\n");
    m.append("<ul>\n");
    m.append("<li><a href=\"/desk/review\">")
        .append(esc(t.get("home.review", c.inReview())))
        .append("</a>");
    if (c.nearDeadline() > 0) {
      m.append(" <span class=\"flag\">")
          .append(esc(t.get("home.nearDeadline", c.nearDeadline())))
          .append("</span>");
    }
    m.append("</li>\n<li><a href=\"/desk/appeals\">")
        .append(esc(t.get("home.appeals", c.appeals())))
        .append("</a></li>\n<li><a href=\"/desk/outbox\">")
        .append(esc(t.get("home.outbox", c.failedDeliveries())))
        .append("</a></li>\n</ul>\n");
    m.append(searchForm(t, ""));
    send(req, res, t, Status.OK_200, t.get("home.title"), m.toString());
  }

  // ---- review ----

  private void reviewQueue(ServerRequest req, ServerResponse res, Texts t) {
    List<ReviewItem> queue =
        desk.reviewQueue(Guard.user(req)).stream()
            .sorted(
                java.util.Comparator.comparing(ReviewItem::observedAt)
                    .thenComparing(ReviewItem::id))
            .toList();
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("review.title"))).append("</h1>\n");
    done(req, t, m);
    if (queue.isEmpty()) {
      m.append("<p>").append(esc(t.get("review.empty"))).append("</p>\n");
    } else {
      m.append("<table>\n<caption>")
          .append(esc(t.get("review.caption", queue.size())))
          .append("</caption>\n<thead><tr>")
          .append(th(t.get("col.observedAt")))
          .append(th(t.get("col.offence")))
          .append(th(t.get("col.place")))
          .append(th(t.get("col.noticeDeadline")))
          .append(th(t.get("col.open")))
          .append("</tr></thead>\n<tbody>\n");
      for (ReviewItem i : queue) {
        m.append("<tr><td>")
            .append(esc(time(i.observedAt(), zone)))
            .append("</td><td>")
            .append(esc(t.get("type." + i.type().name())))
            .append("</td><td>")
            .append(esc(i.place()))
            .append("</td><td>")
            .append(i.noticeDeadline() == null ? "—" : esc(i.noticeDeadline().toString()));
        if (i.nearDeadline()) {
          m.append(" <span class=\"flag\">").append(esc(t.get("review.near"))).append("</span>");
        }
        if (i.secondReview()) {
          m.append(" <span class=\"flag\">").append(esc(t.get("review.second"))).append("</span>");
        }
        m.append("</td><td><a href=\"/desk/review/")
            .append(i.id())
            .append("\">")
            .append(esc(t.get("review.open")))
            .append("<span class=\"vh\"> ")
            .append(esc(time(i.observedAt(), zone)))
            .append("</span></a></td></tr>\n");
      }
      m.append("</tbody>\n</table>\n");
    }
    send(req, res, t, Status.OK_200, t.get("review.title"), m.toString());
  }

  private void review(ServerRequest req, ServerResponse res, Texts t) {
    UUID id = id(req, "id", t);
    Optional<CaseView> c = desk.caseView(id, Guard.user(req));
    if (c.isEmpty()) {
      notFound(req, res, t, t.get("case.none", id));
      return;
    }
    reviewPage(req, res, t, Status.OK_200, c.get(), "");
  }

  private void reviewPage(
      ServerRequest req, ServerResponse res, Texts t, Status status, CaseView c, String alert) {
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("case.title", t.get("type." + c.type().name()))));
    m.append("</h1>\n").append(alert);
    if (c.firstReviewer() != null) {
      m.append(
          Page.status(
              t.get(
                  "case.secondReview",
                  c.firstReviewer(),
                  c.rejection() == null ? "" : c.rejection())));
    }
    m.append("<div class=\"cols\">\n<section aria-labelledby=\"facts\"><h2 id=\"facts\">")
        .append(esc(t.get("case.evidence")))
        .append("</h2>\n");
    facts(m, t, c);
    m.append("<p><a href=\"/desk/cases/")
        .append(c.id())
        .append("\">")
        .append(esc(t.get("case.historyLink")))
        .append("</a></p>\n</section>\n");
    m.append("<section class=\"evidence\" aria-labelledby=\"images\"><h2 id=\"images\">")
        .append(esc(t.get("case.images")))
        .append("</h2>\n");
    if (c.images() == 0) {
      m.append("<p>").append(esc(t.get("case.noImages"))).append("</p>\n");
    }
    for (int n = 0; n < c.images(); n++) {
      m.append("<p><img src=\"/desk/review/")
          .append(c.id())
          .append("/images/")
          .append(n)
          .append("\" alt=\"")
          .append(esc(t.get("case.imageAlt", n + 1, c.images())))
          .append("\"></p>\n");
    }
    m.append("</section>\n</div>\n");
    if (c.reviewable()) {
      String csrf = csrfField(req);
      m.append("<h2>").append(esc(t.get("case.decide"))).append("</h2>\n<div class=\"cols\">\n");
      m.append("<form method=\"post\" action=\"/desk/review/")
          .append(c.id())
          .append("/confirm\">")
          .append(csrf)
          .append("<fieldset><legend>")
          .append(esc(t.get("case.confirmLegend")))
          .append("</legend><p>")
          .append(esc(t.get("case.confirmHint")))
          .append("</p><button type=\"submit\" id=\"confirm\">")
          .append(esc(t.get("case.confirm")))
          .append("</button></fieldset></form>\n");
      m.append("<form method=\"post\" action=\"/desk/review/")
          .append(c.id())
          .append("/reject\">")
          .append(csrf)
          .append("<fieldset><legend>")
          .append(esc(t.get("case.rejectLegend")))
          .append("</legend><label for=\"reason\">")
          .append(esc(t.get("case.reason")))
          .append("</label><select id=\"reason\" name=\"reason\" required>")
          .append("<option value=\"\">")
          .append(esc(t.get("case.reasonChoose")))
          .append("</option>");
      for (RejectionReason r : RejectionReason.values()) {
        m.append("<option value=\"")
            .append(r.name())
            .append("\">")
            .append(esc(t.get("reason." + r.name())))
            .append("</option>");
      }
      m.append("</select><label for=\"text\">")
          .append(esc(t.get("case.rejectText")))
          .append("</label><textarea id=\"text\" name=\"text\" maxlength=\"")
          .append(MAX_NOTE)
          .append("\"></textarea><button type=\"submit\" class=\"danger\" id=\"reject\">")
          .append(esc(t.get("case.reject")))
          .append("</button></fieldset></form>\n</div>\n");
    }
    send(req, res, t, status, t.get("case.title", t.get("type." + c.type().name())), m.toString());
  }

  private void facts(StringBuilder m, Texts t, CaseView c) {
    m.append("<dl class=\"facts\">\n");
    fact(
        m,
        t.get("fact.state"),
        t.has("state." + c.state()) ? t.get("state." + c.state()) : c.state());
    if (c.noticeNumber() != null) {
      fact(m, t.get("fact.notice"), c.noticeNumber());
    }
    fact(m, t.get("fact.offence"), t.get("type." + c.type().name()));
    fact(m, t.get("fact.place"), c.place() + " (" + c.cameraId() + ")");
    fact(m, t.get("fact.observedAt"), time(c.observedAt(), c.zone()));
    fact(m, t.get("fact.plate"), c.plateText());
    if (!Double.isNaN(c.measuredKmh())) {
      fact(m, t.get("fact.measured"), t.get("unit.kmh", speed(c.measuredKmh())));
    }
    if (!Double.isNaN(c.retainedKmh())) {
      fact(m, t.get("fact.retained"), t.get("unit.kmh", speed(c.retainedKmh())));
    }
    if (c.limitKmh() > 0) {
      fact(m, t.get("fact.limit"), t.get("unit.kmh", c.limitKmh()));
    }
    fact(m, t.get("fact.detail"), c.detail());
    fact(
        m,
        t.get("fact.calibration"),
        c.calibrationValidUntil() == null
            ? t.get("fact.unknown")
            : t.get(
                c.calibrationValidUntil().isBefore(c.observedAt().atZone(c.zone()).toLocalDate())
                    ? "fact.calibrationExpired"
                    : "fact.calibrationValid",
                c.calibrationValidUntil()));
    fact(
        m,
        t.get("fact.clock"),
        c.clockOffsetMs() == null
            ? t.get("fact.unknown")
            : t.get(
                "fact.clockOffset",
                c.clockOffsetMs(),
                c.maxClockDriftMs() == null ? "—" : c.maxClockDriftMs()));
    m.append("<dt>").append(esc(t.get("fact.holds"))).append("</dt><dd>");
    if (c.holds().isEmpty()) {
      m.append(esc(t.get("fact.noHolds")));
    } else {
      m.append("<ul>");
      for (String h : c.holds()) {
        m.append("<li>").append(esc(t.has("hold." + h) ? t.get("hold." + h) : h)).append("</li>");
      }
      m.append("</ul>");
    }
    m.append("</dd>\n</dl>\n");
  }

  private void evidenceImage(ServerRequest req, ServerResponse res, Texts t) {
    UUID id = id(req, "id", t);
    int n = index(req, t);
    Optional<Image> image = desk.evidenceImage(id, n, Guard.user(req));
    if (image.isEmpty()) {
      notFound(req, res, t, t.get("image.none"));
      return;
    }
    Page.file(res, image.get().mediaType(), image.get().bytes(), "inline");
  }

  private void confirm(ServerRequest req, ServerResponse res, Texts t) throws Exception {
    UUID id = id(req, "id", t);
    form(req, t);
    decided(
        req,
        res,
        t,
        id,
        desk.confirm(id, Guard.user(req)),
        "/desk/review?done=confirmed&case=" + id);
  }

  private void reject(ServerRequest req, ServerResponse res, Texts t) throws Exception {
    UUID id = id(req, "id", t);
    Map<String, String> form = form(req, t);
    String reasonName = form.getOrDefault("reason", "");
    RejectionReason reason;
    try {
      reason = RejectionReason.valueOf(reasonName);
    } catch (IllegalArgumentException e) {
      refuseInReview(
          req, res, t, id, Status.BAD_REQUEST_400, t.get("reject.badReason", reasonName));
      return;
    }
    String text = form.getOrDefault("text", "").strip();
    if (text.length() > MAX_NOTE) {
      refuseInReview(
          req,
          res,
          t,
          id,
          Status.BAD_REQUEST_400,
          t.get("reject.tooLong", MAX_NOTE, text.length()));
      return;
    }
    if (reason == RejectionReason.OTHER && text.isEmpty()) {
      refuseInReview(req, res, t, id, Status.BAD_REQUEST_400, t.get("reject.otherNeedsText"));
      return;
    }
    decided(
        req,
        res,
        t,
        id,
        desk.reject(id, reason, text, Guard.user(req)),
        "/desk/review?done=rejected");
  }

  private void decided(
      ServerRequest req, ServerResponse res, Texts t, UUID id, Outcome outcome, String next) {
    if (outcome instanceof Outcome.Refused refused) {
      refuseInReview(req, res, t, id, Status.CONFLICT_409, refused.reason());
      return;
    }
    Page.redirect(res, next);
  }

  /**
   * The review page again with {@code why} in an alert: 400 for bad input, 409 for a decision the
   * case refuses now.
   */
  private void refuseInReview(
      ServerRequest req, ServerResponse res, Texts t, UUID id, Status status, String why) {
    Optional<CaseView> c = desk.caseView(id, Guard.user(req));
    if (c.isEmpty()) {
      notFound(req, res, t, t.get("case.none", id));
      return;
    }
    reviewPage(req, res, t, status, c.get(), Page.alert(why));
  }

  // ---- appeals ----

  private void appealQueue(ServerRequest req, ServerResponse res, Texts t) {
    List<AppealItem> queue =
        desk.appealQueue(Guard.user(req)).stream()
            .sorted(
                java.util.Comparator.comparing(AppealItem::submittedAt)
                    .thenComparing(AppealItem::id))
            .toList();
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("appeals.title"))).append("</h1>\n");
    done(req, t, m);
    if (queue.isEmpty()) {
      m.append("<p>").append(esc(t.get("appeals.empty"))).append("</p>\n");
    } else {
      m.append("<table>\n<caption>")
          .append(esc(t.get("appeals.caption", queue.size())))
          .append("</caption>\n<thead><tr>")
          .append(th(t.get("col.submittedAt")))
          .append(th(t.get("col.notice")))
          .append(th(t.get("col.open")))
          .append("</tr></thead>\n<tbody>\n");
      for (AppealItem a : queue) {
        m.append("<tr><td>")
            .append(esc(time(a.submittedAt(), zone)))
            .append("</td><td>")
            .append(esc(a.noticeNumber()))
            .append("</td><td><a href=\"/desk/appeals/")
            .append(a.id())
            .append("\">")
            .append(esc(t.get("appeals.open")))
            .append("<span class=\"vh\"> ")
            .append(esc(a.noticeNumber()))
            .append("</span></a></td></tr>\n");
      }
      m.append("</tbody>\n</table>\n");
    }
    send(req, res, t, Status.OK_200, t.get("appeals.title"), m.toString());
  }

  private void appeal(ServerRequest req, ServerResponse res, Texts t) {
    UUID id = id(req, "id", t);
    Optional<AppealView> a = desk.appeal(id, Guard.user(req));
    if (a.isEmpty()) {
      notFound(req, res, t, t.get("appeal.none", id));
      return;
    }
    appealPage(req, res, t, Status.OK_200, a.get(), "");
  }

  private void appealPage(
      ServerRequest req, ServerResponse res, Texts t, Status status, AppealView a, String alert) {
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("appeal.title", a.noticeNumber()))).append("</h1>\n");
    m.append(alert);
    m.append(
            "<div class=\"cols\">\n<section aria-labelledby=\"appeal-text\"><h2 id=\"appeal-text\">")
        .append(esc(t.get("appeal.text")))
        .append("</h2>\n<dl class=\"facts\">\n");
    fact(m, t.get("col.submittedAt"), time(a.submittedAt(), a.evidence().zone()));
    fact(m, t.get("appeal.language"), a.language() == null ? "—" : a.language());
    m.append("</dl>\n<blockquote class=\"pre\"")
        .append(a.language() == null ? "" : " lang=\"" + esc(a.language()) + "\"")
        .append(">")
        .append(esc(a.text()))
        .append("</blockquote>\n<h3>")
        .append(esc(t.get("appeal.attachments")))
        .append("</h3>\n");
    if (a.attachments().isEmpty()) {
      m.append("<p>").append(esc(t.get("appeal.noAttachments"))).append("</p>\n");
    } else {
      m.append("<ul>\n");
      for (int n = 0; n < a.attachments().size(); n++) {
        m.append("<li><a href=\"/desk/appeals/")
            .append(a.id())
            .append("/attachments/")
            .append(n)
            .append("\">")
            .append(esc(a.attachments().get(n)))
            .append("</a></li>\n");
      }
      m.append("</ul>\n");
    }
    m.append("</section>\n<section aria-labelledby=\"facts\"><h2 id=\"facts\">")
        .append(esc(t.get("case.evidence")))
        .append("</h2>\n");
    facts(m, t, a.evidence());
    for (int n = 0; n < a.evidence().images(); n++) {
      m.append("<p class=\"evidence\"><img src=\"/desk/review/")
          .append(a.evidence().id())
          .append("/images/")
          .append(n)
          .append("\" alt=\"")
          .append(esc(t.get("case.imageAlt", n + 1, a.evidence().images())))
          .append("\"></p>\n");
    }
    m.append("<p><a href=\"/desk/cases/")
        .append(a.evidence().id())
        .append("\">")
        .append(esc(t.get("case.historyLink")))
        .append("</a></p>\n</section>\n</div>\n");
    if (a.decided()) {
      m.append("<h2>")
          .append(esc(t.get("appeal.decision")))
          .append("</h2>\n<p><strong>")
          .append(esc(t.get(a.upheld() ? "appeal.upheld" : "appeal.rejected")))
          .append("</strong></p>\n<p class=\"pre\">")
          .append(esc(a.reasons()))
          .append("</p>\n");
    } else {
      m.append("<h2>")
          .append(esc(t.get("appeal.decide")))
          .append("</h2>\n<form method=\"post\" action=\"/desk/appeals/")
          .append(a.id())
          .append("/decide\">")
          .append(csrfField(req))
          .append("<fieldset><legend>")
          .append(esc(t.get("appeal.outcome")))
          .append("</legend>")
          .append("<label><input type=\"radio\" name=\"outcome\" value=\"UPHELD\" required> ")
          .append(esc(t.get("appeal.uphold")))
          .append("</label><label><input type=\"radio\" name=\"outcome\" value=\"REJECTED\"> ")
          .append(esc(t.get("appeal.reject")))
          .append("</label></fieldset><label for=\"reasons\">")
          .append(esc(t.get("appeal.reasons")))
          .append("</label><textarea id=\"reasons\" name=\"reasons\" required maxlength=\"")
          .append(MAX_TEXT)
          .append("\"></textarea><button type=\"submit\" id=\"decide\">")
          .append(esc(t.get("appeal.submit")))
          .append("</button></form>\n");
    }
    send(req, res, t, status, t.get("appeal.title", a.noticeNumber()), m.toString());
  }

  private void attachment(ServerRequest req, ServerResponse res, Texts t) {
    UUID id = id(req, "id", t);
    int n = index(req, t);
    Optional<Image> file = desk.appealAttachment(id, n, Guard.user(req));
    if (file.isEmpty()) {
      notFound(req, res, t, t.get("image.none"));
      return;
    }
    Page.file(res, file.get().mediaType(), file.get().bytes(), "attachment");
  }

  private void decide(ServerRequest req, ServerResponse res, Texts t) throws Exception {
    UUID id = id(req, "id", t);
    Map<String, String> form = form(req, t);
    String outcome = form.getOrDefault("outcome", "");
    String reasons = form.getOrDefault("reasons", "").strip();
    String problem = null;
    if (!outcome.equals("UPHELD") && !outcome.equals("REJECTED")) {
      problem = t.get("decide.badOutcome", outcome);
    } else if (reasons.isEmpty()) {
      problem = t.get("decide.needsReasons");
    } else if (reasons.length() > MAX_TEXT) {
      problem = t.get("reject.tooLong", MAX_TEXT, reasons.length());
    }
    Outcome result =
        problem == null
            ? desk.decideAppeal(id, outcome.equals("UPHELD"), reasons, Guard.user(req))
            : new Outcome.Refused(problem);
    if (result instanceof Outcome.Refused refused) {
      Optional<AppealView> a = desk.appeal(id, Guard.user(req));
      if (a.isEmpty()) {
        notFound(req, res, t, t.get("appeal.none", id));
        return;
      }
      appealPage(
          req,
          res,
          t,
          problem == null ? Status.CONFLICT_409 : Status.BAD_REQUEST_400,
          a.get(),
          Page.alert(refused.reason()));
      return;
    }
    Page.redirect(res, "/desk/appeals?done=decided");
  }

  // ---- search and history ----

  private void search(ServerRequest req, ServerResponse res, Texts t) {
    for (String name : req.query().names()) {
      if (!name.equals("notice") && !name.equals("lang")) {
        throw new BadRequestException(t.get("search.onlyNotice", name));
      }
    }
    String notice = QueryParams.text(req.query(), "notice");
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("search.title"))).append("</h1>\n");
    if (notice == null) {
      m.append(searchForm(t, ""));
      send(req, res, t, Status.OK_200, t.get("search.title"), m.toString());
      return;
    }
    String number = notice.strip();
    if (number.length() > MAX_NOTICE || !number.matches("[A-Za-z0-9 /-]+")) {
      m.append(Page.alert(t.get("search.badNumber", number, MAX_NOTICE)))
          .append(searchForm(t, number));
      send(req, res, t, Status.BAD_REQUEST_400, t.get("search.title"), m.toString());
      return;
    }
    Optional<UUID> found = desk.findByNotice(number, Guard.user(req));
    if (found.isEmpty()) {
      m.append(Page.alert(t.get("search.none", number))).append(searchForm(t, number));
      send(req, res, t, Status.NOT_FOUND_404, t.get("search.title"), m.toString());
      return;
    }
    Page.redirect(res, "/desk/cases/" + found.get());
  }

  private void history(ServerRequest req, ServerResponse res, Texts t) {
    UUID id = id(req, "id", t);
    Optional<CaseHistory> found = desk.history(id, Guard.user(req));
    if (found.isEmpty()) {
      notFound(req, res, t, t.get("case.none", id));
      return;
    }
    CaseHistory h = found.get();
    StringBuilder m = new StringBuilder();
    m.append("<h1>")
        .append(esc(t.get("history.title", h.noticeNumber() == null ? "—" : h.noticeNumber())))
        .append("</h1>\n<dl class=\"facts\">\n");
    fact(m, t.get("fact.offence"), t.get("type." + h.type().name()));
    fact(m, t.get("fact.state"), state(t, h.state()));
    m.append("</dl>\n<p><a href=\"/desk/review/")
        .append(h.id())
        .append("\">")
        .append(esc(t.get("history.evidenceLink")))
        .append("</a></p>\n<table>\n<caption>")
        .append(esc(t.get("history.caption")))
        .append("</caption>\n<thead><tr>")
        .append(th(t.get("col.when")))
        .append(th(t.get("col.from")))
        .append(th(t.get("col.to")))
        .append(th(t.get("col.who")))
        .append(th(t.get("col.why")))
        .append("</tr></thead>\n<tbody>\n");
    for (Transition s : h.steps()) {
      m.append("<tr><td>")
          .append(esc(time(s.at(), zone)))
          .append("</td><td>")
          .append(esc(s.from().isEmpty() ? "—" : state(t, s.from())))
          .append("</td><td>")
          .append(esc(state(t, s.to())))
          .append("</td><td>")
          .append(esc(s.who()))
          .append("</td><td class=\"pre\">")
          .append(esc(s.why()))
          .append("</td></tr>\n");
    }
    m.append("</tbody>\n</table>\n");
    send(req, res, t, Status.OK_200, t.get("history.title", h.noticeNumber()), m.toString());
  }

  // ---- outbox ----

  private void outbox(ServerRequest req, ServerResponse res, Texts t) {
    outboxPage(req, res, t, Status.OK_200, "");
  }

  private void outboxPage(
      ServerRequest req, ServerResponse res, Texts t, Status status, String alert) {
    List<FailedDelivery> failed = desk.failedDeliveries(Guard.user(req));
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("outbox.title"))).append("</h1>\n").append(alert);
    done(req, t, m);
    if (failed.isEmpty()) {
      m.append("<p>").append(esc(t.get("outbox.empty"))).append("</p>\n");
    } else {
      String csrf = csrfField(req);
      m.append("<table>\n<caption>")
          .append(esc(t.get("outbox.caption", failed.size())))
          .append("</caption>\n<thead><tr>")
          .append(th(t.get("col.notice")))
          .append(th(t.get("col.channel")))
          .append(th(t.get("col.attempts")))
          .append(th(t.get("col.queuedAt")))
          .append(th(t.get("col.error")))
          .append(th(t.get("col.action")))
          .append("</tr></thead>\n<tbody>\n");
      for (FailedDelivery d : failed) {
        m.append("<tr><td><a href=\"/desk/cases/")
            .append(d.caseId())
            .append("\">")
            .append(esc(d.noticeNumber()))
            .append("</a></td><td>")
            .append(
                esc(
                    t.has("channel." + d.channel())
                        ? t.get("channel." + d.channel())
                        : d.channel()))
            .append("</td><td>")
            .append(d.attempts())
            .append("</td><td>")
            .append(esc(time(d.queuedAt(), zone)))
            .append("</td><td>")
            .append(esc(d.lastError()))
            .append("</td><td><form class=\"inline\" method=\"post\" action=\"/desk/outbox/")
            .append(d.id())
            .append("/retry\">")
            .append(csrf)
            .append("<button type=\"submit\">")
            .append(esc(t.get("outbox.retry")))
            .append("<span class=\"vh\"> ")
            .append(esc(d.noticeNumber()))
            .append("</span></button></form></td></tr>\n");
      }
      m.append("</tbody>\n</table>\n");
    }
    send(req, res, t, status, t.get("outbox.title"), m.toString());
  }

  private void retry(ServerRequest req, ServerResponse res, Texts t) throws Exception {
    UUID id = id(req, "id", t);
    form(req, t);
    Outcome outcome = desk.retryDelivery(id, Guard.user(req));
    if (outcome instanceof Outcome.Refused refused) {
      outboxPage(req, res, t, Status.CONFLICT_409, Page.alert(refused.reason()));
      return;
    }
    Page.redirect(res, "/desk/outbox?done=retried");
  }

  // ---- pieces ----

  private static String searchForm(Texts t, String value) {
    return "<form method=\"get\" action=\"/desk/cases\" role=\"search\"><label for=\"notice\">"
        + esc(t.get("search.label"))
        + "</label><input type=\"text\" id=\"notice\" name=\"notice\" required maxlength=\""
        + MAX_NOTICE
        + "\" autocomplete=\"off\" value=\""
        + esc(value)
        + "\"> <button type=\"submit\">"
        + esc(t.get("search.submit"))
        + "</button><p class=\"note\">"
        + esc(t.get("search.hint"))
        + "</p></form>\n";
  }

  /** The desk's own navigation (the layout's header has the sign-out button). */
  private static String nav(ServerRequest req, Texts t) {
    String path = req.path().path();
    StringBuilder n = new StringBuilder("<nav class=\"desk\" aria-label=\"");
    n.append(esc(t.get("nav.label"))).append("\"><ul>");
    link(n, path, "/desk", t.get("nav.home"), true);
    link(n, path, "/desk/review", t.get("nav.review"), false);
    link(n, path, "/desk/appeals", t.get("nav.appeals"), false);
    link(n, path, "/desk/cases", t.get("nav.search"), false);
    link(n, path, "/desk/outbox", t.get("nav.outbox"), false);
    n.append("</ul></nav>\n");
    return n.toString();
  }

  private static void link(StringBuilder n, String path, String href, String text, boolean exact) {
    boolean current = exact ? path.equals(href) : path.startsWith(href);
    n.append("<li><a href=\"").append(href).append('"');
    if (current) {
      n.append(" aria-current=\"page\"");
    }
    n.append('>').append(esc(text)).append("</a></li>");
  }

  /** The hidden CSRF field of the request's session; nothing for HTTP Basic, which needs none. */
  static String csrfField(ServerRequest req) {
    return Guard.session(req)
        .map(
            s ->
                "<input type=\"hidden\" name=\""
                    + Guard.CSRF_FIELD
                    + "\" value=\""
                    + esc(s.csrfToken())
                    + "\">")
        .orElse("");
  }

  /** What the previous post did, from {@code ?done=} after its redirect. */
  private static void done(ServerRequest req, Texts t, StringBuilder m) {
    if (req.query().contains("done")) {
      String key = "done." + req.query().get("done");
      if (t.has(key)) {
        m.append(Page.status(t.get(key)));
      }
    }
    if (req.query().contains("case")) {
      try {
        UUID id = UUID.fromString(req.query().get("case"));
        m.append("<p><a id=\"decided-case\" href=\"/desk/cases/")
            .append(id)
            .append("\">")
            .append(esc(t.get("done.openCase")))
            .append("</a></p>\n");
      } catch (IllegalArgumentException e) {
        // not a case id: nothing to link (the page is still the queue)
      }
    }
  }

  private static Map<String, String> form(ServerRequest req, Texts t) {
    String type = Bodies.mediaType(req);
    if (!type.equals("application/x-www-form-urlencoded")) {
      throw new BadRequestException(
          Status.UNSUPPORTED_MEDIA_TYPE_415, t.get("error.formType", type));
    }
    return WebForms.parse(Bodies.read(req, MAX_FORM));
  }

  private static UUID id(ServerRequest req, String name, Texts t) {
    String v = req.path().pathParameters().get(name);
    try {
      return UUID.fromString(v);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(t.get("error.badId", v));
    }
  }

  private static int index(ServerRequest req, Texts t) {
    String v = req.path().pathParameters().get("n");
    if (!v.matches("[0-9]{1,3}")) {
      throw new BadRequestException(t.get("error.badIndex", v));
    }
    return Integer.parseInt(v);
  }

  private void notFound(ServerRequest req, ServerResponse res, Texts t, String message) {
    send(req, res, t, Status.NOT_FOUND_404, t.get("error.notFound"), Page.alert(message));
  }

  private static void send(
      ServerRequest req, ServerResponse res, Texts t, Status status, String title, String main) {
    Page.send(
        req,
        res,
        page(req),
        t.language(),
        Layout.Audience.STAFF,
        Guard.user(req),
        Guard.session(req).map(Sessions.Session::csrfToken).orElse(null),
        status,
        title,
        nav(req, t) + main);
  }

  /**
   * The page that shows what the request is about: its own path for a {@code GET}; for a decision's
   * post ({@code /desk/review/{id}/reject}, {@code /desk/appeals/{id}/decide}) the page with its
   * form, and the outbox for a retry.
   */
  static String page(ServerRequest req) {
    String path = req.path().rawPath();
    if (req.prologue().method() == Method.GET) {
      return path;
    }
    if (path.startsWith("/desk/outbox/")) {
      return "/desk/outbox";
    }
    return path.substring(0, path.lastIndexOf('/'));
  }

  private static String state(Texts t, String state) {
    return t.has("state." + state) ? t.get("state." + state) : state;
  }

  private static void fact(StringBuilder m, String term, String value) {
    m.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  private static String th(String text) {
    return "<th scope=\"col\">" + esc(text) + "</th>";
  }

  static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone)) + " " + zone.getId();
  }

  private static String speed(double kmh) {
    return String.format(Locale.ROOT, "%.0f", kmh);
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
