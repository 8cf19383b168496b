package org.vigil.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.enforcement.ViolationType.RED_LIGHT;
import static org.vigil.enforcement.ViolationType.SECTION_SPEED;
import static org.vigil.enforcement.ViolationType.SPEED;
import static org.vigil.enforcement.ViolationType.WRONG_WAY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffAssessTest {
  private static final Instant JUNE_2025 = Instant.parse("2025-06-01T09:00:00Z");
  private final Tariff kz = TariffFixtures.kz();
  private final Tariff fr = TariffFixtures.fr();

  private Assessment kz(double measured, int limit, int prior) {
    return kz.assess(Offence.speeding(SPEED, JUNE_2025, measured, limit, prior));
  }

  private Assessment fr(double measured, int limit) {
    return fr.assess(Offence.speeding(SPEED, JUNE_2025, measured, limit, 0));
  }

  /** Kazakh bands as the law words them: more than 10 up to 20, ..., 60 and more. */
  @ParameterizedTest
  @CsvSource({
    "60,     BELOW_THRESHOLD, ",
    "70,     BELOW_THRESHOLD, ",
    "70.5,   FINE,  5",
    "80,     FINE,  5",
    "80.1,   FINE,  10",
    "100,    FINE,  10",
    "100.5,  FINE,  20",
    "119.9,  FINE,  20",
    "120,    FINE,  40",
    "250,    FINE,  40"
  })
  void kazakhBandBoundaries(double measured, Outcome outcome, BigDecimal units) {
    Assessment a = kz(measured, 60, 0);
    assertThat(a.outcome()).isEqualTo(outcome);
    assertThat(a.retainedSpeedKmh()).isEqualTo(measured);
    assertThat(a.excessKmh()).isEqualTo(measured - 60);
    if (units != null) {
      assertThat(a.units()).isEqualByComparingTo(units);
    }
  }

  @Test
  void aFineIsUnitsTimesTheUnitValueOfTheYear() {
    Assessment a = kz(90, 60, 0);
    assertThat(a.outcome()).isEqualTo(Outcome.FINE);
    assertThat(a.units()).isEqualByComparingTo("10");
    assertThat(a.unit()).isEqualTo("MCI");
    assertThat(a.amount()).isEqualTo(new BigDecimal("39320"));
    assertThat(a.currency()).isEqualTo("KZT");
    assertThat(a.basis()).isEqualTo("CoAO RK art. 592 part 2");
    assertThat(a.versionFrom()).isEqualTo(LocalDate.parse("2024-12-04"));
    assertThat(a.deadlines().payWithinDays()).isEqualTo(30);
    assertThat(a.deadlines().escalation()).isEqualTo("enforced collection");
    assertThat(a.increasedAmount()).isNull();
    assertThat(a.explanation()).contains("10 MCI = 39320 KZT under CoAO RK art. 592 part 2");
  }

  @Test
  void theUnitValueFollowsTheYearInTheJurisdictionsTimeZone() {
    Instant almatyNewYear = Instant.parse("2025-12-31T19:30:00Z"); // 00:30 on 1 Jan in Almaty
    Assessment a = kz.assess(Offence.speeding(SPEED, almatyNewYear, 90, 60, 0));
    assertThat(a.amount()).isEqualTo(new BigDecimal("43250"));
    Assessment before =
        kz.assess(Offence.speeding(SPEED, almatyNewYear.minusSeconds(3600), 90, 60, 0));
    assertThat(before.amount()).isEqualTo(new BigDecimal("39320"));
  }

  @Test
  void aYearWithoutAUnitValueIsAClearOutcome() {
    Assessment a =
        kz.assess(Offence.speeding(SPEED, Instant.parse("2027-03-01T08:00:00Z"), 90, 60, 0));
    assertThat(a.outcome()).isEqualTo(Outcome.NO_UNIT_VALUE);
    assertThat(a.amount()).isNull();
    assertThat(a.explanation()).startsWith("no MCI value for 2027");
    assertThat(a.basis()).isEqualTo("CoAO RK art. 592 part 2");
  }

  @Test
  void anOffenceBeforeTheFirstVersionHasNoTariff() {
    Assessment a =
        kz.assess(Offence.speeding(SPEED, Instant.parse("2024-12-03T12:00:00Z"), 90, 60, 0));
    assertThat(a.outcome()).isEqualTo(Outcome.NO_TARIFF);
    assertThat(a.versionFrom()).isNull();
    assertThat(a.explanation())
        .isEqualTo("no KZ tariff in force on 2024-12-03; the first applies from 2024-12-04");
  }

  @Test
  void theFirstDayOfAVersionIsCountedInTheLocalTimeZone() {
    Instant localMidnight = Instant.parse("2024-12-03T19:00:00Z"); // 00:00 on 4 Dec in Almaty
    assertThat(kz.assess(Offence.speeding(SPEED, localMidnight, 90, 60, 0)).outcome())
        .isEqualTo(Outcome.FINE);
  }

  @ParameterizedTest
  @CsvSource({"75, 5, false", "90, 30, true", "110, 30, true", "130, 60, true"})
  void repeatsWithinTheYearCostTheRepeatAmount(double measured, int units, boolean repeat) {
    Assessment a = kz(measured, 60, 1);
    assertThat(a.units()).isEqualByComparingTo(BigDecimal.valueOf(units));
    assertThat(a.repeat()).isEqualTo(repeat);
  }

  @Test
  void kazakhEarlyPaymentIsHalfWithinSevenDays() {
    Assessment a = kz(75, 60, 0);
    assertThat(a.amount()).isEqualTo(new BigDecimal("19660"));
    assertThat(a.discountedAmount()).isEqualTo(new BigDecimal("9830"));
    assertThat(a.discountWithinDays()).isEqualTo(7);
  }

  @Test
  void sectionSpeedUsesItsOwnBands() {
    Assessment a = kz.assess(Offence.speeding(SECTION_SPEED, JUNE_2025, 125, 60, 0));
    assertThat(a.units()).isEqualByComparingTo("40");
    assertThat(a.amount()).isEqualTo(new BigDecimal("157280"));
  }

  @Test
  void flatFinesAndTypesWithoutAFine() {
    Assessment red = kz.assess(Offence.of(RED_LIGHT, JUNE_2025, 0));
    assertThat(red.amount()).isEqualTo(new BigDecimal("39320"));
    assertThat(red.retainedSpeedKmh()).isNaN();
    assertThat(red.excessKmh()).isNaN();
    Assessment wrongWay = kz.assess(Offence.of(WRONG_WAY, JUNE_2025, 0));
    assertThat(wrongWay.outcome()).isEqualTo(Outcome.NO_TARIFF);
    assertThat(wrongWay.explanation())
        .isEqualTo("no fine for WRONG_WAY (tariff KZ from 2024-12-04)");
  }

  /** French fixed-radar margin: 5 km/h under 100 km/h, 5 % from 100, rounded down. */
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "4, 0",
    "50, 45",
    "99, 94",
    "99.9, 94",
    "100, 95",
    "101, 95",
    "120, 114",
    "140, 133",
    "200, 190",
    "213, 202"
  })
  void frenchMargin(double measured, double retained) {
    assertThat(new SpeedMargin.KmhThenPercent(100, 5, 5).retained(measured)).isEqualTo(retained);
  }

  @ParameterizedTest
  @CsvSource({
    "50, 55,  BELOW_THRESHOLD, ,",
    "50, 56,  FINE,  135, 90",
    "50, 74,  FINE,  135, 90",
    "50, 75,  FINE,  135, 90",
    "50, 105, FINE,  135, 90",
    "50, 106, COURT, ,",
    "90, 96,  FINE,  68,  45",
    "90, 114, FINE,  68,  45",
    "90, 115, FINE,  68,  45",
    "90, 116, FINE,  135, 90",
    "90, 147, FINE,  135, 90",
    "90, 148, COURT, ,",
    "130, 157, FINE, 68, 45",
    "130, 158, FINE, 135, 90"
  })
  void frenchBandsDependOnTheLimitBelowTwentyOver(
      int limit, double measured, Outcome outcome, BigDecimal amount, BigDecimal reduced) {
    Assessment a = fr(measured, limit);
    assertThat(a.outcome()).isEqualTo(outcome);
    if (amount != null) {
      assertThat(a.amount()).isEqualByComparingTo(amount);
      assertThat(a.discountedAmount()).isEqualByComparingTo(reduced);
      assertThat(a.discountWithinDays()).isEqualTo(15);
    } else {
      assertThat(a.amount()).isNull();
    }
  }

  @Test
  void frenchIncreasedAmountAndCourt() {
    Assessment a = fr(80, 50);
    assertThat(a.retainedSpeedKmh()).isEqualTo(75);
    assertThat(a.excessKmh()).isEqualTo(25);
    assertThat(a.increasedAmount()).isEqualTo(new BigDecimal("375"));
    assertThat(a.deadlines().escalationAfterDays()).isEqualTo(45);
    Assessment court = fr(160, 90);
    assertThat(court.outcome()).isEqualTo(Outcome.COURT);
    assertThat(court.basis()).isEqualTo("R413-14-1, class 5");
    assertThat(court.deadlines()).isNull();
  }

  @Test
  void theVersionInForceOnTheDayApplies() {
    TariffVersion old =
        TariffFixtures.kzVersion(
            LocalDate.parse("2024-01-01"),
            java.util.List.of(
                SpeedBand.of(SpeedRange.moreThan(10).upTo(20), TariffFixtures.mci(5, "old part 1")),
                SpeedBand.of(
                    SpeedRange.moreThan(20).upTo(40), TariffFixtures.mci(10, "old part 2")),
                SpeedBand.of(SpeedRange.moreThan(40), TariffFixtures.mci(20, "old part 3"))));
    TariffVersion now =
        TariffFixtures.kzVersion(LocalDate.parse("2024-12-04"), TariffFixtures.kzBands());
    Tariff t = new Tariff("KZ", java.time.ZoneId.of("Asia/Almaty"), java.util.List.of(old, now));
    Instant nov = Instant.parse("2024-11-30T10:00:00Z");
    Instant dec = Instant.parse("2024-12-05T10:00:00Z");
    assertThat(t.assess(Offence.speeding(SPEED, nov, 130, 60, 0)).units())
        .isEqualByComparingTo("20");
    assertThat(t.assess(Offence.speeding(SPEED, nov, 130, 60, 0)).amount())
        .isEqualTo(new BigDecimal("73840"));
    assertThat(t.assess(Offence.speeding(SPEED, dec, 130, 60, 0)).units())
        .isEqualByComparingTo("40");
  }

  @Test
  void aBookAssessesByJurisdictionAndKnowsWhatItLacks() {
    TariffBook book = TariffBook.of(java.util.List.of(kz, fr));
    assertThat(book.jurisdictions()).containsExactly("FR", "KZ");
    assertThat(book.assess("kz", Offence.speeding(SPEED, JUNE_2025, 90, 60, 0)).amount())
        .isEqualTo(new BigDecimal("39320"));
    Assessment unknown = book.assess("DE", Offence.of(RED_LIGHT, JUNE_2025, 0));
    assertThat(unknown.outcome()).isEqualTo(Outcome.NO_TARIFF);
    assertThat(unknown.explanation()).isEqualTo("no tariff for jurisdiction 'DE'");
  }
}
