package org.vigil.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Publication against a reference model small enough to be obviously right: a map from (month,
 * type, place) to the summed count, each published count the count itself unless it is 1 to 4, and
 * every total the sum of what is published. And the point of it all: whatever a suppressed cell
 * holds, from 1 to 4, nothing published changes.
 */
class SuppressionPropertiesTest {
  static final ReportPeriod PERIOD =
      new ReportPeriod(YearMonth.of(2026, 9), YearMonth.of(2026, 11));

  @Provide
  Arbitrary<List<Cell>> cells() {
    Arbitrary<Cell> one =
        Combinators.combine(
                Arbitraries.of(
                    YearMonth.of(2026, 8),
                    YearMonth.of(2026, 9),
                    YearMonth.of(2026, 10),
                    YearMonth.of(2026, 11)),
                Arbitraries.of("SPEED", "RED_LIGHT", "WRONG_WAY"),
                Arbitraries.of("camera:B-003", "camera:B-007", "section:S-1"),
                Arbitraries.oneOf(
                    Arbitraries.longs().between(0, 6), Arbitraries.longs().between(0, 200)))
            .as((m, type, place, n) -> Cell.of(m, List.of(type, place), n));
    return one.list().ofMaxSize(40);
  }

  private static Map<List<Object>, Long> reference(List<Cell> cells) {
    Map<List<Object>, Long> sums = new HashMap<>();
    for (Cell c : cells) {
      if (PERIOD.contains(c.month())) {
        sums.merge(List.of(c.month(), c.values()), c.count(), Long::sum);
      }
    }
    return sums;
  }

  @Property
  void publishedCellsAndTotalsFollowTheReference(@ForAll("cells") List<Cell> cells) {
    PublishedDataset d = PublishedDataset.publish(DatasetKind.VIOLATIONS, PERIOD, cells);
    Map<List<Object>, Long> expected = reference(cells);
    assertThat(d.cells()).hasSize(expected.size());
    Map<YearMonth, Long> monthTotals = new HashMap<>();
    long total = 0;
    for (PublishedCell c : d.cells()) {
      long raw = expected.get(List.of(c.month(), c.values()));
      if (raw >= 1 && raw <= 4) {
        assertThat(c.suppressed()).as("%s holds %d", c, raw).isTrue();
        assertThat(c.count()).isNull();
      } else {
        assertThat(c.count()).isEqualTo(raw);
        monthTotals.merge(c.month(), raw, Long::sum);
        total += raw;
      }
    }
    assertThat(d.total()).isEqualTo(total);
    for (YearMonth m : PERIOD.months()) {
      long t = d.monthTotals().get(m);
      assertThat(t).isEqualTo(monthTotals.getOrDefault(m, 0L));
      assertThat(t == 0 || t >= SmallCountSuppression.THRESHOLD)
          .as("a total is 0 or at least the threshold")
          .isTrue();
    }
  }

  @Property
  void aSuppressedCellCannotBeRecoveredFromAnythingPublished(
      @ForAll("cells") List<Cell> cells, @ForAll @IntRange(min = 1, max = 4) int other) {
    PublishedDataset d = PublishedDataset.publish(DatasetKind.VIOLATIONS, PERIOD, cells);
    Map<List<Object>, Long> sums = reference(cells);
    for (Map.Entry<List<Object>, Long> e : sums.entrySet()) {
      if (!SmallCountSuppression.suppresses(e.getValue())) {
        continue;
      }
      // the same data with that one cell holding another small count
      List<Cell> changed = new ArrayList<>();
      for (Cell c : cells) {
        if (!List.of(c.month(), c.values()).equals(e.getKey())) {
          changed.add(c);
        }
      }
      YearMonth month = (YearMonth) e.getKey().get(0);
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) e.getKey().get(1);
      changed.add(Cell.of(month, values, other));
      assertThat(PublishedDataset.publish(DatasetKind.VIOLATIONS, PERIOD, changed)).isEqualTo(d);
    }
  }
}
