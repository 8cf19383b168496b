package org.vigil.http.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.http.BadRequestException;
import org.vigil.notice.Language;

/**
 * Which language a page is shown in, in this order:
 *
 * <ol>
 *   <li>the query parameter {@code ?lang=kk|ru|en}, which also sets the {@value #COOKIE} cookie for
 *       the pages that follow (any other value is a 400 naming it);
 *   <li>the {@value #COOKIE} cookie (an unusable value is ignored);
 *   <li>the browser's {@code Accept-Language}: the first of Kazakh, Russian and English it accepts,
 *       by its weights ({@code ru-KZ} is Russian; a malformed header is ignored);
 *   <li>the installation's default ({@code VIGIL_LANGUAGE}, Russian unless configured).
 * </ol>
 *
 * <p>The cookie holds only the language: it is {@code SameSite=Lax} (a link from elsewhere keeps
 * the visitor's choice), {@code HttpOnly}, {@code Secure} over HTTPS, and lasts a year.
 */
public final class LanguageChoice {
  /** The cookie that remembers a chosen language. */
  public static final String COOKIE = "vigil_lang";

  /** The query parameter that chooses one. */
  public static final String PARAM = "lang";

  private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

  private final Language fallback;

  /** Choices that fall back to {@code fallback} when the request names no language. */
  public LanguageChoice(Language fallback) {
    this.fallback = fallback;
  }

  /** The installation's default language. */
  public Language fallback() {
    return fallback;
  }

  /**
   * The language of the page answering {@code req}; when the query chose it, {@code res} gets the
   * cookie that remembers it.
   *
   * @throws BadRequestException when {@code ?lang=} is none of kk, ru, en
   */
  public Language choose(ServerRequest req, ServerResponse res) {
    String param = req.query().contains(PARAM) ? req.query().get(PARAM) : null;
    String cookie =
        req.headers().cookies().contains(COOKIE) ? req.headers().cookies().get(COOKIE) : null;
    String accept = req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null);
    Language chosen = choose(param, cookie, accept, fallback);
    if (param != null) {
      res.headers()
          .addCookie(
              SetCookie.builder(COOKIE, chosen.tag())
                  .path("/")
                  .httpOnly(true)
                  .sameSite(SetCookie.SameSite.LAX)
                  .secure(WebForms.overHttps(req))
                  .maxAge(COOKIE_LIFETIME)
                  .build());
    }
    return chosen;
  }

  /**
   * The choice itself, without a request: {@code param} ({@code ?lang=}), {@code cookie} and {@code
   * acceptLanguage} may each be null.
   *
   * @throws BadRequestException when {@code param} is given and is none of kk, ru, en
   */
  public static Language choose(
      String param, String cookie, String acceptLanguage, Language fallback) {
    if (param != null) {
      return exactly(param)
          .orElseThrow(
              () ->
                  new BadRequestException(
                      PARAM + " must be kk, ru or en, was '" + printable(param) + "'"));
    }
    Optional<Language> remembered = cookie == null ? Optional.empty() : exactly(cookie);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    return fromAcceptLanguage(acceptLanguage).orElse(fallback);
  }

  /**
   * The first of the three languages that an {@code Accept-Language} header accepts, by weight;
   * empty when it accepts none of them, is absent or is malformed.
   */
  public static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (Locale.LanguageRange r : ranges) {
      if (r.getWeight() <= 0) {
        continue;
      }
      try {
        return Optional.of(Language.ofTag(r.getRange()));
      } catch (IllegalArgumentException notOurs) {
        // a language Vigil does not speak, or "*": look at the next
      }
    }
    return Optional.empty();
  }

  private static Optional<Language> exactly(String tag) {
    String t = tag.strip().toLowerCase(Locale.ROOT);
    for (Language l : Language.values()) {
      if (l.tag().equals(t)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private static String printable(String s) {
    String cut = s.length() > 20 ? s.substring(0, 20) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
