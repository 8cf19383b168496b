package org.vigil.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.tariff.SpeedRange.atLeast;
import static org.vigil.tariff.SpeedRange.moreThan;
import static org.vigil.tariff.TariffFixtures.mci;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.ViolationType;

class TariffValidationTest {
  private static final LocalDate FROM = LocalDate.parse("2024-12-04");
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private static List<String> bandProblems(List<SpeedBand> bands) {
    return problemsOf(List.of(TariffFixtures.kzVersion(FROM, bands)));
  }

  private static List<String> problemsOf(List<TariffVersion> versions) {
    try {
      new Tariff("KZ", ALMATY, versions);
    } catch (InvalidTariffException e) {
      return e.problems();
    }
    throw new AssertionError("the tariff was accepted");
  }

  private static SpeedBand band(SpeedRange over, long units) {
    return SpeedBand.of(over, mci(units, "art. 592"));
  }

  @Test
  void aGapBetweenBandsIsRefusedNamingBoth() {
    List<String> problems =
        bandProblems(
            List.of(
                band(moreThan(10).upTo(20), 5),
                band(moreThan(20).upTo(40), 10),
                band(moreThan(45).upTo(60), 20)));
    assertThat(problems)
        .contains(
            "tariff KZ from 2024-12-04: SPEED bands '20-40' and '45-60' leave a gap between 40"
                + " and 45 km/h");
  }

  @Test
  void overlapsAndSharedOrMissingBoundariesAreRefused() {
    assertThat(
            bandProblems(List.of(band(moreThan(10).upTo(40), 5), band(moreThan(30).upTo(50), 10))))
        .contains(
            "tariff KZ from 2024-12-04: SPEED bands '10-40' and '30-50' overlap between 30 and 40"
                + " km/h");
    assertThat(bandProblems(List.of(band(moreThan(40).upTo(60), 20), band(atLeast(60), 40))))
        .contains("tariff KZ from 2024-12-04: SPEED bands '40-60' and '60+' both include 60 km/h");
    assertThat(bandProblems(List.of(band(moreThan(40).lessThan(60), 20), band(moreThan(60), 40))))
        .contains(
            "tariff KZ from 2024-12-04: SPEED bands '40-60' and '60+' both leave out 60 km/h");
    assertThat(bandProblems(List.of(band(moreThan(10), 5), band(moreThan(20).upTo(40), 10))))
        .contains(
            "tariff KZ from 2024-12-04: SPEED bands '10+' and '20-40' overlap from 20 km/h, as"
                + " '10+' is open-ended");
  }

  @Test
  void bandsWithLimitConditionsAreCheckedPerLimit() {
    Penalty p = mci(1, "x");
    List<SpeedBand> bands =
        List.of(
            new SpeedBand(moreThan(0).lessThan(20), atLeast(0).upTo(50), p, null),
            new SpeedBand(moreThan(0).lessThan(25), moreThan(50), p, null),
            SpeedBand.of(atLeast(20), p));
    assertThat(bandProblems(bands))
        .containsExactly(
            "tariff KZ from 2024-12-04: SPEED bands '0-25' and '20+' for a limit of 51 km/h"
                + " overlap between 20 and 25 km/h",
            "tariff KZ from 2024-12-04: SECTION_SPEED bands '0-25' and '20+' for a limit of 51"
                + " km/h overlap between 20 and 25 km/h");
  }

  @Test
  void theShippedShapesAreAccepted() {
    assertThat(TariffFixtures.kz().versions()).hasSize(1);
    assertThat(TariffFixtures.fr().versions()).hasSize(1);
  }

  @Test
  void versionsOutOfDateOrderAreRefused() {
    TariffVersion a =
        TariffFixtures.kzVersion(LocalDate.parse("2025-06-01"), TariffFixtures.kzBands());
    TariffVersion b = TariffFixtures.kzVersion(FROM, TariffFixtures.kzBands());
    assertThat(problemsOf(List.of(a, b)))
        .contains("tariff KZ: versions out of date order: 2024-12-04 comes after 2025-06-01");
  }

