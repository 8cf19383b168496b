package org.vigil.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.enforcement.ViolationType.RED_LIGHT;
import static org.vigil.enforcement.ViolationType.RESTRICTED_LANE;
import static org.vigil.enforcement.ViolationType.SECTION_SPEED;
import static org.vigil.enforcement.ViolationType.SPEED;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.tariff.Assessment;
import org.vigil.tariff.InvalidTariffException;
import org.vigil.tariff.Legal;
import org.vigil.tariff.Offence;
import org.vigil.tariff.Outcome;
import org.vigil.tariff.Penalty;
import org.vigil.tariff.Tariff;
import org.vigil.tariff.TariffBook;
import org.vigil.tariff.TariffVersion;

/** The shipped tariffs, read from their files, and the refusal of bad files. */
class TariffJsonTest {
  private static final Instant JUNE_2025 = Instant.parse("2025-06-01T09:00:00Z");
  private static final TariffBook BOOK = TariffJson.builtIn();

  private static Assessment kz(double measured, int limit, int prior) {
    return BOOK.assess("KZ", Offence.speeding(SPEED, JUNE_2025, measured, limit, prior));
  }

  private static String shipped(String id) {
    try (InputStream in =
        TariffJson.class.getResourceAsStream("/org/vigil/tariffs/" + id + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> problemsOf(String json) {
    try {
      TariffJson.read(json.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidTariffException e) {
      return e.problems();
    }
    throw new AssertionError("the file was accepted");
  }

  @Test
  void shipsKazakhstanAndFrance() {
    assertThat(BOOK.jurisdictions()).containsExactly("FR", "KZ");
  }

  /** Article 592 as worded: more than 10 up to 20, ..., more than 40 below 60, 60 and more. */
  @ParameterizedTest
  @CsvSource({
    "69.9,  BELOW_THRESHOLD, , ",
    "70,    BELOW_THRESHOLD, , ",
    "70.5,  FINE, 5,  19660",
    "80,    FINE, 5,  19660",
    "80.5,  FINE, 10, 39320",
    "100,   FINE, 10, 39320",
    "100.5, FINE, 20, 78640",
    "119.9, FINE, 20, 78640",
    "120,   FINE, 40, 157280",
    "200,   FINE, 40, 157280"
  })
  void kazakhSpeedingAtEveryBoundary(
      double measured, Outcome outcome, BigDecimal units, BigDecimal amount) {
    Assessment a = kz(measured, 60, 0);
    assertThat(a.outcome()).isEqualTo(outcome);
    assertThat(a.retainedSpeedKmh()).isEqualTo(measured);
    if (amount != null) {
      assertThat(a.units()).isEqualByComparingTo(units);
      assertThat(a.amount()).isEqualByComparingTo(amount);
      assertThat(a.discountedAmount()).isEqualByComparingTo(amount.divide(BigDecimal.TWO));
      assertThat(a.discountWithinDays()).isEqualTo(7);
      assertThat(a.increasedAmount()).isNull();
      assertThat(a.deadlines().escalation()).isEqualTo("enforced collection");
    }
  }

  @Test
  void kazakhBasisAndRepeats() {
    assertThat(kz(90, 60, 0).basis()).isEqualTo("CoAO RK art. 592 part 2");
    assertThat(kz(75, 60, 2).units()).isEqualByComparingTo("5");
    assertThat(kz(90, 60, 1).units()).isEqualByComparingTo("30");
    assertThat(kz(110, 60, 1).units()).isEqualByComparingTo("30");
    assertThat(kz(120, 60, 1).units()).isEqualByComparingTo("60");
    assertThat(kz(120, 60, 1).amount()).isEqualByComparingTo("235920");
    assertThat(kz(120, 60, 1).repeat()).isTrue();
  }

  @Test
  void theMciOfTheOffencesYear() {
    Instant in2026 = Instant.parse("2026-03-01T08:00:00Z");
    assertThat(BOOK.assess("KZ", Offence.speeding(SPEED, in2026, 90, 60, 0)).amount())
        .isEqualByComparingTo("43250");
    Assessment in2027 =
        BOOK.assess(
            "KZ", Offence.speeding(SPEED, Instant.parse("2027-01-15T08:00:00Z"), 90, 60, 0));
    assertThat(in2027.outcome()).isEqualTo(Outcome.NO_UNIT_VALUE);
    assertThat(in2027.explanation()).startsWith("no MCI value for 2027");
    Assessment before =
        BOOK.assess(
            "KZ", Offence.speeding(SPEED, Instant.parse("2024-11-30T08:00:00Z"), 90, 60, 0));
    assertThat(before.outcome()).isEqualTo(Outcome.NO_TARIFF);
  }

  @Test
  void kazakhFlatFines() {
    assertThat(BOOK.assess("KZ", Offence.of(RESTRICTED_LANE, JUNE_2025, 0)).amount())
        .isEqualByComparingTo("11796");
    assertThat(BOOK.assess("KZ", Offence.of(RED_LIGHT, JUNE_2025, 0)).amount())
        .isEqualByComparingTo("39320");
  }

  /** Measured, limit, retained, outcome, amount, reduced, increased. */
  @ParameterizedTest
  @CsvSource({
    "99,  90, 94,  FINE,  68,  45, 180",
    "100, 90, 95,  FINE,  68,  45, 180",
    "120, 90, 114, FINE,  135, 90, 375",
    "55,  50, 50,  BELOW_THRESHOLD, , ,",
    "56,  50, 51,  FINE,  135, 90, 375",
    "74,  50, 69,  FINE,  135, 90, 375",
    "75,  50, 70,  FINE,  135, 90, 375",
    "105, 50, 99,  FINE,  135, 90, 375",
    "106, 50, 100, COURT, , ,",
    "115, 90, 109, FINE,  68,  45, 180",
    "116, 90, 110, FINE,  135, 90, 375",
    "147, 90, 139, FINE,  135, 90, 375",
    "148, 90, 140, COURT, , ,"
  })
  void frenchSpeedingWithTheRadarMargin(
      double measured,
      int limit,
      double retained,
      Outcome outcome,
      BigDecimal amount,
      BigDecimal reduced,
      BigDecimal increased) {
    Assessment a =
        BOOK.assess("FR", Offence.speeding(SECTION_SPEED, JUNE_2025, measured, limit, 0));
    assertThat(a.retainedSpeedKmh()).isEqualTo(retained);
    assertThat(a.outcome()).isEqualTo(outcome);
    if (amount != null) {
      assertThat(a.amount()).isEqualByComparingTo(amount);
      assertThat(a.discountedAmount()).isEqualByComparingTo(reduced);
      assertThat(a.discountWithinDays()).isEqualTo(15);
      assertThat(a.increasedAmount()).isEqualByComparingTo(increased);
      assertThat(a.deadlines().escalationAfterDays()).isEqualTo(45);
    }
  }

  @Test
  void everyFigureIsSourcedOrSaysItIsToBeConfirmed() {
    List<Legal> all = new ArrayList<>();
    for (String id : TariffJson.BUILT_IN) {
      Tariff t = BOOK.tariff(id).orElseThrow();
      for (TariffVersion v : t.versions()) {
        v.speedBands().values().stream()
            .flatMap(List::stream)
            .flatMap(b -> Stream.of(b.penalty(), b.repeat()))
            .filter(p -> p != null)
            .map(Penalty::legal)
            .forEach(all::add);
        v.flatFines().values().forEach(f -> all.add(f.penalty().legal()));
        all.add(v.deadlines().legal());
      }
    }
    assertThat(all).isNotEmpty();
    assertThat(all)
        .allSatisfy(
            l -> {
              if (!l.isSourced()) {
                assertThat(l.note()).containsIgnoringCase("to be confirmed by the authority");
              } else {
                assertThat(l.source()).startsWith("http");
              }
            });
  }

  @Test
  void aGapBetweenBandsRefusesTheFile() {
    String gap =
        shipped("KZ")
            .replace("\"moreThan\": 40, \"lessThan\": 60", "\"moreThan\": 45, \"lessThan\": 60");
    assertThat(problemsOf(gap))
        .containsExactly(
            "tariff KZ from 2024-12-04: SPEED bands '20-40' and '45-60' leave a gap between 40"
                + " and 45 km/h",
            "tariff KZ from 2024-12-04: SECTION_SPEED bands '20-40' and '45-60' leave a gap"
                + " between 40 and 45 km/h");
  }

  @Test
  void anOverlapRefusesTheFile() {
    String overlap =
        shipped("KZ")
            .replace("\"moreThan\": 40, \"lessThan\": 60", "\"moreThan\": 40, \"upTo\": 60");
    assertThat(problemsOf(overlap))
        .contains("tariff KZ from 2024-12-04: SPEED bands '40-60' and '60+' both include 60 km/h");
  }

  @Test
  void everyFieldProblemIsListedWithItsPlace() {
    String bad =
        shipped("KZ")
            .replace("\"Asia/Almaty\"", "\"Asia/Nowhere\"")
            .replace("\"amount\": 5,", "\"amount\": \"five\",")
            .replace("\"RED_LIGHT\": {", "\"RED_LAMP\": {")
            .replace("\"payWithinDays\": 30,", "");
    assertThat(problemsOf(bad))
        .containsExactly(
            "timeZone: 'Asia/Nowhere' is not a known time zone",
            "versions[0] from 2024-12-04: speeding.bands[0] '10-20': fine: amount must be a number,"
                + " was \"five\"",
            "versions[0] from 2024-12-04: fines.RED_LAMP: 'RED_LAMP' is not a violation type; one of"
                + " [SPEED, SECTION_SPEED, RED_LIGHT, RESTRICTED_LANE, WRONG_WAY, RESTRICTED_CLASS]",
            "versions[0] from 2024-12-04: deadlines: payWithinDays is missing");
  }

  @Test
  void versionsOutOfOrderAndMissingUnitYears() {
    String kz = shipped("KZ");
    String version =
        kz.substring(kz.indexOf("    {\n      \"validFrom\""), kz.lastIndexOf("\n  ]"));
    String later =
        version.replace("\"validFrom\": \"2024-12-04\"", "\"validFrom\": \"2028-01-01\"");
    String twice = kz.replace(version, later + ",\n" + version);
    assertThat(problemsOf(twice))
        .containsExactly(
            "tariff KZ: versions out of date order: 2024-12-04 comes after 2028-01-01");
    String inOrder = kz.replace(version, version + ",\n" + later);
    assertThat(problemsOf(inOrder))
        .containsExactly(
            "tariff KZ from 2024-12-04: no MCI value for 2027",
            "tariff KZ from 2028-01-01: no MCI value for 2028");
  }

  @Test
  void notJsonAtAll() {
    assertThatThrownBy(
            () -> TariffJson.read("{\"jurisdiction\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidTariffException.class)
        .hasMessageContaining("not valid JSON near line 1");
  }
}
