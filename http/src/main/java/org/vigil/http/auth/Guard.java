package org.vigil.http.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.WebForms;

/**
 * The one place that decides who is calling and whether they may: every staff route is wrapped by
 * {@link #require}, and nothing else authenticates.
 *
 * <ol>
 *   <li>The caller is resolved from HTTP Basic credentials (API clients, scripts, the command line)
 *       or else from the {@value #SESSION_COOKIE} cookie (browsers); neither gives 401. Basic
 *       sign-ins count towards the lockout like any other. A browser opening a page (a GET that
 *       accepts {@code text/html}) without a live session is sent to {@code /login?next=} that page
 *       instead (303).
 *   <li>A request authenticated by the cookie with an unsafe method (POST, PUT, PATCH, DELETE) must
 *       carry the session's CSRF token in the {@value #CSRF_HEADER} header or a {@value
 *       #CSRF_FIELD} form field, else 403. Basic requests need none: a browser does not attach them
 *       to a forged cross-site request unless the user typed them into that browser.
 *   <li>The caller's role must be one of the route's, else 403.
 *   <li>On a route that shows personal data, a role that does not see it routinely must state a
 *       reason in {@value BreakGlass#HEADER} (else 403, 400 for an unusable reason); the reason
 *       goes into the request's context, and the audit recorder writes it as a BREAK_GLASS entry
 *       beside the view it records.
 * </ol>
 */
public final class Guard {
  /** The session cookie's name. */
  public static final String SESSION_COOKIE = "vigil_session";

  /** The header that carries a session's CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The form field that carries it. */
  public static final String CSRF_FIELD = "csrf";

  /** The largest form body read to find the CSRF field. */
  static final int MAX_FORM = 1 << 20;

