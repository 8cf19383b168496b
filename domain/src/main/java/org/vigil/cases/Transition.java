package org.vigil.cases;

import java.util.Objects;

/** What a transition of a {@link Case} gives: accepted, or refused with a readable reason. */
public sealed interface Transition {
  /**
   * The transition took place.
   *
   * @param next the case after it
   * @param event who did what, when and why
   */
  record Accepted(Case next, CaseEvent event) implements Transition {
    public Accepted {
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * The transition is not allowed.
   *
   * @param reason in words, naming the case and its state, e.g. {@code case 1f… is PAID; a review
   *     needs IN_REVIEW or SECOND_REVIEW}; never personal data
   */
  record Refused(String reason) implements Transition {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Whether it was accepted. */
  default boolean accepted() {
    return this instanceof Accepted;
  }
}
