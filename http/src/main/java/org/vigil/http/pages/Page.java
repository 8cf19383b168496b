package org.vigil.http.pages;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.vigil.http.Html;
import org.vigil.notice.Language;

/**
 * The skeleton of the operator pages and the citizen portal: one accessible layout (a skip link, a
 * language switcher, landmarks), no script, no resource from elsewhere, and the headers every page
 * gets (no caching, a strict content security policy).
 */
public final class Page {
  private Page() {}

  private static final String STYLE =
      """
      *{box-sizing:border-box}
      body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2730;background:#fff}
      .skip,.vh{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem}
      header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;
      padding:.6rem 1.5rem;border-bottom:1px solid #d5dde4;background:#f3f5f7}
      header .brand{font-weight:700;font-size:1.15rem;color:#1d2730;text-decoration:none}
      nav ul,.langs{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
      main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
      h1{font-size:1.6rem;margin:.6rem 0 1rem}h2{font-size:1.25rem;margin-top:1.8rem}
      a{color:#0b5cad}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f5a623;outline-offset:1px}
      table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
      caption{text-align:left;color:#4a5a68;padding:.3rem 0}
      th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e3e8ec;vertical-align:top}
      dl.facts{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.3rem 1rem}
      dl.facts dt{font-weight:600}dl.facts dd{margin:0}
      label{display:block;margin:.6rem 0 .2rem;font-weight:600}
      input,select,textarea,button{font:inherit;padding:.45rem .6rem}
      input[type=text],select,textarea{width:100%;max-width:36rem;border:1px solid #8796a3;border-radius:3px}
      textarea{min-height:7rem}
      button{background:#0b5cad;color:#fff;border:0;border-radius:3px;cursor:pointer;margin-top:.6rem}
      button.secondary{background:#4a5a68}button.danger{background:#a02020}
      .alert{border-left:5px solid #a02020;background:#fbeaea;padding:.6rem 1rem;margin:1rem 0}
      .status{border-left:5px solid #1e7b34;background:#e9f6ec;padding:.6rem 1rem;margin:1rem 0}
      .flag{font-weight:700;color:#8a4b00}
      .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1.5rem}
      .evidence img{max-width:100%;height:auto;border:1px solid #d5dde4}
      fieldset{border:1px solid #d5dde4;margin:1rem 0;padding:.6rem 1rem}
      .pre{white-space:pre-wrap}.note{color:#4a5a68}.inline{display:inline}
      """;

  /**
   * A whole page.
   *
   * @param req the request, for the language switcher's links (same path, other language)
   * @param language the page's language
   * @param title the page's title, not yet escaped
   * @param brand the name at the top, not yet escaped
   * @param home where the name links to
   * @param nav the navigation's HTML (already escaped), or empty
   * @param main the main content's HTML (already escaped)
   * @param skip the skip link's text, not yet escaped
   */
  public static String html(
      ServerRequest req,
      Language language,
      String title,
      String brand,
      String home,
      String nav,
      String main,
      String skip) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html>\n<html lang=\"")
        .append(language.tag())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append(" — ")
        .append(Html.escape(brand))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
        .append(Html.escape(skip))
        .append("</a>\n<header>\n<a class=\"brand\" href=\"")
        .append(Html.escape(home))
        .append("\">")
        .append(Html.escape(brand))
        .append("</a>\n")
        .append(nav)
        .append("<ul class=\"langs\" aria-label=\"Language / Тіл / Язык\">");
    for (Language l : Language.values()) {
      h.append("<li>");
      if (l == language) {
        h.append("<strong aria-current=\"true\" lang=\"")
            .append(l.tag())
            .append("\">")
            .append(name(l))
            .append("</strong>");
      } else {
        h.append("<a lang=\"")
            .append(l.tag())
            .append("\" hreflang=\"")
            .append(l.tag())
            .append("\" href=\"")
            .append(Html.escape(switchTo(req, l)))
            .append("\">")
            .append(name(l))
            .append("</a>");
      }
      h.append("</li>");
    }
    h.append("</ul>\n</header>\n<main id=\"main\">\n")
        .append(main)
        .append("\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The language's own name for itself. */
  public static String name(Language l) {
    return switch (l) {
      case KK -> "Қазақша";
      case RU -> "Русский";
      case EN -> "English";
    };
  }

  /** This page's path with {@code lang} set to {@code l} and its other parameters kept. */
  static String switchTo(ServerRequest req, Language l) {
    StringBuilder q = new StringBuilder();
    for (String name : req.query().names()) {
      if (name.equals("lang") || name.equals("done")) {
        continue;
      }
      for (String v : req.query().all(name)) {
        q.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return req.path().path() + "?" + q + "lang=" + l.tag();
  }

  /** Sends {@code html} with {@code status} and the headers of every page. */
  public static void send(ServerResponse res, Status status, String html) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
    res.header(
        HeaderNames.create("Content-Security-Policy"),
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'");
    res.send(html);
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

  /** An alert box: {@code message} (not yet escaped) announced to screen readers. */
  public static String alert(String message) {
    return "<div class=\"alert\" role=\"alert\">" + Html.escape(message) + "</div>\n";
  }

  /** A status box: {@code message} (not yet escaped), announced politely. */
  public static String status(String message) {
    return "<div class=\"status\" role=\"status\">" + Html.escape(message) + "</div>\n";
  }
}
