package org.vigil.http.audit;

import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.Hash;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.BreakGlass;
import org.vigil.http.auth.Guard;

/**
 * Records what a signed-in user did on the audit trail, under a pseudonym of the account: {@code
 * account:} followed by the first 20 hex digits of HMAC-SHA256(installation key, user name). The
 * same account always gets the same pseudonym, and nobody without the key can tell whose it is.
 * Handlers record before they send a response, so a view that cannot be logged is not shown.
 *
 * <p>When the request is break-glass access (see {@link Guard}), every record is preceded by a
 * {@code BREAK_GLASS} entry with the same action and subject and the stated reason as its purpose,
 * so auditors find each such access, and what it reached, by its kind.
 */
public final class AuditRecorder {
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
  private final AuditTrail trail;
  private final SecretKeySpec pseudonymKey;

  /**
   * @param pseudonymKey the installation's secret for pseudonyms, at least 32 bytes
   */
  public AuditRecorder(AuditTrail trail, byte[] pseudonymKey) {
    if (pseudonymKey == null || pseudonymKey.length < 32) {
      throw new IllegalArgumentException("the pseudonym key needs at least 32 bytes");
    }
    this.trail = trail;
    this.pseudonymKey = new SecretKeySpec(pseudonymKey, "HmacSHA256");
  }

  /** The pseudonym of the account {@code username}. */
  public String pseudonym(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pseudonymKey);
      byte[] h = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      return "account:" + HexFormat.of().formatHex(h, 0, 10);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /**
   * A reference {@code type:id} to an object with a configuration id (camera, section); an id
   * outside the plain characters is referred to by a digest instead.
   */
  public static String ref(String type, String id) {
    if (PLAIN_ID.matcher(id).matches()) {
      return type + ":" + id;
    }
    byte[] digest = Hash.sha256(id.getBytes(StandardCharsets.UTF_8)).bytes();
    return type + ":sha256-" + HexFormat.of().formatHex(digest, 0, 8);
  }

  /**
   * Records that the request's user did {@code action} to {@code subject}, after a BREAK_GLASS
   * entry when the request is break-glass access.
   */
  public void record(
      ServerRequest req, AuditKind kind, String action, String subject, String purpose) {
    Accounts.SignedIn user = Guard.user(req);
    String actor = pseudonym(user.username());
    String role = user.role().name();
    Optional<BreakGlass> breakGlass = Guard.breakGlass(req);
    if (breakGlass.isPresent()) {
      trail.record(
          new AuditEvent(
              AuditKind.BREAK_GLASS, actor, role, action, subject, breakGlass.get().reason()));
    }
    trail.record(new AuditEvent(kind, actor, role, action, subject, purpose));
  }
}
