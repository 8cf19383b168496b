package org.vigil.http.portal;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Html;
import org.vigil.http.Route;
import org.vigil.http.pages.Page;
import org.vigil.http.portal.PortalDesk.AppealOutcome;
import org.vigil.http.portal.PortalDesk.File;
import org.vigil.http.portal.PortalDesk.PortalAppeal;
import org.vigil.http.portal.PortalDesk.PortalCase;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.Layout;
import org.vigil.http.web.PortalThrottle;
import org.vigil.http.web.Texts;
import org.vigil.http.web.WebForms;
import org.vigil.notice.Language;

/**
 * The citizen portal under {@code /portal}, without an account: the notice number and the plate
 * open the case (evidence, amounts, deadlines, the notice letter, a pay link, an appeal with text
 * and attachments, the appeal's status and its decision's reasons), in Kazakh, Russian or English.
 * The payment address of a notice's QR code, {@code /portal/pay?n=<notice number>}, is the same
 * form with the number filled in.
 *
 * <p>A wrong pair and an unknown notice number get the same answer (same status, same text), and
 * failures are limited per client and per notice number by an {@link PortalThrottle}, so that the
 * portal tells nobody whether a notice exists. After a successful opening, the browser keeps access
 * for {@link PortalAccess#LIFETIME} by a signed token in the {@value #COOKIE} cookie (HttpOnly,
 * SameSite=Strict, Path=/portal); the plate never appears in a URL. Forms carry a CSRF value
 * derived from that token.
 */
public final class PortalPages {
  /** The cookie that keeps access to one opened case. */
  public static final String COOKIE = "vigil_portal";

  /** The texts' base name on the class path. */
  public static final String TEXTS = "org.vigil.http.portal.portal";

  /** The most attachments an appeal may have. */
  public static final int MAX_FILES = 3;

  /** The largest attachment, in bytes. */
  public static final int MAX_FILE_BYTES = 2 << 20;

  /** The longest appeal text, in characters. */
  public static final int MAX_TEXT = 4000;

  /** The longest notice number. */
  static final int MAX_NOTICE = 40;

  /** The longest plate. */
  static final int MAX_PLATE = 16;

  /** The largest appeal body: the files, the text and the form's overhead. */
  static final int MAX_APPEAL_BODY = MAX_FILES * MAX_FILE_BYTES + (64 << 10);

  private static final int MAX_FORM = 8 << 10;
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final PortalDesk desk;
  private final PortalThrottle throttle;
  private final PortalAccess access;
  private final LanguageChoice languages;

  /**
   * @param languages how a page's language is chosen ({@code HttpServices.languages()})
   */
  public PortalPages(
      PortalDesk desk, PortalThrottle throttle, PortalAccess access, LanguageChoice languages) {
    this.desk = desk;
    this.throttle = throttle;
    this.access = access;
    this.languages = languages;
  }

