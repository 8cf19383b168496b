package org.vigil.http.web;

import static org.vigil.http.Html.escape;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.notice.Language;

/**
 * The one page skeleton of Vigil's server-rendered pages, for staff and for the citizen portal: an
 * HTML5 document with {@code <html lang>}, a {@code <title>}, a skip link, a header with the
 * product's name, the language switcher (links with {@code hreflang}) and, for staff, who is signed
 * in with a sign-out button; then the page's own content in the {@code <main>} landmark. It needs
 * no script and loads nothing from elsewhere; its small inline stylesheet fits a 1366×768 laptop
 * and a phone, and shows where the keyboard focus is.
 *
 * <pre>{@code
 * Layout page = Layout.of(req, res, languages);           // chooses the language
 * Messages t = page.messages();
 * page.title(t.get("signin.title"))
 *     .main("<h1>" + Html.escape(t.get("signin.heading")) + "</h1>" + Layout.alert(error) + form)
 *     .send(res, Status.OK_200);
 * }</pre>
 *
 * <p>What a caller passes to {@link #title} and the helpers ({@link #field}, {@link #hidden},
 * {@link #alert}, {@link #button}) is text and is escaped here; what it passes to {@link #main} is
 * HTML it has built, escaping every value with {@link org.vigil.http.Html#escape}.
 */
public final class Layout {
  /** The header's heading and home link: the staff side, or the citizen portal. */
  public enum Audience {
    STAFF("/", "layout.product"),
    PORTAL("/portal", "layout.portal");

    private final String home;
    private final String nameKey;

    Audience(String home, String nameKey) {
      this.home = home;
      this.nameKey = nameKey;
    }
  }

  /** The security headers of every page: nothing from elsewhere, no script, no framing. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private static final String STYLE =
      """
      *,*::before,*::after{box-sizing:border-box}
      html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;\
      color:#1d2730;background:#fff}
      body{margin:0}
      .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:1}
      .skip:focus{left:.5rem;top:.5rem}
      header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;\
      justify-content:space-between;padding:.6rem 1rem;background:#12324f;color:#fff}
      header a,header button.link{color:#fff}
      header .product{font-weight:700;font-size:1.15rem;text-decoration:none}
      header nav ul{display:flex;gap:.9rem;list-style:none;margin:0;padding:0}
      header nav a[aria-current]{font-weight:700;text-decoration:none}
      header .who{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:0}
      header form{margin:0}
      main{max-width:60rem;margin:0 auto;padding:1rem 1rem 3rem}
      main.narrow{max-width:26rem}
      h1{font-size:1.6rem;line-height:1.25;margin:1rem 0}
      a{color:#0b5cad}
      label{display:block;font-weight:600;margin:.9rem 0 .25rem}
      input,select,textarea,button{font:inherit}
      input,select,textarea{display:block;width:100%;padding:.55rem .6rem;border:1px solid #5c6b78;\
      border-radius:4px;background:#fff;color:inherit}
      button{margin-top:1.2rem;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b5cad;\
      color:#fff;cursor:pointer}
      header button{margin:0;padding:.3rem .8rem;background:#fff;color:#12324f}
      .error{border-left:4px solid #b00020;background:#fdecee;color:#7a0016;padding:.6rem .8rem}
      .note{color:#4a5a68}
      table{border-collapse:collapse;width:100%}
      th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d5dde4}
      :focus-visible{outline:3px solid #f0b400;outline-offset:2px}
      @media (max-width:40rem){header{padding:.5rem .75rem}main{padding:.75rem .75rem 2rem}\
      h1{font-size:1.35rem}}
      """;

  private final Messages messages;
  private final String path;
  private List<Map.Entry<String, String>> query;
  private Audience audience = Audience.STAFF;
  private String title = "";
  private String main = "";
  private String mainClass = "";
  private String user;
  private String role;
  private String csrf;

  private Layout(Language language, String path, List<Map.Entry<String, String>> query) {
    this.messages = Messages.of(language);
    this.path = path;
    this.query = List.copyOf(query);
  }

  /**
   * The layout of the page answering {@code req}, in the language {@code languages} chooses for it
   * (which may set the language cookie on {@code res}).
   */
  public static Layout of(ServerRequest req, ServerResponse res, LanguageChoice languages) {
    Language language = languages.choose(req, res);
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (String name : req.query().names()) {
      for (String value : req.query().all(name)) {
        query.add(Map.entry(name, value));
      }
    }
    return new Layout(language, req.path().rawPath(), query);
  }

  /**
   * The layout of a page in {@code language} at {@code path} with {@code query} (decoded names and
   * values), whose language links keep the query and replace its {@code lang}.
   */
  public static Layout of(Language language, String path, List<Map.Entry<String, String>> query) {
    return new Layout(language, path, query);
  }

  /** The texts in the page's language. */
  public Messages messages() {
    return messages;
  }

  /** The page's language. */
  public Language language() {
    return messages.language();
  }

  /** Staff (the default) or the citizen portal. */
  public Layout audience(Audience audience) {
    this.audience = audience;
    return this;
  }

  /** The page's title (plain text), shown in the tab before the product's name. */
  public Layout title(String title) {
    this.title = title;
    return this;
  }

