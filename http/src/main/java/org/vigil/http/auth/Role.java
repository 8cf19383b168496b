package org.vigil.http.auth;

import java.util.Locale;

/** What a signed-in user may do. Each role includes nothing of the others implicitly. */
public enum Role {
  OPERATOR,
  SUPERVISOR,
  AUDITOR,
  ADMINISTRATOR;

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
