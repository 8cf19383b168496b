package org.vigil.transparency;

/**
 * The rule that keeps small counts out of the published report: a count from 1 to {@link
 * #THRESHOLD} − 1 is published as suppressed ("fewer than 5", no number); 0 and counts of {@link
 * #THRESHOLD} or more are published as they are.
 *
 * <p>Why: a count of 1 to 4 in a narrow cell (one camera, one type, one month) can point at a
 * person — a neighbour who knows who drove past that camera that month learns that they were fined.
 * Zero is published because it points at nobody, and because "no break-glass event" or "no purge"
 * is exactly what the public needs to be able to see.
 *
 * <p>Totals: every total the report publishes (per month, per dataset) is the sum of the
 * <em>published</em> cells only, so it never carries a suppressed value that a reader could recover
 * by subtracting the published cells from it; and each underlying set of events is published as one
 * table only (violations by type and place together, not as separate marginals whose differences
 * would reveal suppressed cells). A sum of published cells is 0 or at least {@link #THRESHOLD}, so
 * totals need no suppression of their own.
 */
public final class SmallCountSuppression {
  /** The smallest count published as a number, besides 0. */
  public static final int THRESHOLD = 5;

  private SmallCountSuppression() {}

  /** Whether {@code count} is published as suppressed. */
  public static boolean suppresses(long count) {
    return count > 0 && count < THRESHOLD;
  }

  /** The published count: {@code count} itself, or null when it is suppressed. */
  public static Long publish(long count) {
    return suppresses(count) ? null : count;
  }

  /** The rule in one sentence, for the page and the JSON. */
  public static String description() {
    return "Counts from 1 to "
        + (THRESHOLD - 1)
        + " are not published (shown as suppressed, '<"
        + THRESHOLD
        + "' in CSV); 0 is published as 0. Totals are sums of the published counts only.";
  }
}
