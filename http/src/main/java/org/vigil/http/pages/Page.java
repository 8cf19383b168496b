package org.vigil.http.pages;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.http.BadRequestException;
import org.vigil.http.Html;
import org.vigil.http.auth.Accounts;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.Layout;
import org.vigil.http.web.Texts;
import org.vigil.notice.Language;

/**
 * The skeleton of the operator pages and the citizen portal: one accessible layout (a skip link, a
 * language switcher, landmarks), no script, no resource from elsewhere, and the headers every page
 * gets (no caching, a strict content security policy).
 */
public final class Page {
  private Page() {}

  /** A page handler: the request, the response and the texts in the request's language. */
  @FunctionalInterface
  public interface TextHandler {
    void handle(ServerRequest req, ServerResponse res, Texts t) throws Exception;
  }

  /** How a group of pages shows bad input: in its own layout, with the status and the message. */
  @FunctionalInterface
  public interface ErrorPage {
    void show(ServerRequest req, ServerResponse res, Texts t, Status status, String message);
  }

  /**
   * {@code h} with the texts of bundle {@code texts} in the request's language; bad input (a {@link
   * BadRequestException}, an {@link IllegalArgumentException}, a bad {@code ?lang=}) is answered as
   * a page by {@code error}, not as JSON.
   */
  public static Handler texted(
      String texts, LanguageChoice languages, TextHandler h, ErrorPage error) {
    return (req, res) -> {
      Texts t;
      try {
        t = Texts.of(texts, languages.choose(req, res));
      } catch (BadRequestException e) {
        t = Texts.of(texts, languages.fallback());
        error.show(req, res, t, e.status(), e.getMessage());
        return;
      }
      try {
        h.handle(req, res, t);
      } catch (BadRequestException e) {
        error.show(req, res, t, e.status(), e.getMessage());
      } catch (IllegalArgumentException e) {
        error.show(req, res, t, Status.BAD_REQUEST_400, e.getMessage());
      }
    };
  }

  /** The styles of the desk and portal pages beyond the shared layout's, inside main. */
  static final String STYLE =
      "<style>"
          + "main{max-width:72rem}"
          + ".vh{position:absolute;left:-999px}"
          + "nav.desk ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:0 0 1rem}"
          + "nav.desk a[aria-current]{font-weight:700;text-decoration:none}"
          + "caption{text-align:left;color:#4a5a68;padding:.3rem 0}"
          + "th,td{vertical-align:top}"
          + "dl.facts{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.3rem 1rem}"
          + "dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
          + "textarea{min-height:7rem}"
          + "button.danger{background:#a02020}button.secondary{background:#4a5a68}"
          + ".status{border-left:4px solid #1e7b34;background:#e9f6ec;padding:.6rem .8rem}"
          + ".flag{font-weight:700;color:#8a4b00}"
          + ".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1.5rem}"
          + ".evidence img{max-width:100%;height:auto;border:1px solid #d5dde4}"
          + "fieldset{border:1px solid #d5dde4;margin:1rem 0;padding:.6rem 1rem}"
          + ".pre{white-space:pre-wrap}form.inline{display:inline}form.inline button{margin:0}"
          + "</style>\n";

  /**
   * Sends a whole page in the one layout of Vigil's pages ({@link Layout}): {@code main} (already
   * escaped) after these pages' own styles.
   *
   * @param page the page the language links lead to, with the request's query and another {@code
   *     lang}: the request's path for a {@code GET}; for the answer to a form's post (a refusal
   *     shown at the form's action), the page that shows the form, since a link cannot repeat a
   *     post
   * @param signedIn the signed-in staff member, or null on the portal
   * @param csrf the session's CSRF token for the sign-out button, or null
   */
  public static void send(
      ServerRequest req,
      ServerResponse res,
      String page,
      Language language,
      Layout.Audience audience,
      Accounts.SignedIn signedIn,
      String csrf,
      Status status,
      String title,
      String main) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (String name : req.query().names()) {
      if (name.equals("done")) {
        continue;
      }
      for (String value : req.query().all(name)) {
        query.add(Map.entry(name, value));
      }
    }
    Layout layout = Layout.of(language, page, query).audience(audience).title(title);
    if (signedIn != null) {
      layout.signedIn(
          signedIn.username(), layout.messages().get("role." + signedIn.role().name()), csrf);
    }
    layout.main(STYLE + main).send(res, status);
  }

  /** 303 See Other to {@code location}: the redirect after a form's post. */
  public static void redirect(ServerResponse res, String location) {
    res.status(Status.SEE_OTHER_303);
    res.header(HeaderNames.LOCATION, location);
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send();
  }

  /** Sends a file (evidence image, attachment, PDF) that the browser must not guess the type of. */
  public static void file(ServerResponse res, String mediaType, byte[] bytes, String disposition) {
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, mediaType);
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.header(HeaderNames.create("Content-Security-Policy"), "default-src 'none'; sandbox");
    res.header(HeaderNames.CONTENT_DISPOSITION, disposition);
    res.send(bytes);
  }

  /** An error (not yet escaped) announced to screen readers: the layout's alert. */
  public static String alert(String message) {
    return Layout.alert(message);
  }

  /** A status box: {@code message} (not yet escaped), announced politely. */
  public static String status(String message) {
    return "<div class=\"status\" role=\"status\">" + Html.escape(message) + "</div>\n";
  }
}