  /** The routes, for {@code VigilRoutes}: all open, the portal has no accounts. */
  public List<Route> routes() {
    return List.of(
        Route.open(Method.GET, "/portal", page(this::form)),
        Route.open(Method.POST, "/portal", page(this::openCase)),
        Route.open(Method.GET, "/portal/pay", page(this::pay)),
        Route.open(Method.GET, "/portal/case", page(this::showCase)),
        Route.open(Method.GET, "/portal/notice.pdf", page(this::noticePdf)),
        Route.open(Method.GET, "/portal/evidence/{n}", page(this::evidence)),
        Route.open(Method.POST, "/portal/appeal", page(this::appeal)),
        Route.open(Method.POST, "/portal/close", page(this::close)));
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

  // ---- opening a case ----

  private void form(ServerRequest req, ServerResponse res, Texts t) {
    String notice = "";
    String message = "";
    if (req.query().contains("ended")) {
      message = Page.status(t.get("open.ended"));
    }
    formPage(req, res, t, Status.OK_200, notice, message);
  }

  /**
   * The address a notice's QR code and its letter print, {@code /portal/pay?n=<notice number>}
   * ({@code PaymentUri}): the form with the number filled in, so that the plate opens the case with
   * its amounts and pay link. Any plausible number gets the same form, whether a notice has it or
   * not; an implausible one the form with the notice number's rule, as a 400.
   */
  private void pay(ServerRequest req, ServerResponse res, Texts t) {
    String notice = req.query().contains("n") ? req.query().get("n").strip() : "";
    if (!plausibleNotice(notice)) {
      formPage(
          req, res, t, Status.BAD_REQUEST_400, "", Page.alert(t.get("open.badNotice", MAX_NOTICE)));
      return;
    }
    formPage(req, res, t, Status.OK_200, notice, "");
  }

  /** Whether {@code notice} may be a notice number: 1 to {@link #MAX_NOTICE} such characters. */
  static boolean plausibleNotice(String notice) {
    return !notice.isEmpty() && notice.length() <= MAX_NOTICE && notice.matches("[A-Za-z0-9 /-]+");
  }

  private void formPage(
      ServerRequest req, ServerResponse res, Texts t, Status status, String notice, String alert) {
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("open.title"))).append("</h1>\n");
    m.append(alert);
    m.append("<p>").append(esc(t.get("open.intro"))).append("</p>\n");
    m.append("<form method=\"post\" action=\"/portal\">")
        .append("<label for=\"notice\">")
        .append(esc(t.get("open.notice")))
        .append("</label><input type=\"text\" id=\"notice\" name=\"notice\" required")
        .append(" autocomplete=\"off\" maxlength=\"")
        .append(MAX_NOTICE)
        .append("\" aria-describedby=\"notice-hint\" value=\"")
        .append(esc(notice))
        .append("\"><p class=\"note\" id=\"notice-hint\">")
        .append(esc(t.get("open.noticeHint")))
        .append("</p><label for=\"plate\">")
        .append(esc(t.get("open.plate")))
        .append("</label><input type=\"text\" id=\"plate\" name=\"plate\" required")
        .append(" autocomplete=\"off\" maxlength=\"")
        .append(MAX_PLATE)
        .append("\" aria-describedby=\"plate-hint\"><p class=\"note\" id=\"plate-hint\">")
        .append(esc(t.get("open.plateHint")))
        .append("</p><button type=\"submit\" id=\"open\">")
        .append(esc(t.get("open.submit")))
        .append("</button></form>\n<p class=\"note\">")
        .append(esc(t.get("open.privacy")))
        .append("</p>\n");
    send(req, res, t, status, t.get("open.title"), m.toString());
  }

  private void openCase(ServerRequest req, ServerResponse res, Texts t) {
    Map<String, String> form = urlencoded(req, t);
    String notice = form.getOrDefault("notice", "").strip();
    String plate = form.getOrDefault("plate", "").strip();
    if (!plausibleNotice(notice)) {
      formPage(
          req, res, t, Status.BAD_REQUEST_400, "", Page.alert(t.get("open.badNotice", MAX_NOTICE)));
      return;
    }
    if (plate.isEmpty() || plate.length() > MAX_PLATE || !plate.matches("[\\p{L}\\p{N} -]+")) {
      formPage(
          req,
          res,
          t,
          Status.BAD_REQUEST_400,
          notice,
          Page.alert(t.get("open.badPlate", MAX_PLATE)));
      return;
    }
    String client = client(req);
    if (throttle.check(client, notice) instanceof PortalThrottle.Wait wait) {
      long minutes = wait.minutes();
      res.header(HeaderNames.RETRY_AFTER, String.valueOf(wait.retryAfter().toSeconds() + 1));
      formPage(
          req,
          res,
          t,
          Status.TOO_MANY_REQUESTS_429,
          notice,
          Page.alert(t.get("open.throttled", minutes)));
      return;
    }
    Optional<PortalCase> opened = desk.open(notice, plate);
    if (opened.isEmpty()) {
      throttle.failed(client, notice);
      formPage(req, res, t, Status.NOT_FOUND_404, notice, Page.alert(t.get("open.noMatch")));
      return;
    }
    res.headers()
        .addCookie(
            WebForms.cookie(
                req,
                COOKIE,
                access.issue(opened.get().noticeNumber()),
                "/portal",
                PortalAccess.LIFETIME));
    Page.redirect(res, "/portal/case");
  }

  private void close(ServerRequest req, ServerResponse res, Texts t) {
    Optional<String> token = token(req);
    if (token.isPresent()) {
      Map<String, String> form = urlencoded(req, t);
      if (!access.csrfMatches(token.get(), form.get("csrf"))) {
        forbidden(req, res, t);
        return;
      }
    }
    res.headers().addCookie(WebForms.expired(req, COOKIE, "/portal"));
    Page.redirect(res, "/portal");
  }

  // ---- the case ----

  private void showCase(ServerRequest req, ServerResponse res, Texts t) {
    Optional<Opened> opened = opened(req);
    if (opened.isEmpty()) {
      ended(req, res);
      return;
    }
    String message = "";
    if (req.query().contains("done") && req.query().get("done").equals("appealed")) {
      message = Page.status(t.get("appeal.filed"));
    }
    casePage(req, res, t, Status.OK_200, opened.get(), message);
  }

  private void casePage(
      ServerRequest req, ServerResponse res, Texts t, Status status, Opened o, String alert) {
    PortalCase c = o.c();
    Language lang = t.language();
    StringBuilder m = new StringBuilder();
    m.append("<h1>").append(esc(t.get("case.title", c.noticeNumber()))).append("</h1>\n");
    m.append(alert);
    m.append("<p><strong>")
        .append(esc(t.get("case.state", state(t, c.state()))))
        .append("</strong></p>\n");

    m.append("<div class=\"cols\">\n<section aria-labelledby=\"what\"><h2 id=\"what\">")
        .append(esc(t.get("case.what")))
        .append("</h2>\n<dl class=\"facts\">\n");
    fact(m, t.get("fact.offence"), t.get("type." + c.type().name()));
    fact(m, t.get("fact.place"), c.place());
    fact(m, t.get("fact.observedAt"), dateTime(c.observedAt(), c.zone(), lang));
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
    fact(m, t.get("fact.legalBasis"), c.legalBasis());
    m.append("</dl>\n");
    for (int n = 0; n < c.images(); n++) {
      m.append("<p class=\"evidence\"><img src=\"/portal/evidence/")
          .append(n)
          .append("\" alt=\"")
          .append(esc(t.get("case.imageAlt", n + 1, c.images())))
          .append("\"></p>\n");
    }
    m.append("<p><a href=\"/portal/notice.pdf\" id=\"notice-pdf\">")
        .append(esc(t.get("case.pdf")))
        .append("</a></p>\n</section>\n");

    m.append("<section aria-labelledby=\"pay\"><h2 id=\"pay\">")
        .append(esc(t.get("case.amounts")))
        .append("</h2>\n<dl class=\"facts\">\n");
    fact(m, t.get("fact.amount"), money(c.amount(), c.currency(), lang));
    if (c.discountedAmount() != null) {
      fact(
          m,
          t.get("fact.discounted"),
          t.get(
              "case.discountUntil",
              money(c.discountedAmount(), c.currency(), lang),
              date(c.discountLastDay(), lang)));
    }
    fact(m, t.get("fact.payBy"), date(c.payBy(), lang));
    if (c.paid().signum() > 0) {
      fact(m, t.get("fact.paid"), money(c.paid(), c.currency(), lang));
    }
    if (c.appealUntil() != null) {
      fact(m, t.get("fact.appealUntil"), date(c.appealUntil(), lang));
    }
    m.append("</dl>\n");
    if (c.due().signum() > 0) {
      m.append("<p id=\"pay-due\">")
          .append(esc(t.get("case.due", money(c.due(), c.currency(), lang), c.noticeNumber())))
          .append("</p>\n");
      if (c.payUrl() != null) {
        m.append("<p><a href=\"")
            .append(esc(c.payUrl()))
            .append("\" id=\"pay-link\" rel=\"noopener noreferrer\">")
            .append(esc(t.get("case.payNow")))
            .append("</a></p>\n");
      }
    } else {
      m.append("<p>").append(esc(t.get("case.nothingToPay"))).append("</p>\n");
    }
    m.append("</section>\n</div>\n");

    m.append("<section aria-labelledby=\"appeal\"><h2 id=\"appeal\">")
        .append(esc(t.get("appeal.title")))
        .append("</h2>\n");
    PortalAppeal a = c.appeal();
    if (a != null) {
      m.append("<p>")
          .append(esc(t.get("appeal.submitted", date(a, c.zone(), lang))))
          .append("</p>\n");
      switch (a.status()) {
        case PENDING ->
            m.append("<p id=\"appeal-status\">")
                .append(esc(t.get("appeal.pending")))
                .append("</p>\n");
        case UPHELD, REJECTED -> {
          m.append("<p id=\"appeal-status\"><strong>")
              .append(
                  esc(
                      t.get(
                          a.status() == PortalDesk.AppealStatus.UPHELD
                              ? "appeal.upheld"
                              : "appeal.rejected")))
              .append("</strong></p>\n<h3>")
              .append(esc(t.get("appeal.reasons")))
              .append("</h3>\n<p class=\"pre\" id=\"appeal-reasons\">")
              .append(esc(a.reasons()))
              .append("</p>\n");
        }
      }
    } else if (c.appealUntil() != null) {
      m.append("<p>")
          .append(esc(t.get("appeal.intro")))
          .append("</p>\n<form method=\"post\" action=\"/portal/appeal\"")
          .append(" enctype=\"multipart/form-data\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"")
          .append(esc(access.csrf(o.token())))
          .append("\"><label for=\"text\">")
          .append(esc(t.get("appeal.text")))
          .append("</label><textarea id=\"text\" name=\"text\" required maxlength=\"")
          .append(MAX_TEXT)
          .append("\"></textarea><label for=\"files\">")
          .append(esc(t.get("appeal.files")))
          .append("</label><input type=\"file\" id=\"files\" name=\"files\" multiple")
          .append(" accept=\".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf\"")
          .append(" aria-describedby=\"files-hint\"><p class=\"note\" id=\"files-hint\">")
          .append(esc(t.get("appeal.limits", MAX_FILES, MAX_FILE_BYTES >> 20)))
          .append("</p><button type=\"submit\" id=\"send-appeal\">")
          .append(esc(t.get("appeal.submit")))
          .append("</button></form>\n");
    } else {
      m.append("<p>").append(esc(t.get("appeal.closed"))).append("</p>\n");
    }
    m.append("</section>\n");
    m.append("<form method=\"post\" action=\"/portal/close\">")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(esc(access.csrf(o.token())))
        .append("\"><button type=\"submit\" class=\"secondary\" id=\"close\">")
        .append(esc(t.get("case.close")))
        .append("</button></form>\n");
    send(req, res, t, status, t.get("case.title", c.noticeNumber()), m.toString());
  }

  private void noticePdf(ServerRequest req, ServerResponse res, Texts t) {
    Optional<Opened> opened = opened(req);
    if (opened.isEmpty()) {
      ended(req, res);
      return;
    }
    String number = opened.get().c().noticeNumber();
    Optional<byte[]> pdf = desk.noticePdf(number, t.language());
    if (pdf.isEmpty()) {
      send(
          req, res, t, Status.NOT_FOUND_404, t.get("error.title"), Page.alert(t.get("case.noPdf")));
      return;
    }
    Page.file(
        res,
        "application/pdf",
        pdf.get(),
        "inline; filename=\"notice-" + number.replaceAll("[^A-Za-z0-9-]", "-") + ".pdf\"");
  }

  private void evidence(ServerRequest req, ServerResponse res, Texts t) {
    Optional<Opened> opened = opened(req);
    if (opened.isEmpty()) {
      ended(req, res);
      return;
    }
    String v = req.path().pathParameters().get("n");
    if (!v.matches("[0-9]{1,3}")) {
      throw new BadRequestException(t.get("error.badIndex", v));
    }
    Optional<File> image = desk.evidenceImage(opened.get().c().noticeNumber(), Integer.parseInt(v));
    if (image.isEmpty()) {
      send(
          req,
          res,
          t,
          Status.NOT_FOUND_404,
          t.get("error.title"),
          Page.alert(t.get("error.noImage")));
      return;
    }
    Page.file(res, image.get().mediaType(), image.get().bytes(), "inline");
  }

  // ---- appeal ----

  private void appeal(ServerRequest req, ServerResponse res, Texts t) {
    Optional<Opened> opened = opened(req);
    if (opened.isEmpty()) {
      ended(req, res);
      return;
    }
    Opened o = opened.get();
    String type = Bodies.mediaType(req);
    if (!type.equals("multipart/form-data")) {
      casePage(
          req,
          res,
          t,
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          o,
          Page.alert(t.get("appeal.formType", type)));
      return;
    }
    long declared = req.headers().contentLength().orElse(-1);
    if (declared > MAX_APPEAL_BODY) {
      casePage(req, res, t, Status.REQUEST_ENTITY_TOO_LARGE_413, o, tooLarge(t));
      return;
    }
    byte[] body;
    try {
      body = Bodies.read(req, MAX_APPEAL_BODY);
    } catch (BadRequestException e) {
      casePage(req, res, t, Status.REQUEST_ENTITY_TOO_LARGE_413, o, tooLarge(t));
      return;
    }
    List<Multipart.Part> parts;
    try {
      parts =
          Multipart.parse(
              body, Multipart.boundary(req.headers().first(HeaderNames.CONTENT_TYPE).orElse("")));
    } catch (IllegalArgumentException e) {
      casePage(req, res, t, Status.BAD_REQUEST_400, o, Page.alert(t.get("appeal.malformed")));
      return;
    }
    String csrf = null;
    String text = null;
    List<File> files = new ArrayList<>();
    for (Multipart.Part p : parts) {
      switch (p.name()) {
        case "csrf" -> csrf = csrf == null ? p.text() : csrf;
        case "text" -> text = text == null ? p.text() : text;
        case "files" -> {
          if (p.fileName() != null && !(p.fileName().isEmpty() && p.bytes().length == 0)) {
            files.add(new File(p.fileName(), p.contentType(), p.bytes()));
          }
        }
        default -> {}
      }
    }
    if (!access.csrfMatches(o.token(), csrf)) {
      forbidden(req, res, t);
      return;
    }
    String problem = problem(t, text == null ? "" : text.strip(), files);
    if (problem != null) {
      casePage(req, res, t, Status.BAD_REQUEST_400, o, Page.alert(problem));
      return;
    }
    List<File> checked = new ArrayList<>();
    for (File f : files) {
      checked.add(new File(f.name(), sniff(f.bytes()), f.bytes()));
    }
    AppealOutcome outcome =
        desk.appeal(o.c().noticeNumber(), text.strip(), List.copyOf(checked), t.language());
    if (outcome instanceof AppealOutcome.Refused refused) {
      Optional<Opened> again = opened(req);
      casePage(
          req,
          res,
          t,
          Status.CONFLICT_409,
          again.orElse(o),
          Page.alert(t.get("refusal." + refused.why().name())));
      return;
    }
    Page.redirect(res, "/portal/case?done=appealed");
  }

  /** What is wrong with an appeal's text and files, in words naming the limit; null if nothing. */
  static String problem(Texts t, String text, List<File> files) {
    if (text.isEmpty()) {
      return t.get("appeal.needsText");
    }
    if (text.length() > MAX_TEXT) {
      return t.get("appeal.textTooLong", MAX_TEXT, text.length());
    }
    if (files.size() > MAX_FILES) {
      return t.get("appeal.tooManyFiles", MAX_FILES, files.size());
    }
    for (File f : files) {
      if (f.bytes().length > MAX_FILE_BYTES) {
        return t.get("appeal.fileTooLarge", f.name(), MAX_FILE_BYTES >> 20);
      }
      if (sniff(f.bytes()) == null) {
        return t.get("appeal.fileType", f.name());
      }
    }
    return null;
  }

  /** The media type of a JPEG, PNG or PDF file by its first bytes; null for anything else. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == '\r'
        && b[5] == '\n'
        && b[6] == 0x1a
        && b[7] == '\n') {
      return "image/png";
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    return null;
  }

  private static String tooLarge(Texts t) {
    return Page.alert(t.get("appeal.bodyTooLarge", MAX_FILES, MAX_FILE_BYTES >> 20));
  }

  // ---- pieces ----

  /** An opened case and the access token that opened it. */
  private record Opened(String token, PortalCase c) {}

  private Optional<String> token(ServerRequest req) {
    if (!req.headers().cookies().contains(COOKIE)) {
      return Optional.empty();
    }
    String token = req.headers().cookies().get(COOKIE);
    return access.verify(token).map(n -> token);
  }

  private Optional<Opened> opened(ServerRequest req) {
    Optional<String> token = token(req);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    return access.verify(token.get()).flatMap(desk::view).map(c -> new Opened(token.get(), c));
  }

  private static void ended(ServerRequest req, ServerResponse res) {
    if (req.headers().cookies().contains(COOKIE)) {
      res.headers().addCookie(WebForms.expired(req, COOKIE, "/portal"));
    }
    Page.redirect(res, "/portal?ended");
  }

  private void forbidden(ServerRequest req, ServerResponse res, Texts t) {
    send(req, res, t, Status.FORBIDDEN_403, t.get("error.title"), Page.alert(t.get("error.csrf")));
  }

  private static Map<String, String> urlencoded(ServerRequest req, Texts t) {
    String type = Bodies.mediaType(req);
    if (!type.equals("application/x-www-form-urlencoded")) {
      throw new BadRequestException(
          Status.UNSUPPORTED_MEDIA_TYPE_415, t.get("error.formType", type));
    }
    return WebForms.parse(Bodies.read(req, MAX_FORM));
  }

  /** The client's address, the key of the per-client limit. */
  static String client(ServerRequest req) {
    SocketAddress a = req.remotePeer().address();
    if (a instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(a);
  }

  private static void send(
      ServerRequest req, ServerResponse res, Texts t, Status status, String title, String main) {
    Page.send(
        req, res, page(req), t.language(), Layout.Audience.PORTAL, null, null, status, title, main);
  }

  /**
   * The page that shows what the request is about: its own path for a {@code GET}; the case for an
   * appeal's post, the form for the opening's (and closing's) post.
   */
  static String page(ServerRequest req) {
    String path = req.path().rawPath();
    if (req.prologue().method() == Method.GET) {
      return path;
    }
    return path.equals("/portal/appeal") ? "/portal/case" : "/portal";
  }

  private static String state(Texts t, String state) {
    return t.has("state." + state) ? t.get("state." + state) : state;
  }

  private static void fact(StringBuilder m, String term, String value) {
    m.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  static String money(BigDecimal amount, String currency, Language lang) {
    NumberFormat f = NumberFormat.getNumberInstance(lang.locale());
    f.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    f.setMaximumFractionDigits(2);
    return f.format(amount) + " " + currency;
  }

  static String date(LocalDate day, Language lang) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(lang.locale())
        .format(day);
  }

  private static String date(PortalAppeal a, ZoneId zone, Language lang) {
    return dateTime(a.submittedAt(), zone, lang);
  }

  static String dateTime(Instant at, ZoneId zone, Language lang) {
    var local = at.atZone(zone);
    return date(local.toLocalDate(), lang) + ", " + HOUR.format(local);
  }

  private static String speed(double kmh) {
    return String.format(Locale.ROOT, "%.0f", kmh);
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
