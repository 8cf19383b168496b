package org.vigil.tariff;

import java.util.Objects;

/**
 * The time limits around a fine, in calendar days, for the back office.
 *
 * @param noticeWithinDays days from the offence within which the notice must be sent; {@code null}
 *     when the tariff sets none
 * @param payWithinDays days from the notice to pay the fine, 1 or more
 * @param escalationAfterDays days from the notice after which an unpaid fine escalates, at least
 *     {@code payWithinDays}
 * @param escalation what happens then, e.g. {@code enforced collection} or {@code amende
 *     forfaitaire majorée}; not blank
 * @param legal where the figures come from
 */
public record Deadlines(
    Integer noticeWithinDays,
    int payWithinDays,
    int escalationAfterDays,
    String escalation,
    Legal legal) {
  public Deadlines {
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(legal, "legal");
    if (noticeWithinDays != null && noticeWithinDays < 1) {
      throw new IllegalArgumentException(
          "the notice deadline must be 1 day or more, was " + noticeWithinDays);
    }
    if (payWithinDays < 1) {
      throw new IllegalArgumentException(
          "the payment deadline must be 1 day or more, was " + payWithinDays);
    }
    if (escalationAfterDays < payWithinDays) {
      throw new IllegalArgumentException(
          "escalation must come at or after the payment deadline ("
              + payWithinDays
              + " days), was "
              + escalationAfterDays);
    }
    if (escalation.isBlank()) {
      throw new IllegalArgumentException("escalation must say what happens");
    }
  }
}