  /**
   * The signed-in staff member shown in the header; {@code csrf}, the session's CSRF token, adds
   * the sign-out button (null for HTTP Basic, which has no session to end).
   */
  public Layout signedIn(String user, String role, String csrf) {
    this.user = user;
    this.role = role;
    this.csrf = csrf;
    return this;
  }

  /** The page's own content (HTML, its values already escaped). */
  public Layout main(String html) {
    this.main = html;
    return this;
  }

  /**
   * The query that the language links keep instead of the request's (decoded names and values): a
   * page whose query carries something it has checked, such as the sign-in's {@code next}, passes
   * the checked value, so that the links never echo what the request held.
   */
  public Layout linksKeep(List<Map.Entry<String, String>> query) {
    this.query = List.copyOf(query);
    return this;
  }

  /** A narrow column for a short form such as the sign-in. */
  public Layout narrow() {
    this.mainClass = "narrow";
    return this;
  }

  /** The whole document. */
  public String render() {
    String product = messages.get(audience.nameKey);
    StringBuilder h = new StringBuilder(4096 + main.length());
    h.append("<!doctype html>\n<html lang=\"")
        .append(language().tag())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title.isEmpty() ? product : title + " — " + product))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
        .append(escape(messages.get("layout.skip")))
        .append("</a>\n<header>\n<a class=\"product\" href=\"")
        .append(audience.home)
        .append("\">")
        .append(escape(product))
        .append("</a>\n<nav aria-label=\"")
        .append(escape(messages.get("layout.languages")))
        .append("\"><ul>");
    for (Language l : Language.values()) {
      h.append("<li><a href=\"")
          .append(escape(link(l)))
          .append("\" hreflang=\"")
          .append(l.tag())
          .append("\" lang=\"")
          .append(l.tag())
          .append('"')
          .append(l == language() ? " aria-current=\"true\"" : "")
          .append('>')
          .append(endonym(l))
          .append("</a></li>");
    }
    h.append("</ul></nav>\n");
    if (user != null) {
      h.append("<div class=\"who\"><span>")
          .append(escape(messages.format("layout.signedInAs", "user", user, "role", role)))
          .append("</span>");
      if (csrf != null) {
        h.append("<form method=\"post\" action=\"/logout\">")
            .append(hidden("csrf", csrf))
            .append("<button type=\"submit\">")
            .append(escape(messages.get("layout.signOut")))
            .append("</button></form>");
      }
      h.append("</div>\n");
    }
    h.append("</header>\n<main id=\"main\" tabindex=\"-1\"")
        .append(mainClass.isEmpty() ? "" : " class=\"" + mainClass + "\"")
        .append(">\n")
        .append(main)
        .append("\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * Sends the page with {@code status}: HTML in UTF-8, never cached (pages may show personal data
   * or a form's one-time token), and the {@link #CONTENT_SECURITY_POLICY}.
   */
  public void send(ServerResponse res, Status status) {
    send(res, status, render());
  }

  /** Sends {@code html} as {@link #send(ServerResponse, Status)} does. */
  public static void send(ServerResponse res, Status status, String html) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
    res.send(html);
  }

  /** This page's address in {@code language}: the same path and query, with {@code lang} set. */
  public String link(Language language) {
    StringBuilder q = new StringBuilder(path).append('?');
    for (Map.Entry<String, String> e : query) {
      if (!e.getKey().equals(LanguageChoice.PARAM)) {
        q.append(encode(e.getKey())).append('=').append(encode(e.getValue())).append('&');
      }
    }
    return q.append(LanguageChoice.PARAM).append('=').append(language.tag()).toString();
  }

  /**
   * A labelled input: {@code <label for>} and its {@code <input>} with the id {@code "f-" + name}.
   *
   * @param type the input's type ({@code text}, {@code password}, ...)
   * @param autocomplete the autocomplete token ({@code username}, {@code off}, ...)
   * @param value the value shown in it, or null for none
   * @param autofocus whether the field takes the focus when the page opens
   */
  public static String field(
      String name,
      String label,
      String type,
      String autocomplete,
      String value,
      boolean autofocus) {
    String id = "f-" + name;
    return "<label for=\""
        + escape(id)
        + "\">"
        + escape(label)
        + "</label>\n<input id=\""
        + escape(id)
        + "\" name=\""
        + escape(name)
        + "\" type=\""
        + escape(type)
        + "\" autocomplete=\""
        + escape(autocomplete)
        + "\""
        + (value == null ? "" : " value=\"" + escape(value) + "\"")
        + " required"
        + (autofocus ? " autofocus" : "")
        + ">\n";
  }

  /** A hidden form field. */
  public static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
  }

  /** A submit button reading {@code text}. */
  public static String button(String text) {
    return "<button type=\"submit\">" + escape(text) + "</button>\n";
  }

  /**
   * An error announced to screen readers as soon as the page shows it ({@code role="alert"}); the
   * empty string for an empty message.
   */
  public static String alert(String message) {
    return message == null || message.isEmpty()
        ? ""
        : "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>\n";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Each language's own name for itself, the same on every page. */
  private static String endonym(Language l) {
    return switch (l) {
      case KK -> "Қазақша";
      case RU -> "Русский";
      case EN -> "English";
    };
  }
}
