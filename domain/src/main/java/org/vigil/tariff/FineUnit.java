package org.vigil.tariff;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The unit fines are set in, and its value in the currency for a calendar year. */
public sealed interface FineUnit {

  /** The unit's code, e.g. {@code MCI} or {@code EUR}. */
  String code();

  /** The value of one unit in the currency during {@code year}, if the law has set one. */
  Optional<BigDecimal> valueIn(int year);

  /**
   * A unit of constant value, e.g. the euro itself (value 1).
   *
   * @param code the unit's code, not blank
   * @param value the value of one unit, above 0
   */
  record Fixed(String code, BigDecimal value) implements FineUnit {
    public Fixed {
      requireCode(code);
      requirePositive(code, "any year", value);
    }

    @Override
    public Optional<BigDecimal> valueIn(int year) {
      return Optional.of(value);
    }
  }

  /**
   * A unit whose value is set per calendar year, e.g. the Kazakh monthly calculation index (MCI),
   * set each year by the budget law.
   *
   * @param code the unit's code, not blank
   * @param valueByYear the value of one unit per year, each above 0; not empty
   */
  record Yearly(String code, Map<Integer, BigDecimal> valueByYear) implements FineUnit {
    public Yearly {
      requireCode(code);
      valueByYear = Map.copyOf(valueByYear);
      if (valueByYear.isEmpty()) {
        throw new IllegalArgumentException(code + " needs a value for at least one year");
      }
      valueByYear.forEach((year, value) -> requirePositive(code, "" + year, value));
    }

    @Override
    public Optional<BigDecimal> valueIn(int year) {
      return Optional.ofNullable(valueByYear.get(year));
    }

    /** The values in year order. */
    public TreeMap<Integer, BigDecimal> byYear() {
      return new TreeMap<>(valueByYear);
    }
  }

  private static void requireCode(String code) {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("the unit code must not be blank");
    }
  }

  private static void requirePositive(String code, String year, BigDecimal value) {
    Objects.requireNonNull(value, code + " value for " + year);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          code + " value for " + year + " must be above 0, was " + value);
    }
  }
}
