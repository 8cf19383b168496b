package org.vigil.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Applies one tariff version to one offence. */
final class Assessor {
  private Assessor() {}

  static Assessment assess(Tariff tariff, Offence offence) {
    LocalDate day = LocalDate.ofInstant(offence.observedAt(), tariff.zone());
    Optional<TariffVersion> inForce = tariff.versionOn(day);
    if (inForce.isEmpty()) {
      return Assessment.noTariff(
          tariff.jurisdiction(),
          "no "
              + tariff.jurisdiction()
              + " tariff in force on "
              + day
              + "; the first applies from "
              + tariff.versions().getFirst().validFrom());
    }
    TariffVersion v = inForce.get();
    return Offence.isSpeed(offence.type())
        ? speeding(tariff.jurisdiction(), v, offence, day)
        : flat(tariff.jurisdiction(), v, offence, day);
  }

  private static Assessment speeding(
      String jurisdiction, TariffVersion v, Offence offence, LocalDate day) {
    Result r = new Result(jurisdiction, v, offence, day);
    List<SpeedBand> bands =
        v.bandsFor(offence.type()).stream()
            .filter(b -> b.appliesToLimit(offence.limitKmh()))
            .sorted(BandCheck.BY_LOWER_BOUND)
            .toList();
    if (bands.isEmpty()) {
      return r.without(Outcome.NO_TARIFF, "no " + offence.type() + " bands" + r.in());
    }
    for (SpeedBand band : bands) {
      if (band.applies(r.excess, offence.limitKmh())) {
        return r.with(band.penaltyFor(offence.priorOffencesInPeriod()), band.repeat() != null);
      }
    }
    SpeedRange first = bands.getFirst().over();
    boolean below =
        r.excess < first.lower().kmh()
            || (r.excess == first.lower().kmh() && !first.lower().included());
    if (below) {
      return r.without(
          Outcome.BELOW_THRESHOLD,
          "an excess of "
              + r.excess
              + " km/h is below the first band ("
              + first.describe()
              + ")"
              + r.in());
    }
    return r.without(
        Outcome.NO_TARIFF, "an excess of " + r.excess + " km/h is above every band" + r.in());
  }

  private static Assessment flat(
      String jurisdiction, TariffVersion v, Offence offence, LocalDate day) {
    Result r = new Result(jurisdiction, v, offence, day);
    FlatFine fine = v.flatFines().get(offence.type());
    if (fine == null) {
      return r.without(Outcome.NO_TARIFF, "no fine for " + offence.type() + r.in());
    }
    return r.with(fine.penaltyFor(offence.priorOffencesInPeriod()), fine.repeat() != null);
  }

  /** The facts common to every answer under one version. */
  private static final class Result {
    final String jurisdiction;
    final TariffVersion v;
    final Offence offence;
    final LocalDate day;
    final double retained;
    final double excess;

    Result(String jurisdiction, TariffVersion v, Offence offence, LocalDate day) {
      this.jurisdiction = jurisdiction;
      this.v = v;
      this.offence = offence;
      this.day = day;
      boolean speed = Offence.isSpeed(offence.type());
      this.retained = speed ? v.margin().retained(offence.measuredSpeedKmh()) : Double.NaN;
      this.excess = speed ? retained - offence.limitKmh() : Double.NaN;
    }

    String in() {
      return " (tariff " + jurisdiction + " from " + v.validFrom() + ")";
    }

    Assessment without(Outcome outcome, String why) {
      return build(outcome, null, false, null, null, null, 0, null, why);
    }

    Assessment with(Penalty penalty, boolean hasRepeat) {
      boolean repeat = hasRepeat && offence.priorOffencesInPeriod() > 0;
      return switch (penalty) {
        case Penalty.Court c ->
            build(
                Outcome.COURT,
                c.legal(),
                repeat,
                null,
                null,
                null,
                0,
                null,
                "no fixed fine, referred to court under " + c.legal().basis() + in());
        case Penalty.Fine f -> fine(f, repeat);
      };
    }

    private Assessment fine(Penalty.Fine f, boolean repeat) {
      int year = day.getYear();
      Optional<BigDecimal> unitValue = v.unit().valueIn(year);
      if (unitValue.isEmpty()) {
        return build(
            Outcome.NO_UNIT_VALUE,
            f.legal(),
            repeat,
            null,
            null,
            null,
            0,
            null,
            "no " + v.unit().code() + " value for " + year + in());
      }
      BigDecimal value = unitValue.get();
      BigDecimal amount = Amounts.of(f.units(), value);
      BigDecimal discounted = null;
      EarlyPayment early = v.earlyPayment();
      if (early != null && early.isPercentage()) {
        discounted = Amounts.percentOff(amount, early.percentOff());
      } else if (early != null && f.discountedUnits() != null) {
        discounted = Amounts.of(f.discountedUnits(), value);
      }
      BigDecimal increased =
          f.increasedUnits() == null ? null : Amounts.of(f.increasedUnits(), value);
      String why =
          f.units().toPlainString()
              + " "
              + v.unit().code()
              + " = "
              + amount.toPlainString()
              + " "
              + v.currency()
              + " under "
              + f.legal().basis()
              + in();
      return build(
          Outcome.FINE,
          f.legal(),
          repeat,
          f.units(),
          amount,
          discounted,
          discounted == null ? 0 : early.withinDays(),
          increased,
          why);
    }

    private Assessment build(
        Outcome outcome,
        Legal legal,
        boolean repeat,
        BigDecimal units,
        BigDecimal amount,
        BigDecimal discounted,
        int discountDays,
        BigDecimal increased,
        String why) {
      return new Assessment(
          outcome,
          jurisdiction,
          v.validFrom(),
          legal,
          retained,
          excess,
          repeat,
          units,
          v.unit().code(),
          amount,
          v.currency(),
          discounted,
          discountDays,
          increased,
          outcome == Outcome.FINE ? v.deadlines() : null,
          why);
    }
  }
}
