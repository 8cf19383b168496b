package org.vigil.http.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived access a browser gets after opening a case with its notice number and plate: a
 * token {@code <notice, base64url>.<expiry, epoch seconds>.<HMAC-SHA256, base64url>} kept in an
 * HttpOnly, SameSite=Strict cookie scoped to {@code /portal}. It holds no plate and needs no
 * storage; a new key (a restart without a configured one) ends every access.
 */
public final class PortalAccess {
  /** How long an access lasts. */
  public static final Duration LIFETIME = Duration.ofMinutes(20);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Clock clock;

  /**
   * @param key at least 32 secret bytes
   */
  public PortalAccess(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "the portal's key must have at least 32 bytes, had " + key.length);
    }
    this.key = key.clone();
    this.clock = clock;
  }

  /** A token for {@code noticeNumber}, valid for {@link #LIFETIME}. */
  public String issue(String noticeNumber) {
    String body =
        B64.encodeToString(noticeNumber.getBytes(StandardCharsets.UTF_8))
            + "."
            + clock.instant().plus(LIFETIME).getEpochSecond();
    return body + "." + B64.encodeToString(mac("access:" + body));
  }

  /** The notice number of a valid, unexpired token; empty for anything else. */
  public Optional<String> verify(String token) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    if (last < 0) {
      return Optional.empty();
    }
    String body = token.substring(0, last);
    byte[] given;
    try {
      given = B64D.decode(token.substring(last + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(given, mac("access:" + body))) {
      return Optional.empty();
    }
    int dot = body.indexOf('.');
    try {
      long expiry = Long.parseLong(body.substring(dot + 1));
      if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
        return Optional.empty();
      }
      return Optional.of(new String(B64D.decode(body.substring(0, dot)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The CSRF value the forms of the access {@code token} carry. */
  public String csrf(String token) {
    return B64.encodeToString(mac("csrf:" + token));
  }

  /** Whether {@code given} is the CSRF value of {@code token}; constant time. */
  public boolean csrfMatches(String token, String given) {
    return given != null
        && MessageDigest.isEqual(
            csrf(token).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
