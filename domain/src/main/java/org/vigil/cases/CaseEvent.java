package org.vigil.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One transition of a case, as its history keeps it.
 *
 * @param caseId the case
 * @param from the state before
 * @param to the state after (the same for a partial payment or a refund recorded)
 * @param action what happened, lower case and dotted, e.g. {@code review.confirm}
 * @param actor who: {@code account:<pseudonym>} or {@code system:<job>}
 * @param at when
 * @param reason why, in words; never personal data; "" when there is nothing to add
 * @param code a code for counting, e.g. the rejection reason {@code PLATE_UNREADABLE}; or null
 */
public record CaseEvent(
    UUID caseId,
    CaseState from,
    CaseState to,
    String action,
    String actor,
    Instant at,
    String reason,
    String code) {
  public CaseEvent {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    if (!action.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
      throw new IllegalArgumentException("action '" + action + "' is not lower-case dotted words");
    }
    if (!actor.matches("[a-z]+:[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("actor '" + actor + "' is not account:<pseudonym>");
    }
  }
}
