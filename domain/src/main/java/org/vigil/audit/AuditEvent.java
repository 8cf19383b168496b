package org.vigil.audit;

import java.util.regex.Pattern;

/**
 * Something to be audited, before the log gives it an index and a time.
 *
 * <p>Every field is a pseudonymous reference or a code, never a plate, a name or an address:
 * callers pass {@code violation:<uuid>}, {@code camera:B-003}, {@code account:<keyed hash>}. The
 * syntax below refuses spaces in references, so a plate such as {@code "B AB 1234"} cannot be
 * passed as one by mistake; the purpose is free text and its caller's responsibility.
 *
 * @param kind what sort of event
 * @param actor who did it: {@code account:} followed by a pseudonym of the account
 * @param role the actor's role, e.g. {@code ADMINISTRATOR}
 * @param action what was done, lower case and dotted, e.g. {@code camera.put}
 * @param subject what it was done to: {@code type:reference}, e.g. {@code camera:B-003}
 * @param purpose why or how much, at most 200 printable characters, e.g. {@code 25 violations}
 */
public record AuditEvent(
    AuditKind kind, String actor, String role, String action, String subject, String purpose) {
  private static final Pattern ACTOR = Pattern.compile("[a-z]+:[A-Za-z0-9_-]{1,64}");
  private static final Pattern ROLE = Pattern.compile("[A-Z_]{1,32}");
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
  private static final Pattern SUBJECT = Pattern.compile("[a-z][a-z-]*:[A-Za-z0-9._:/*-]{1,100}");
  private static final Pattern PURPOSE = Pattern.compile("[\\p{Print}&&[^\\p{Cntrl}]]{0,200}");

  public AuditEvent {
    if (kind == null) {
      throw new IllegalArgumentException("an audit event needs a kind");
    }
    check("actor", actor, ACTOR, "account:<pseudonym>");
    check("role", role, ROLE, "an upper-case role name");
    check("action", action, ACTION, "lower-case dotted words such as camera.put");
    check("subject", subject, SUBJECT, "type:reference such as camera:B-003");
    check("purpose", purpose, PURPOSE, "at most 200 printable characters");
  }

  private static void check(String field, String value, Pattern p, String expected) {
    if (value == null || !p.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " '" + value + "' is not " + expected + " (audit entries hold references only)");
    }
  }
}
