package org.vigil.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.vigil.enforcement.ViolationType;

/**
 * Assessment against reference models small enough to be obviously right: a linear scan over a
 * plain table of bands, and the French margin in whole hundredths of a km/h.
 */
class TariffPropertiesTest {
  private static final Instant JUNE_2025 = Instant.parse("2025-06-01T09:00:00Z");
  private static final Tariff KZ = TariffFixtures.kz();
  private static final Tariff FR = TariffFixtures.fr();

  /** One row of a reference table: lower and upper bound with inclusivity, units, repeat units. */
  record Row(int lo, boolean loIn, Integer hi, boolean hiIn, int units, int repeatUnits) {
    boolean holds(double x) {
      boolean above = loIn ? x >= lo : x > lo;
      boolean below = hi == null || (hiIn ? x <= hi : x < hi);
      return above && below;
    }
  }

  private static final List<Row> KZ_TABLE =
      List.of(
          new Row(10, false, 20, true, 5, 5),
          new Row(20, false, 40, true, 10, 30),
          new Row(40, false, 60, false, 20, 30),
          new Row(60, true, null, false, 40, 60));

  /** Linear scan over the rows sorted by lower bound; null below or above every row. */
  private static Row scan(List<Row> rows, double excess) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(Row::lo));
    for (Row r : sorted) {
      if (r.holds(excess)) {
        return r;
      }
    }
    return null;
  }

  @Property(tries = 1000)
  void kazakhFinesMatchTheReferenceTable(
      @ForAll @DoubleRange(min = 0, max = 300) @Scale(1) double measured,
      @ForAll @IntRange(min = 5, max = 140) int limit,
      @ForAll @IntRange(min = 0, max = 3) int prior) {
    Assessment a =
        KZ.assess(Offence.speeding(ViolationType.SPEED, JUNE_2025, measured, limit, prior));
    Row row = scan(KZ_TABLE, measured - limit);
    if (row == null) {
      assertThat(a.outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
      return;
    }
    int units = prior > 0 ? row.repeatUnits() : row.units();
    assertThat(a.outcome()).isEqualTo(Outcome.FINE);
    assertThat(a.units()).isEqualByComparingTo(BigDecimal.valueOf(units));
    assertThat(a.amount()).isEqualByComparingTo(BigDecimal.valueOf(units * 3932L));
    assertThat(a.discountedAmount()).isEqualByComparingTo(BigDecimal.valueOf(units * 1966L));
  }

  @Property(tries = 1000)
  void frenchFinesMatchTheReferenceModel(
      @ForAll @DoubleRange(min = 0, max = 300) @Scale(2) double measured,
      @ForAll @IntRange(min = 10, max = 130) int limit) {
    Assessment a = FR.assess(Offence.speeding(ViolationType.SPEED, JUNE_2025, measured, limit, 0));
    long hundredths = Math.round(measured * 100);
    long retained =
        Math.max(
            0,
            hundredths < 10_000
                ? Math.floorDiv(hundredths - 500, 100)
                : Math.floorDiv(hundredths * 95, 10_000));
    long excess = retained - limit;
    assertThat(a.retainedSpeedKmh()).isEqualTo((double) retained);
    if (excess <= 0) {
      assertThat(a.outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
    } else if (excess >= 50) {
      assertThat(a.outcome()).isEqualTo(Outcome.COURT);
    } else {
      long amount = excess < 20 && limit > 50 ? 68 : 135;
      assertThat(a.amount()).isEqualByComparingTo(BigDecimal.valueOf(amount));
    }
  }

  @Provide
  Arbitrary<List<Row>> tables() {
    Arbitrary<TreeSet<Integer>> cuts =
        Arbitraries.integers().between(0, 120).set().ofMinSize(2).ofMaxSize(7).map(TreeSet::new);
    return Combinators.combine(
            cuts,
            Arbitraries.of(true, false).list().ofSize(8),
            Arbitraries.integers().between(1, 50).list().ofSize(8),
            Arbitraries.of(true, false))
        .as(TariffPropertiesTest::table);
  }

  /** Contiguous rows between the cut points; each shared bound belongs to exactly one row. */
  private static List<Row> table(
      TreeSet<Integer> cutSet, List<Boolean> upperIn, List<Integer> units, boolean openEnded) {
    List<Integer> cuts = new ArrayList<>(cutSet);
    List<Row> rows = new ArrayList<>();
    boolean loIn = upperIn.get(7);
    for (int i = 0; i + 1 < cuts.size(); i++) {
      boolean last = i + 2 == cuts.size();
      boolean hiIn = upperIn.get(i);
      Integer hi = last && openEnded ? null : cuts.get(i + 1);
      rows.add(new Row(cuts.get(i), loIn, hi, hiIn, units.get(i), units.get(i)));
      loIn = !hiIn;
    }
    return rows;
  }

  private static Tariff tariffOf(List<Row> rows) {
    List<SpeedBand> bands = new ArrayList<>();
    for (Row r : rows) {
      SpeedRange over = r.loIn() ? SpeedRange.atLeast(r.lo()) : SpeedRange.moreThan(r.lo());
      if (r.hi() != null) {
        over = r.hiIn() ? over.upTo(r.hi()) : over.lessThan(r.hi());
      }
      bands.add(SpeedBand.of(over, TariffFixtures.mci(r.units(), "row " + r.lo())));
    }
    List<SpeedBand> shuffled = new ArrayList<>(bands.reversed());
    TariffVersion kz = TariffFixtures.kzVersion(LocalDate.parse("2024-12-04"), shuffled);
    TariffVersion v =
        new TariffVersion(
            kz.validFrom(),
            kz.unit(),
            kz.currency(),
            kz.margin(),
            Map.of(ViolationType.SPEED, shuffled),
            Map.of(),
            null,
            kz.earlyPayment(),
            kz.deadlines(),
            null);
    return new Tariff("KZ", ZoneId.of("Asia/Almaty"), List.of(v));
  }

  @Property(tries = 500)
  void anyContiguousTableIsAcceptedAndMatchesTheLinearScan(
      @ForAll("tables") List<Row> rows,
      @ForAll @DoubleRange(min = 0, max = 300) @Scale(1) double measured,
      @ForAll @IntRange(min = 1, max = 130) int limit) {
    Tariff t = tariffOf(rows);
    Assessment a = t.assess(Offence.speeding(ViolationType.SPEED, JUNE_2025, measured, limit, 0));
    double excess = measured - limit;
    Row row = scan(rows, excess);
    if (row != null) {
      assertThat(a.outcome()).isEqualTo(Outcome.FINE);
      assertThat(a.units()).isEqualByComparingTo(BigDecimal.valueOf(row.units()));
    } else {
      Row first = rows.getFirst();
      boolean below = excess < first.lo() || (excess == first.lo() && !first.loIn());
      assertThat(a.outcome()).isEqualTo(below ? Outcome.BELOW_THRESHOLD : Outcome.NO_TARIFF);
    }
  }

  @Property(tries = 1000)
  void finesNeverDecreaseAsSpeedGrows(
      @ForAll @DoubleRange(min = 0, max = 300) @Scale(1) double slower,
      @ForAll @DoubleRange(min = 0, max = 100) @Scale(1) double more,
      @ForAll @IntRange(min = 10, max = 130) int limit,
      @ForAll @IntRange(min = 0, max = 2) int prior,
      @ForAll boolean french) {
    Tariff t = french ? FR : KZ;
    double faster = slower + more;
    assertThat(rank(t, faster, limit, prior)).isGreaterThanOrEqualTo(rank(t, slower, limit, prior));
  }

  /** Below the first band ranks 0, a fine its amount, a court referral above every fine. */
  private static double rank(Tariff t, double measured, int limit, int prior) {
    Assessment a =
        t.assess(Offence.speeding(ViolationType.SPEED, JUNE_2025, measured, limit, prior));
    return switch (a.outcome()) {
      case BELOW_THRESHOLD -> 0;
      case FINE -> a.amount().doubleValue();
      case COURT -> Double.POSITIVE_INFINITY;
      default -> throw new AssertionError(a.explanation());
    };
  }
}
