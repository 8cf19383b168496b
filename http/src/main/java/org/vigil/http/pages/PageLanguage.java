package org.vigil.http.pages;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.vigil.http.auth.WebForms;
import org.vigil.notice.Language;

/**
 * Which language a page is shown in: {@code ?lang=kk|ru|en} (which is then remembered in the
 * {@value #COOKIE} cookie), else that cookie, else the first of kk, ru, en named in {@code
 * Accept-Language}, else {@link #DEFAULT}. An unknown {@code lang} is ignored rather than refused:
 * a page in a default language is more useful than an error.
 */
public final class PageLanguage {
  /** The cookie that remembers the chosen language. */
  public static final String COOKIE = "vigil_lang";

  /** The language when nothing names one: Kazakh, the state language. */
  public static final Language DEFAULT = Language.KK;

  private static final Duration REMEMBERED = Duration.ofDays(365);

  private PageLanguage() {}

  /** The language of this request; sets the cookie on {@code res} when {@code ?lang=} chose it. */
  public static Language of(ServerRequest req, ServerResponse res) {
    if (req.query().contains("lang")) {
      Optional<Language> chosen = parse(req.query().get("lang"));
      if (chosen.isPresent()) {
        res.headers().addCookie(WebForms.cookie(req, COOKIE, chosen.get().tag(), "/", REMEMBERED));
        return chosen.get();
      }
    }
    if (req.headers().cookies().contains(COOKIE)) {
      Optional<Language> remembered = parse(req.headers().cookies().get(COOKIE));
      if (remembered.isPresent()) {
        return remembered.get();
      }
    }
    return req.headers()
        .first(HeaderNames.ACCEPT_LANGUAGE)
        .flatMap(PageLanguage::fromAcceptLanguage)
        .orElse(DEFAULT);
  }

  /** The first of kk, ru, en in an {@code Accept-Language} value, by the order given. */
  static Optional<Language> fromAcceptLanguage(String header) {
    for (String part : header.split(",")) {
      String tag = part.split(";", 2)[0].trim();
      Optional<Language> l = parse(tag);
      if (l.isPresent()) {
        return l;
      }
    }
    return Optional.empty();
  }

  private static Optional<Language> parse(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) {
      return Optional.empty();
    }
    try {
      return Optional.of(Language.ofTag(tag.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
