package org.vigil.http.web;

import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small helpers for browser requests: form bodies, cookies, HTTPS detection, redirects. */
public final class WebForms {
  private WebForms() {}

  /**
   * The fields of an {@code application/x-www-form-urlencoded} body; the first of repeated fields.
   *
   * @throws IllegalArgumentException when the body is not valid form encoding
   */
  public static Map<String, String> parse(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  /** Whether the request came over HTTPS, directly or through a proxy that says so. */
  public static boolean overHttps(ServerRequest req) {
    return req.isSecure()
        || req.headers()
            .first(io.helidon.http.HeaderNames.X_FORWARDED_PROTO)
            .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("https"))
            .orElse(false);
  }

  /** A cookie only this site's own pages send, that scripts cannot read. */
  public static SetCookie cookie(
      ServerRequest req, String name, String value, String path, Duration maxAge) {
    return SetCookie.builder(name, value)
        .path(path)
        .httpOnly(true)
        .sameSite(SetCookie.SameSite.STRICT)
        .secure(overHttps(req))
        .maxAge(maxAge)
        .build();
  }

  /**
   * A cookie that deletes {@code name} on {@code path}: expired in 1970 (Helidon writes no {@code
   * Max-Age=0}).
   */
  public static SetCookie expired(ServerRequest req, String name, String path) {
    return SetCookie.builder(name, "")
        .path(path)
        .httpOnly(true)
        .sameSite(SetCookie.SameSite.STRICT)
        .secure(overHttps(req))
        .expires(Instant.EPOCH)
        .build();
  }

  /**
   * {@code next} when it is a path on this site, otherwise {@code "/"}: no scheme, no host, no
   * protocol-relative {@code //host}, no backslash (which browsers treat as a slash), nothing but
   * visible ASCII. This is what keeps {@code /login?next=} from being an open redirect.
   */
  public static String safeNext(String next) {
    if (next == null
        || next.isEmpty()
        || next.length() > 512
        || next.charAt(0) != '/'
        || next.startsWith("//")) {
      return "/";
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\') {
        return "/";
      }
    }
    return next;
  }
}
