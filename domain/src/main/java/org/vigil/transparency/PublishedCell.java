package org.vigil.transparency;

import java.time.YearMonth;
import java.util.List;

/**
 * One cell as it is published.
 *
 * @param month the month
 * @param values the values of the dataset's dimensions besides the month
 * @param count the count, or null when it is suppressed
 * @param outOf the whole of a share (camera uptime), or null for a plain count
 */
public record PublishedCell(YearMonth month, List<String> values, Long count, Long outOf) {
  public PublishedCell {
    values = List.copyOf(values);
  }

  /** Whether the count was withheld under {@link SmallCountSuppression}. */
  public boolean suppressed() {
    return count == null;
  }

  /** The share {@code count / outOf} rounded to 4 decimal places, or null if none applies. */
  public Double share() {
    if (count == null || outOf == null || outOf == 0) {
      return null;
    }
    return Math.round(count * 10_000.0 / outOf) / 10_000.0;
  }
}
