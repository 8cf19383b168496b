package org.vigil.cases;

import java.util.Objects;

/**
 * Who decides a review or an appeal.
 *
 * @param pseudonym {@code account:<keyed hash>}, never the user name
 * @param supervisor whether they hold the supervisor role, which a second review needs
 */
public record Reviewer(String pseudonym, boolean supervisor) {
  public Reviewer {
    Objects.requireNonNull(pseudonym, "pseudonym");
    if (!pseudonym.matches("[a-z]+:[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("reviewer '" + pseudonym + "' is not account:<pseudonym>");
    }
  }
}
