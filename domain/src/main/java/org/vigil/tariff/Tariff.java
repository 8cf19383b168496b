package org.vigil.tariff;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fines of one jurisdiction, in versions each valid from a date until the next one.
 *
 * <p>Built only when whole and consistent, else refused with every problem ({@link
 * InvalidTariffException}): jurisdiction id, versions in strictly increasing date order, speed
 * bands of each type contiguous and non-overlapping from the first band upward for every limit, a
 * unit value for each year a version covers (the last version: its first year), reduced amounts
 * only with an explicit early-payment rule, repeat penalties only with a repeat rule.
 *
 * @param jurisdiction the id, two capital letters and an optional region, e.g. {@code KZ}, {@code
 *     FR}, {@code US-NY}
 * @param zone the time zone that decides the day, hence the version and year, of an offence
 * @param versions the versions in date order, at least one
 */
public record Tariff(String jurisdiction, ZoneId zone, List<TariffVersion> versions) {
  public Tariff {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(zone, "zone");
    versions = List.copyOf(versions);
    List<String> problems = TariffChecks.problems(jurisdiction, versions);
    if (!problems.isEmpty()) {
      throw new InvalidTariffException(problems);
    }
  }

  /** The version in force on {@code day}, empty before the first version. */
  public Optional<TariffVersion> versionOn(LocalDate day) {
    TariffVersion found = null;
    for (TariffVersion v : versions) {
      if (v.validFrom().isAfter(day)) {
        break;
      }
      found = v;
    }
    return Optional.ofNullable(found);
  }

  /**
   * Assesses {@code offence} under the version in force on the day it was observed, in this
   * tariff's time zone. Never throws for a lack of law: see {@link Outcome}.
   */
  public Assessment assess(Offence offence) {
    return Assessor.assess(this, offence);
  }
}
