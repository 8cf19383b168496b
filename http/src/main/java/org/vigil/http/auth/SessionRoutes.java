package org.vigil.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Html;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.Layout;
import org.vigil.http.web.Messages;
import org.vigil.http.web.WebForms;

/**
 * Signing in and out: {@code POST /api/v1/session} (JSON) and the {@code /login} form start a
 * session, {@code GET /api/v1/session} tells who is signed in and the CSRF token, {@code DELETE
 * /api/v1/session} and {@code POST /logout} end it; {@code GET /staff} is the page a signed-in
 * member of staff lands on. The pages of later issues use the same mechanism: a page is a route
 * with roles, and the {@link Guard} resolves the session for it.
 *
 * <p>The pages are in Kazakh, Russian or English as {@link LanguageChoice} decides, built on {@link
 * Layout}; the JSON answers stay in English (they are for programs and their logs).
 *
 * <p>Sign-in requests are themselves protected from cross-site forgery: the JSON one accepts only
 * {@code application/json}, which a cross-site form cannot send and a cross-site script cannot send
 * without a CORS preflight that Vigil never grants; the form carries a one-time token that must
 * equal the {@value #LOGIN_COOKIE} cookie set with the form (double submit; the cookie is
 * SameSite=Strict, so a forged cross-site post never carries it).
 */
public final class SessionRoutes {
  /** The cookie that carries the login form's CSRF token. */
  static final String LOGIN_COOKIE = "vigil_login_csrf";