  @Test
  void everyYearAVersionCoversNeedsAUnitValue() {
    TariffVersion a =
        withUnit(
            TariffFixtures.kzVersion(LocalDate.parse("2023-07-01"), TariffFixtures.kzBands()),
            new FineUnit.Yearly(
                "MCI", Map.of(2023, BigDecimal.valueOf(3450), 2025, BigDecimal.ONE)));
    TariffVersion b =
        TariffFixtures.kzVersion(LocalDate.parse("2025-01-01"), TariffFixtures.kzBands());
    assertThat(problemsOf(List.of(a, b)))
        .containsExactly("tariff KZ from 2023-07-01: no MCI value for 2024");
    TariffVersion lonely =
        withUnit(b, new FineUnit.Yearly("MCI", Map.of(2024, BigDecimal.valueOf(3692))));
    assertThat(problemsOf(List.of(lonely)))
        .containsExactly("tariff KZ from 2025-01-01: no MCI value for 2025");
  }

  @Test
  void reducedAndRepeatAmountsNeedTheirRules() {
    TariffVersion kz = TariffFixtures.kzVersion(FROM, TariffFixtures.kzBands());
    Penalty.Fine reduced =
        new Penalty.Fine(BigDecimal.TEN, BigDecimal.ONE, null, TariffFixtures.legal("x"));
    TariffVersion v =
        new TariffVersion(
            kz.validFrom(),
            kz.unit(),
            kz.currency(),
            kz.margin(),
            kz.speedBands(),
            Map.of(ViolationType.RED_LIGHT, FlatFine.of(reduced)),
            null,
            kz.earlyPayment(),
            kz.deadlines(),
            null);
    assertThat(problemsOf(List.of(v)))
        .contains(
            "tariff KZ from 2024-12-04: SPEED band '20-40' repeat penalty is set but the version"
                + " has no repeat rule",
            "tariff KZ from 2024-12-04: RED_LIGHT has a reduced fine but early payment is 50 %"
                + " off every fine");
  }

  @Test
  void typesMustMatchTheirKindOfFine() {
    TariffVersion kz = TariffFixtures.kzVersion(FROM, TariffFixtures.kzBands());
    TariffVersion v =
        new TariffVersion(
            kz.validFrom(),
            kz.unit(),
            kz.currency(),
            kz.margin(),
            Map.of(ViolationType.RED_LIGHT, TariffFixtures.kzBands()),
            Map.of(ViolationType.SPEED, FlatFine.of(mci(5, "x"))),
            new RepeatRule(Period.ofYears(1), TariffFixtures.legal("x")),
            null,
            kz.deadlines(),
            null);
    assertThat(problemsOf(List.of(v)))
        .containsExactly(
            "tariff KZ from 2024-12-04: RED_LIGHT is not a speed offence and cannot have speed"
                + " bands",
            "tariff KZ from 2024-12-04: SPEED is a speed offence and needs speed bands");
  }

  @Test
  void valuesNameWhatIsWrong() {
    assertThatThrownBy(() -> mci(-5, "x")).hasMessage("the fine must not be negative, was -5");
    assertThatThrownBy(() -> moreThan(40).upTo(20))
        .hasMessage("the upper bound must be above the lower, was 40-20");
    assertThatThrownBy(() -> new Legal("art. 1", null, " "))
        .hasMessage("'art. 1' needs a source, or a note saying why it has none");
    assertThatThrownBy(() -> new FineUnit.Yearly("MCI", Map.of(2025, BigDecimal.ZERO)))
        .hasMessage("MCI value for 2025 must be above 0, was 0");
    assertThatThrownBy(() -> new Tariff("kz", ALMATY, List.of()))
        .isInstanceOf(InvalidTariffException.class)
        .hasMessageContaining("tariff kz: the id must be two capital letters")
        .hasMessageContaining("tariff kz: needs at least one version");
    assertThatThrownBy(() -> Offence.of(ViolationType.SPEED, java.time.Instant.EPOCH, 0))
        .hasMessage("SPEED needs a finite measured speed of 0 km/h or more, was NaN");
  }

  private static TariffVersion withUnit(TariffVersion v, FineUnit unit) {
    return new TariffVersion(
        v.validFrom(),
        unit,
        v.currency(),
        v.margin(),
        v.speedBands(),
        v.flatFines(),
        v.repeat(),
        v.earlyPayment(),
        v.deadlines(),
        v.note());
  }
}
