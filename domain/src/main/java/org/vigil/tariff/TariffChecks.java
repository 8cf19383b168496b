package org.vigil.tariff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.enforcement.ViolationType;

/** The whole-tariff checks; each problem names the jurisdiction, version and entry. */
final class TariffChecks {
  private TariffChecks() {}

  static List<String> problems(String jurisdiction, List<TariffVersion> versions) {
    List<String> problems = new ArrayList<>();
    String tariff = "tariff " + jurisdiction;
    if (!jurisdiction.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      problems.add(
          tariff + ": the id must be two capital letters and an optional region such as US-NY");
    }
    if (versions.isEmpty()) {
      problems.add(tariff + ": needs at least one version");
    }
    for (int i = 1; i < versions.size(); i++) {
      LocalDate before = versions.get(i - 1).validFrom();
      LocalDate from = versions.get(i).validFrom();
      if (!from.isAfter(before)) {
        problems.add(tariff + ": versions out of date order: " + from + " comes after " + before);
      }
    }
    for (int i = 0; i < versions.size(); i++) {
      TariffVersion v = versions.get(i);
      LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).validFrom() : null;
      String where = tariff + " from " + v.validFrom() + ": ";
      unitYears(v, until).forEach(p -> problems.add(where + p));
      types(v).forEach(p -> problems.add(where + p));
      v.speedBands()
          .forEach(
              (type, bands) ->
                  BandCheck.problems(type, bands).forEach(p -> problems.add(where + p)));
      rules(v).forEach(p -> problems.add(where + p));
    }
    return problems;
  }

  /** A value for every year from the first day up to the day before the next version. */
  private static List<String> unitYears(TariffVersion v, LocalDate nextFrom) {
    int first = v.validFrom().getYear();
    int last = nextFrom == null ? first : nextFrom.minusDays(1).getYear();
    List<String> problems = new ArrayList<>();
    for (int year = first; year <= last; year++) {
      if (v.unit().valueIn(year).isEmpty()) {
        problems.add("no " + v.unit().code() + " value for " + year);
      }
    }
    return problems;
  }

  private static List<String> types(TariffVersion v) {
    List<String> problems = new ArrayList<>();
    v.speedBands()
        .forEach(
            (type, bands) -> {
              if (!Offence.isSpeed(type)) {
                problems.add(type + " is not a speed offence and cannot have speed bands");
              } else if (bands.isEmpty()) {
                problems.add(type + " has no speed bands");
              }
            });
    v.flatFines().keySet().stream()
        .filter(Offence::isSpeed)
        .forEach(type -> problems.add(type + " is a speed offence and needs speed bands"));
    return problems;
  }

  /** Reduced amounts need an explicit early-payment rule; repeat penalties need a repeat rule. */
  private static List<String> rules(TariffVersion v) {
    List<String> problems = new ArrayList<>();
    penalties(v)
        .forEach(
            (name, penalty) -> {
              if (penalty instanceof Penalty.Fine f && f.discountedUnits() != null) {
                if (v.earlyPayment() == null) {
                  problems.add(name + " has a reduced fine but the version has no early payment");
                } else if (v.earlyPayment().isPercentage()) {
                  problems.add(
                      name
                          + " has a reduced fine but early payment is "
                          + v.earlyPayment().percentOff()
                          + " % off every fine");
                }
              }
              if (name.endsWith(" repeat") && v.repeat() == null) {
                problems.add(name + " penalty is set but the version has no repeat rule");
              }
            });
    return problems;
  }

  private static Map<String, Penalty> penalties(TariffVersion v) {
    Map<String, Penalty> all = new LinkedHashMap<>();
    for (ViolationType type : ViolationType.values()) {
      for (SpeedBand b : v.bandsFor(type)) {
        String limits = b.limit() == null ? "" : " for limits " + b.limit().describe();
        String name = type + " band '" + b.label() + "'" + limits;
        all.put(name, b.penalty());
        if (b.repeat() != null) {
          all.put(name + " repeat", b.repeat());
        }
      }
      FlatFine flat = v.flatFines().get(type);
      if (flat != null) {
        all.put(type.name(), flat.penalty());
        if (flat.repeat() != null) {
          all.put(type + " repeat", flat.repeat());
        }
      }
    }
    return all;
  }
}