  private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);
  private static final int MAX_BODY = 16 << 10;

  /** How times are shown on the pages: minutes in UTC, the same in every language. */
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Accounts accounts;
  private final LanguageChoice languages;

  /** The routes, with pages in {@code languages}' choice of Kazakh, Russian or English. */
  public SessionRoutes(Accounts accounts, LanguageChoice languages) {
    this.accounts = accounts;
    this.languages = languages;
  }

  public List<Route> routes() {
    Set<Role> anyone = EnumSet.allOf(Role.class);
    return List.of(
        Route.open(Method.POST, "/api/v1/session", this::signIn),
        new Route(Method.GET, "/api/v1/session", anyone, this::current),
        new Route(Method.DELETE, "/api/v1/session", anyone, this::signOut),
        Route.open(Method.GET, "/login", this::loginForm),
        Route.open(Method.POST, "/login", this::loginPost),
        new Route(Method.POST, "/logout", anyone, this::logoutPost),
        new Route(Method.GET, "/staff", anyone, this::staffHome));
  }

  /** {@code {"username":"olga","password":"..."}}: 201 with the session, and its cookie. */
  private void signIn(ServerRequest req, ServerResponse res) throws Exception {
    if (!Bodies.mediaType(req).equals("application/json")) {
      throw new BadRequestException(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "send {\"username\":...,\"password\":...} as application/json, not '"
              + Bodies.mediaType(req)
              + "'");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(Bodies.read(req, MAX_BODY));
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (body == null || !body.path("username").isTextual() || !body.path("password").isTextual()) {
      throw new BadRequestException("body must be {\"username\":...,\"password\":...}");
    }
    SignInResult result =
        accounts.signIn(body.get("username").asText(), body.get("password").asText());
    if (!(result instanceof SignInResult.Accepted accepted)) {
      Json.error(res, Status.UNAUTHORIZED_401, SignInResult.message(result));
      return;
    }
    Sessions.Started started = accounts.sessions().start(accepted.user());
    setSessionCookie(req, res, started);
    Json.send(res, Status.CREATED_201, describe(started.session(), "session"));
  }

  private void current(ServerRequest req, ServerResponse res) {
    var session = Guard.session(req);
    if (session.isPresent()) {
      Json.send(res, Status.OK_200, describe(session.get(), "session"));
      return;
    }
    Accounts.SignedIn user = Guard.user(req);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.username());
    body.put("role", user.role().name());
    body.put("via", "basic");
    Json.send(res, Status.OK_200, body);
  }

  private void signOut(ServerRequest req, ServerResponse res) throws Exception {
    endSession(req, res);
    res.status(Status.NO_CONTENT_204).send();
  }

  private void logoutPost(ServerRequest req, ServerResponse res) throws Exception {
    endSession(req, res);
    redirect(res, "/login");
  }

  private void loginForm(ServerRequest req, ServerResponse res) {
    String next = WebForms.safeNext(req.query().contains("next") ? req.query().get("next") : "/");
    sendForm(req, res, Status.OK_200, next, Message.NONE);
  }

  /** The form's post: 303 to {@code next} (on this site only) with a session, or the form again. */
  private void loginPost(ServerRequest req, ServerResponse res) throws Exception {
    if (!Bodies.mediaType(req).equals("application/x-www-form-urlencoded")) {
      throw new BadRequestException(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "the login form posts application/x-www-form-urlencoded, not '"
              + Bodies.mediaType(req)
              + "'");
    }
    Map<String, String> form = WebForms.parse(Bodies.read(req, MAX_BODY));
    String next = WebForms.safeNext(form.get("next"));
    String cookie =
        req.headers().cookies().contains(LOGIN_COOKIE)
            ? req.headers().cookies().get(LOGIN_COOKIE)
            : null;
    String field = form.get(Guard.CSRF_FIELD);
    if (cookie == null || cookie.isEmpty() || field == null) {
      sendForm(
          req,
          res,
          Status.FORBIDDEN_403,
          next,
          t -> t.get(cookie == null ? "signin.noCookie" : "signin.noField"));
      return;
    }
    if (!MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
      sendForm(req, res, Status.FORBIDDEN_403, next, t -> t.get("signin.mismatch"));
      return;
    }
    SignInResult result = accounts.signIn(form.get("username"), form.get("password"));
    if (!(result instanceof SignInResult.Accepted accepted)) {
      sendForm(req, res, Status.UNAUTHORIZED_401, next, Message.of(result));
      return;
    }
    Sessions.Started started = accounts.sessions().start(accepted.user());
    res.headers().addCookie(WebForms.expired(req, LOGIN_COOKIE, "/login"));
    setSessionCookie(req, res, started);
    redirect(res, next);
  }

  private void endSession(ServerRequest req, ServerResponse res) throws Exception {
    if (Guard.session(req).isPresent()) {
      accounts.sessions().end(req.headers().cookies().get(Guard.SESSION_COOKIE));
    }
    res.headers().addCookie(WebForms.expired(req, Guard.SESSION_COOKIE, "/"));
  }

  private void sendForm(
      ServerRequest req, ServerResponse res, Status status, String next, Message message) {
    String token = accounts.sessions().randomToken();
    res.headers()
        .addCookie(WebForms.cookie(req, LOGIN_COOKIE, token, "/login", LOGIN_FORM_LIFETIME));
    Layout page =
        Layout.of(req, res, languages)
            .narrow()
            .linksKeep(next.equals("/") ? List.of() : List.of(Map.entry("next", next)));
    Messages t = page.messages();
    page.title(t.get("signin.title"))
        .main(
            "<h1>"
                + Html.escape(t.get("signin.heading"))
                + "</h1>\n<p class=\"note\">"
                + Html.escape(t.get("signin.intro"))
                + "</p>\n"
                + Layout.alert(message.in(t))
                + "<form method=\"post\" action=\"/login\">\n"
                + Layout.hidden(Guard.CSRF_FIELD, token)
                + "\n"
                + Layout.hidden("next", next)
                + "\n"
                + Layout.field("username", t.get("signin.username"), "text", "username", null, true)
                + Layout.field(
                    "password",
                    t.get("signin.password"),
                    "password",
                    "current-password",
                    null,
                    false)
                + Layout.button(t.get("signin.submit"))
                + "</form>")
        .send(res, status);
  }

  /** The signed-in page: who, which role, until when, and the sign-out button. */
  private void staffHome(ServerRequest req, ServerResponse res) {
    Accounts.SignedIn user = Guard.user(req);
    Optional<Sessions.Session> session = Guard.session(req);
    Layout page = Layout.of(req, res, languages);
    Messages t = page.messages();
    String role = t.get("role." + user.role().name());
    page.signedIn(user.username(), role, session.map(Sessions.Session::csrfToken).orElse(null));
    String sessionLine =
        session
            .map(
                s ->
                    t.format(
                        "staff.session",
                        "until",
                        UNTIL.format(s.absoluteExpiresAt().truncatedTo(ChronoUnit.MINUTES))))
            .orElse(t.get("staff.basic"));
    page.title(t.get("staff.title"))
        .main(
            "<h1>"
                + Html.escape(t.get("staff.heading"))
                + "</h1>\n<p>"
                + Html.escape(t.format("staff.who", "user", user.username(), "role", role))
                + "</p>\n<p class=\"note\">"
                + Html.escape(sessionLine)
                + "</p>")
        .send(res, Status.OK_200);
  }

  /** A message of the sign-in form, rendered in the page's language. */
  @FunctionalInterface
  private interface Message {
    Message NONE = t -> "";

    String in(Messages t);

    /** The text that tells a refused sign-in why, without saying whether the name exists. */
    static Message of(SignInResult r) {
      return switch (r) {
        case SignInResult.Accepted a -> NONE;
        case SignInResult.Refused f -> t -> t.get("signin.wrong");
        case SignInResult.Locked l ->
            t ->
                t.format(
                    "signin.locked",
                    "failures",
                    Lockout.MAX_FAILURES,
                    "until",
                    UNTIL.format(l.until().truncatedTo(ChronoUnit.SECONDS)));
      };
    }
  }

  private static void setSessionCookie(
      ServerRequest req, ServerResponse res, Sessions.Started started) {
    res.headers()
        .addCookie(
            WebForms.cookie(req, Guard.SESSION_COOKIE, started.token(), "/", Sessions.ABSOLUTE));
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
  }

  private static void redirect(ServerResponse res, String location) {
    res.status(Status.SEE_OTHER_303);
    res.header(HeaderNames.LOCATION, location);
    res.send();
  }

  private static Map<String, Object> describe(Sessions.Session s, String via) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", s.user().username());
    body.put("role", s.user().role().name());
    body.put("via", via);
    body.put("createdAt", s.createdAt().toString());
    body.put("expiresAt", s.expiresAt().toString());
    body.put("absoluteExpiresAt", s.absoluteExpiresAt().toString());
    body.put("csrfToken", s.csrfToken());
    return body;
  }
}
