package org.vigil.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Test
  void defaultsFollowTheReferenceSchedule() {
    RetentionPolicy p = RetentionPolicy.defaults();
    assertThat(p.period(RetentionClass.REJECTED)).isEqualTo(Period.ofDays(30));
    assertThat(p.period(RetentionClass.CASE)).isEqualTo(Period.ofYears(1));
    assertThat(p.period(RetentionClass.EVIDENCE_IMAGE)).isEqualTo(Period.ofYears(1));
    assertThat(p.period(RetentionClass.STATISTICS)).isEqualTo(Period.ofDays(90));
    assertThat(p.period(RetentionClass.AUDIT)).isEqualTo(Period.ofYears(10));
    assertThat(RetentionPolicy.fromEnvironment(Map.of())).isEqualTo(p);
  }

  @Test
  void readsEachClassFromItsVariable() {
    RetentionPolicy p =
        RetentionPolicy.fromEnvironment(
            Map.of(
                "VIGIL_RETENTION_REJECTED", "P14D",
                "VIGIL_RETENTION_CASE", " P3Y ",
                "VIGIL_RETENTION_EVIDENCE", "P2Y",
                "VIGIL_RETENTION_STATISTICS", "P7D",
                "VIGIL_RETENTION_AUDIT", "P20Y"));
    assertThat(p.period(RetentionClass.REJECTED)).isEqualTo(Period.ofDays(14));
    assertThat(p.period(RetentionClass.CASE)).isEqualTo(Period.ofYears(3));
    assertThat(p.period(RetentionClass.EVIDENCE_IMAGE)).isEqualTo(Period.ofYears(2));
    assertThat(p.period(RetentionClass.STATISTICS)).isEqualTo(Period.ofDays(7));
    assertThat(p.period(RetentionClass.AUDIT)).isEqualTo(Period.ofYears(20));
  }

  @Test
  void parsingErrorsNameTheVariableAndTheValue() {
    assertThatThrownBy(
            () -> RetentionPolicy.fromEnvironment(Map.of("VIGIL_RETENTION_CASE", "one year")))
        .hasMessageContaining("VIGIL_RETENTION_CASE")
        .hasMessageContaining("'one year'");
    assertThatThrownBy(
            () -> RetentionPolicy.fromEnvironment(Map.of("VIGIL_RETENTION_REJECTED", "P-3D")))
        .hasMessageContaining("VIGIL_RETENTION_REJECTED")
        .hasMessageContaining("'P-3D'");
    assertThatThrownBy(
            () -> RetentionPolicy.fromEnvironment(Map.of("VIGIL_RETENTION_STATISTICS", "P0D")))
        .hasMessageContaining("VIGIL_RETENTION_STATISTICS")
        .hasMessageContaining("'P0D'");
    assertThatThrownBy(
            () -> RetentionPolicy.fromEnvironment(Map.of("VIGIL_RETENTION_AUDIT", "P200Y")))
        .hasMessageContaining("AUDIT")
        .hasMessageContaining("P200Y");
  }

  @Test
  void refusesAMissingClassByName() {
    Map<RetentionClass, Period> p = new EnumMap<>(RetentionPolicy.defaults().periods());
    p.remove(RetentionClass.EVIDENCE_IMAGE);
    assertThatThrownBy(() -> new RetentionPolicy(p)).hasMessageContaining("EVIDENCE_IMAGE");
  }

  @Test
  void expiryDayIsTheUtcDayPlusThePeriod() {
    RetentionPolicy p = RetentionPolicy.defaults();
    assertThat(p.expiryDay(RetentionClass.CASE, Instant.parse("2026-11-02T23:59:59Z")))
        .isEqualTo(LocalDate.parse("2027-11-02"));
    assertThat(p.expiryDay(RetentionClass.REJECTED, Instant.parse("2026-02-01T00:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-03-03"));
    assertThat(p.cutoff(RetentionClass.STATISTICS, Instant.parse("2026-05-01T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
  }
}
