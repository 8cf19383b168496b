package org.vigil.tariff;

import java.util.List;

/** A tariff that cannot be used; every problem found is listed, not just the first. */
public final class InvalidTariffException extends RuntimeException {
  private final List<String> problems;

  public InvalidTariffException(List<String> problems) {
    super("invalid tariff: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Each problem, naming the jurisdiction, version and entry, e.g. {@code tariff KZ from
   * 2024-12-04: SPEED bands '20-40' and '45-60' leave a gap between 40 and 45 km/h}.
   */
  public List<String> problems() {
    return problems;
  }
}