  private static final Set<Method> UNSAFE =
      Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);

  private final Accounts accounts;

  public Guard(Accounts accounts) {
    this.accounts = accounts;
  }

  /**
   * {@code handler}, callable only by users with one of {@code roles}; on a {@code personalData}
   * route, by a role without routine access only with a break-glass reason.
   */
  public Handler require(Set<Role> roles, boolean personalData, Handler handler) {
    Set<Role> allowed = Set.copyOf(roles);
    return (req, res) -> {
      Optional<String> basic = req.headers().first(HeaderNames.AUTHORIZATION);
      Accounts.SignedIn user;
      if (basic.isPresent()) {
        SignInResult result = basic(basic.get());
        if (!(result instanceof SignInResult.Accepted accepted)) {
          challenge(res, SignInResult.message(result));
          return;
        }
        user = accepted.user();
      } else if (req.headers().cookies().contains(SESSION_COOKIE)) {
        Optional<Sessions.Session> session =
            accounts.sessions().resume(req.headers().cookies().get(SESSION_COOKIE));
        if (session.isEmpty()) {
          res.headers().addCookie(WebForms.expired(req, SESSION_COOKIE, "/"));
          if (wantsPage(req)) {
            toSignIn(req, res);
            return;
          }
          Json.error(
              res,
              Status.UNAUTHORIZED_401,
              "the session has ended or expired; sign in again (POST /api/v1/session or /login)");
          return;
        }
        if (UNSAFE.contains(req.prologue().method()) && !csrfMatches(req, res, session.get())) {
          return;
        }
        req.context().register(session.get());
        user = session.get().user();
      } else if (wantsPage(req)) {
        toSignIn(req, res);
        return;
      } else {
        challenge(
            res,
            "sign in with a user name and password (HTTP Basic), or with a session from"
                + " POST /api/v1/session or /login");
        return;
      }
      if (!allowed.contains(user.role())) {
        Json.error(
            res,
            Status.FORBIDDEN_403,
            "role " + user.role() + " may not do this; it needs one of " + allowed);
        return;
      }
      if (personalData && !user.role().seesPersonalDataRoutinely()) {
        Optional<String> reason = req.headers().first(HeaderNames.create(BreakGlass.HEADER));
        if (reason.isEmpty()) {
          Json.error(
              res,
              Status.FORBIDDEN_403,
              "this shows personal data, which is not routine work for role "
                  + user.role()
                  + "; break-glass access needs a reason (10 to 200 characters, no plate) in the "
                  + BreakGlass.HEADER
                  + " header, and is recorded for auditors");
          return;
        }
        try {
          req.context().register(new BreakGlass(reason.get()));
        } catch (IllegalArgumentException e) {
          Json.error(res, Status.BAD_REQUEST_400, e.getMessage());
          return;
        }
      }
      req.context().register(user);
      handler.handle(req, res);
    };
  }

  /** The user signed in for this request; only inside a handler guarded by {@link #require}. */
  public static Accounts.SignedIn user(ServerRequest req) {
    return req.context().get(Accounts.SignedIn.class).orElseThrow();
  }

  /** The session of this request, when it was authenticated by the session cookie. */
  public static Optional<Sessions.Session> session(ServerRequest req) {
    return req.context().get(Sessions.Session.class);
  }

  /** The break-glass reason of this request, when it needed and gave one. */
  public static Optional<BreakGlass> breakGlass(ServerRequest req) {
    return req.context().get(BreakGlass.class);
  }

  private SignInResult basic(String header) throws Exception {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new SignInResult.Refused();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new SignInResult.Refused();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new SignInResult.Refused();
    }
    return accounts.signIn(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static boolean csrfMatches(
      ServerRequest req, ServerResponse res, Sessions.Session session) {
    Optional<String> header = req.headers().first(HeaderNames.create(CSRF_HEADER));
    String given;
    String where;
    if (header.isPresent()) {
      given = header.get();
      where = "the " + CSRF_HEADER + " header";
    } else if (Bodies.mediaType(req).equals("application/x-www-form-urlencoded")) {
      given = WebForms.parse(Bodies.read(req, MAX_FORM)).get(CSRF_FIELD);
      where = "the " + CSRF_FIELD + " form field";
    } else {
      given = null;
      where = null;
    }
    if (given == null) {
      Json.error(
          res,
          Status.FORBIDDEN_403,
          "a request signed in by the session cookie that changes something needs the session's"
              + " CSRF token (GET /api/v1/session) in the "
              + CSRF_HEADER
              + " header or a "
              + CSRF_FIELD
              + " form field; neither was sent");
      return false;
    }
    if (!Sessions.csrfMatches(session, given)) {
      Json.error(
          res,
          Status.FORBIDDEN_403,
          "the CSRF token in " + where + " is not this session's (GET /api/v1/session has it)");
      return false;
    }
    return true;
  }

  /**
   * Whether the request is a browser opening a page (GET, HTML preferred): such a caller without a
   * session is sent to the sign-in form instead of getting a Basic challenge, which would open the
   * browser's own password dialog.
   */
  private static boolean wantsPage(ServerRequest req) {
    return req.prologue().method() == Method.GET
        && req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
  }

  /** 303 to {@code /login?next=} this page, in the language the page was asked for. */
  private static void toSignIn(ServerRequest req, ServerResponse res) {
    String raw = req.path().rawPath();
    String query = req.query().rawValue();
    String next = WebForms.safeNext(query.isEmpty() ? raw : raw + "?" + query);
    res.status(Status.SEE_OTHER_303);
    String lang =
        req.query().contains(LanguageChoice.PARAM) ? req.query().get(LanguageChoice.PARAM) : "";
    res.header(
        HeaderNames.LOCATION,
        "/login?next="
            + URLEncoder.encode(next, StandardCharsets.UTF_8)
            + (lang.matches("kk|ru|en") ? "&" + LanguageChoice.PARAM + "=" + lang : ""));
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send();
  }

  private static void challenge(ServerResponse res, String message) {
    res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"vigil\", charset=\"UTF-8\"");
    Json.error(res, Status.UNAUTHORIZED_401, message);
  }
}
