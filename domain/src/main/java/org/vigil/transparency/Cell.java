package org.vigil.transparency;

import java.time.YearMonth;
import java.util.List;

/**
 * One raw count of a dataset before publication: a month, the values of the dataset's other
 * dimensions (in the dataset's order), and the count.
 *
 * @param month the month counted
 * @param values one value per dimension of the dataset besides the month, such as {@code SPEED} and
 *     {@code camera:B-003}
 * @param count how many, 0 or more
 * @param outOf for a share (camera uptime: hours with traffic out of hours observed), the whole it
 *     is a part of, at least {@code count}; null for a plain count
 */
public record Cell(YearMonth month, List<String> values, long count, Long outOf) {
  public Cell {
    if (month == null) {
      throw new IllegalArgumentException("a cell needs a month");
    }
    values = List.copyOf(values);
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, was " + count);
    }
    if (outOf != null && outOf < count) {
      throw new IllegalArgumentException(
          "outOf must be at least the count " + count + ", was " + outOf);
    }
  }

  /** A plain count. */
  public static Cell of(YearMonth month, List<String> values, long count) {
    return new Cell(month, values, count, null);
  }
}
