package org.vigil.http.auth;

import java.util.Locale;

/**
 * What a signed-in user may do. Each role includes nothing of the others implicitly. The routes
 * name the roles that may call them; docs/access.md has the whole matrix.
 */
public enum Role {
  OPERATOR,
  SUPERVISOR,
  AUDITOR,
  ADMINISTRATOR;

  /**
   * Whether personal data (violations, manual reads; later cases and keepers) is this role's
   * routine work. A role that may reach it without this needs break-glass: a stated reason on each
   * request, recorded for auditors (see {@link BreakGlass}).
   */
  public boolean seesPersonalDataRoutinely() {
    return this == OPERATOR || this == SUPERVISOR;
  }

  /**
   * Reads a role name, ignoring case.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Role parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown role '" + name + "', expected OPERATOR, SUPERVISOR, AUDITOR or ADMINISTRATOR");
    }
  }
}
