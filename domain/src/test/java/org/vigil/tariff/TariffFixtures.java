package org.vigil.tariff;

import static org.vigil.tariff.SpeedRange.atLeast;
import static org.vigil.tariff.SpeedRange.moreThan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.vigil.enforcement.ViolationType;

/** Kazakh- and French-shaped tariffs built in code, mirroring the shipped files. */
final class TariffFixtures {
  static final String SRC = "https://example.invalid/source";

  private TariffFixtures() {}

  static Legal legal(String basis) {
    return Legal.of(basis, SRC);
  }

  static Penalty.Fine mci(long units, String basis) {
    return Penalty.Fine.of(units, legal(basis));
  }

  static Penalty.Fine eur(long units, long reduced, long increased, String basis) {
    return new Penalty.Fine(
        BigDecimal.valueOf(units),
        BigDecimal.valueOf(reduced),
        BigDecimal.valueOf(increased),
        legal(basis));
  }

  static FineUnit.Yearly mciTable() {
    return new FineUnit.Yearly(
        "MCI",
        Map.of(
            2024, BigDecimal.valueOf(3692),
            2025, BigDecimal.valueOf(3932),
            2026, BigDecimal.valueOf(4325)));
  }

  static List<SpeedBand> kzBands() {
    return List.of(
        SpeedBand.of(moreThan(10).upTo(20), mci(5, "CoAO RK art. 592 part 1")),
        new SpeedBand(
            moreThan(20).upTo(40), null, mci(10, "CoAO RK art. 592 part 2"), mci(30, "part 4")),
        new SpeedBand(
            moreThan(40).lessThan(60), null, mci(20, "CoAO RK art. 592 part 3"), mci(30, "part 4")),
        new SpeedBand(atLeast(60), null, mci(40, "CoAO RK art. 592 part 3-1"), mci(60, "part 5")));
  }

  static TariffVersion kzVersion(LocalDate from, List<SpeedBand> bands) {
    return new TariffVersion(
        from,
        mciTable(),
        "KZT",
        new SpeedMargin.None(),
        Map.of(ViolationType.SPEED, bands, ViolationType.SECTION_SPEED, bands),
        Map.of(
            ViolationType.RESTRICTED_LANE,
            FlatFine.of(mci(3, "CoAO RK, bus lane")),
            ViolationType.RED_LIGHT,
            FlatFine.of(mci(10, "CoAO RK, traffic signal"))),
        new RepeatRule(Period.ofYears(1), legal("CoAO RK art. 592 part 4")),
        new EarlyPayment(7, BigDecimal.valueOf(50), legal("CoAO RK, 50 % within 7 days")),
        new Deadlines(null, 30, 30, "enforced collection", legal("CoAO RK")),
        null);
  }

  static Tariff kz() {
    return new Tariff(
        "KZ",
        ZoneId.of("Asia/Almaty"),
        List.of(kzVersion(LocalDate.parse("2024-12-04"), kzBands())));
  }

  static List<SpeedBand> frBands() {
    return List.of(
        new SpeedBand(
            moreThan(0).lessThan(20),
            atLeast(0).upTo(50),
            eur(135, 90, 375, "Code de la route R413-14"),
            null),
        new SpeedBand(
            moreThan(0).lessThan(20), moreThan(50), eur(68, 45, 180, "R413-14 al. 2"), null),
        SpeedBand.of(atLeast(20).lessThan(30), eur(135, 90, 375, "R413-14")),
        SpeedBand.of(atLeast(30).lessThan(40), eur(135, 90, 375, "R413-14")),
        SpeedBand.of(atLeast(40).lessThan(50), eur(135, 90, 375, "R413-14")),
        SpeedBand.of(atLeast(50), new Penalty.Court(legal("R413-14-1, class 5"))));
  }

  static Tariff fr() {
    TariffVersion v =
        new TariffVersion(
            LocalDate.parse("2024-01-01"),
            new FineUnit.Fixed("EUR", BigDecimal.ONE),
            "EUR",
            new SpeedMargin.KmhThenPercent(100, 5, 5),
            Map.of(ViolationType.SPEED, frBands(), ViolationType.SECTION_SPEED, frBands()),
            Map.of(ViolationType.RED_LIGHT, FlatFine.of(eur(135, 90, 375, "R412-30"))),
            null,
            new EarlyPayment(15, null, legal("minorée")),
            new Deadlines(null, 45, 45, "amende forfaitaire majorée", legal("majorée")),
            null);
    return new Tariff("FR", ZoneId.of("Europe/Paris"), List.of(v));
  }
}
