package org.vigil.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.vigil.enforcement.Violation;

/**
 * What the citizen portal shows of a case opened with its notice number and plate: the evidence,
 * the amounts and deadlines, the appeals with their decisions. No keeper data, no other case.
 *
 * @param notice the notice number
 * @param c the case
 * @param violation the evidence
 * @param place where, in words
 * @param discountLastDay the last day of the discount, or null
 * @param payBy the last day to pay the full amount
 * @param balanceDue what is owed today (0 when nothing)
 * @param appeals the appeals filed, oldest first
 */
public record PortalView(
    NoticeNumber notice,
    Case c,
    Violation violation,
    String place,
    LocalDate discountLastDay,
    LocalDate payBy,
    BigDecimal balanceDue,
    List<Appeal> appeals) {
  public PortalView {
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(violation, "violation");
    appeals = List.copyOf(appeals);
  }

  @Override
  public String toString() {
    return "PortalView[" + notice + "]";
  }
}
