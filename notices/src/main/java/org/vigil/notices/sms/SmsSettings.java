package org.vigil.notices.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the text-message gateway. The token never appears in {@link #toString()} or in an
 * error message.
 *
 * @param url where to POST each message; http or https
 * @param token the bearer token the gateway expects; not blank
 * @param connectTimeout how long to wait for the connection
 * @param requestTimeout how long to wait for the gateway's answer
 */
public record SmsSettings(URI url, String token, Duration connectTimeout, Duration requestTimeout) {
  public static final String URL = "VIGIL_SMS_URL", TOKEN = "VIGIL_SMS_TOKEN";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  public SmsSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (!isHttp(url)) {
      throw new IllegalArgumentException(
          "the SMS gateway must be an http(s) URL, was '" + url + "'");
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException("the SMS gateway token must not be blank");
    }
    if (!connectTimeout.isPositive() || !requestTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "SMS timeouts must be positive, were " + connectTimeout + " and " + requestTimeout);
    }
  }

  /**
   * The settings from {@value #URL} and {@value #TOKEN} (both required), with the default timeouts
   * (5 s to connect, 15 s for the answer).
   *
   * @throws IllegalArgumentException naming the variable and, except for the token, its bad value
   */
  public static SmsSettings fromEnv(Map<String, String> env) {
    String url = env.get(URL);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(URL + " must be set");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !isHttp(uri)) {
      throw new IllegalArgumentException(URL + " must be an http(s) URL, was '" + url + "'");
    }
    String token = env.get(TOKEN);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(TOKEN + " must be set");
    }
    return new SmsSettings(uri, token.strip(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return uri.isAbsolute()
        && (scheme.equals("http") || scheme.equals("https"))
        && uri.getHost() != null;
  }

  @Override
  public String toString() {
    return "SmsSettings[" + url + "]";
  }
}
