package org.vigil.connectors.registry;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a national registry over HTTP (see {@code docs/registry.md}).
 *
 * @param baseUrl the registry's base URL, {@code https://…}, or {@code http://…} to a loopback
 *     address only (a test double or a local gateway); no user info, query or fragment. Lookups go
 *     to {@code {baseUrl}/v1/keeper-lookups}.
 * @param token the bearer token the registry issued to this installation; a secret: {@link
 *     #toString()} and every message leave it out
 * @param timeout how long one lookup may take in all (connect, request and answer), PT0.1S to PT2M
 */
public record RegistrySettings(URI baseUrl, String token, Duration timeout) {

  public static final String URL_VARIABLE = "VIGIL_REGISTRY_URL";
  public static final String TOKEN_VARIABLE = "VIGIL_REGISTRY_TOKEN";
  public static final String TIMEOUT_VARIABLE = "VIGIL_REGISTRY_TIMEOUT";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

  public RegistrySettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          URL_VARIABLE
              + " must be an absolute http(s) URL such as https://registry.example/, was '"
              + baseUrl
              + "'");
    }
    if (baseUrl.getRawUserInfo() != null) {
      // The user info may hold a password: do not repeat the URL.
      throw new IllegalArgumentException(
          URL_VARIABLE + " must not hold user info; give the token in " + TOKEN_VARIABLE);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          URL_VARIABLE + " must have no query or fragment, was '" + baseUrl + "'");
    }
    if (scheme.equals("http")) {
      if (!isLoopback(baseUrl.getHost())) {
        throw new IllegalArgumentException(
            URL_VARIABLE
                + " must use https (plain http only to a loopback address), was '"
                + baseUrl
                + "'");
      }
    } else if (!scheme.equals("https")) {
      throw new IllegalArgumentException(
          URL_VARIABLE + " must be an http(s) URL, was '" + baseUrl + "'");
    }
    if (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE + " must be a non-empty token of printable ASCII without spaces");
    }
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          TIMEOUT_VARIABLE + " must be between PT0.1S and PT2M, was " + timeout);
    }
  }

  /**
   * The settings the environment describes, or empty when {@code VIGIL_REGISTRY_URL} is unset or
   * blank (then no national registry is configured).
   *
   * @throws IllegalArgumentException naming the bad variable, and its value unless it is the token
   */
  public static Optional<RegistrySettings> fromEnv(Map<String, String> env) {
    String url = blankToNull(env.get(URL_VARIABLE));
    if (url == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          URL_VARIABLE + " must be an absolute http(s) URL, was '" + url + "'");
    }
    String token = blankToNull(env.get(TOKEN_VARIABLE));
    if (token == null) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE + " must be set when " + URL_VARIABLE + " is set");
    }
    String timeoutText = blankToNull(env.get(TIMEOUT_VARIABLE));
    Duration timeout = DEFAULT_TIMEOUT;
    if (timeoutText != null) {
      try {
        timeout = Duration.parse(timeoutText.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            TIMEOUT_VARIABLE
                + " must be an ISO-8601 duration such as PT5S, was '"
                + timeoutText
                + "'");
      }
    }
    return Optional.of(new RegistrySettings(uri, token.strip(), timeout));
  }

  /** {@code {baseUrl}/v1/keeper-lookups}. */
  public URI lookupsUri() {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/v1/keeper-lookups");
  }

  private static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name other than localhost: do not resolve it here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "RegistrySettings[" + baseUrl + ", token ****, timeout " + timeout + "]";
  }
}
