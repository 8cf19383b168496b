package org.vigil.transparency;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset as it is published.
 *
 * @param kind which dataset
 * @param recorded false when this installation does not record such data yet (the case life cycle
 *     arrives with a later issue); its cells are then empty, which does not mean zero
 * @param cells the cells, by month then values; a combination without a cell is 0 (for datasets
 *     without dimensions every month has a cell)
 * @param monthTotals per month of the period, the sum of the published counts of that month
 * @param total the sum of every published count
 */
public record PublishedDataset(
    DatasetKind kind,
    boolean recorded,
    List<PublishedCell> cells,
    Map<YearMonth, Long> monthTotals,
    long total) {

  public PublishedDataset {
    cells = List.copyOf(cells);
    monthTotals = Collections.unmodifiableMap(new LinkedHashMap<>(monthTotals));
  }

  private static final Comparator<Cell> ORDER =
      Comparator.comparing(Cell::month).thenComparing(c -> String.join("\u0000", c.values()));

  /** A dataset this installation does not record yet. */
  public static PublishedDataset notRecorded(DatasetKind kind) {
    return new PublishedDataset(kind, false, List.of(), Map.of(), 0);
  }

  /**
   * Publishes {@code raw} for {@code period}: cells outside the period are dropped, cells with the
   * same month and values are added up, {@link SmallCountSuppression} is applied if the kind calls
   * for it, and totals are summed over the published counts only. For a dataset without dimensions,
   * a month without a cell gets a cell of 0.
   *
   * @throws IllegalArgumentException when a cell's values do not match the kind's dimensions
   */
  public static PublishedDataset publish(DatasetKind kind, ReportPeriod period, List<Cell> raw) {
    Map<List<Object>, Cell> merged = new LinkedHashMap<>();
    for (Cell c : raw) {
      if (c.values().size() != kind.dimensions().size()) {
        throw new IllegalArgumentException(
            kind.id()
                + " has dimensions "
                + kind.dimensions()
                + ", a cell has values "
                + c.values());
      }
      if (!period.contains(c.month())) {
        continue;
      }
      merged.merge(
          List.of(c.month(), c.values()),
          c,
          (a, b) ->
              new Cell(
                  a.month(),
                  a.values(),
                  a.count() + b.count(),
                  a.outOf() == null && b.outOf() == null
                      ? null
                      : nullToZero(a.outOf()) + nullToZero(b.outOf())));
    }
    if (kind.dimensions().isEmpty()) {
      for (YearMonth m : period.months()) {
        merged.putIfAbsent(List.of(m, List.of()), Cell.of(m, List.of(), 0));
      }
    }
    List<Cell> sorted = new ArrayList<>(merged.values());
    sorted.sort(ORDER);
    List<PublishedCell> cells = new ArrayList<>(sorted.size());
    Map<YearMonth, Long> monthTotals = new LinkedHashMap<>();
    for (YearMonth m : period.months()) {
      monthTotals.put(m, 0L);
    }
    long total = 0;
    for (Cell c : sorted) {
      Long count =
          kind.suppressed() ? SmallCountSuppression.publish(c.count()) : Long.valueOf(c.count());
      cells.add(new PublishedCell(c.month(), c.values(), count, c.outOf()));
      if (count != null) {
        monthTotals.merge(c.month(), count, Long::sum);
        total += count;
      }
    }
    return new PublishedDataset(kind, true, cells, monthTotals, total);
  }

  private static long nullToZero(Long n) {
    return n == null ? 0 : n;
  }

  /** How many cells are suppressed. */
  public long suppressedCells() {
    return cells.stream().filter(PublishedCell::suppressed).count();
  }
}
