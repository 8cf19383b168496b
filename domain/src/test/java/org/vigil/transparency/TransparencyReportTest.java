package org.vigil.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.retention.RetentionPolicy;

class TransparencyReportTest {
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final YearMonth NOV = YearMonth.of(2026, 11);

  @Test
  void smallCountsAreSuppressedAndZeroIsPublished() {
    assertThat(SmallCountSuppression.publish(0)).isZero();
    for (long n = 1; n <= 4; n++) {
      assertThat(SmallCountSuppression.publish(n)).as("%d", n).isNull();
    }
    assertThat(SmallCountSuppression.publish(5)).isEqualTo(5);
    assertThat(SmallCountSuppression.description()).contains("1 to 4").contains("'<5'");
  }

  @Test
  void theDefaultPeriodIsTheLastTwelveMonthsAndParametersAreChecked() {
    ReportPeriod p = ReportPeriod.lastMonths(NOW);
    assertThat(p).isEqualTo(new ReportPeriod(YearMonth.of(2025, 12), NOV));
    assertThat(ReportPeriod.parse(null, null, NOW)).isEqualTo(p);
    assertThat(ReportPeriod.parse("2026-10", null, NOW)).isEqualTo(new ReportPeriod(OCT, NOV));
    assertThat(ReportPeriod.parse(null, "2026-10", NOW).from()).isEqualTo(YearMonth.of(2025, 11));
    assertThat(p.start()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(p.months()).hasSize(12);
    assertThatThrownBy(() -> ReportPeriod.parse("2026-13", null, NOW))
        .hasMessage("from '2026-13' is not a month such as 2026-11");
    assertThatThrownBy(() -> ReportPeriod.parse(null, "last", NOW))
        .hasMessage("to 'last' is not a month such as 2026-11");
    assertThatThrownBy(() -> ReportPeriod.parse("2020-01", "2026-11", NOW))
        .hasMessage("from 2020-01 to 2026-11 spans 83 months, more than the 60 allowed");
    assertThatThrownBy(() -> ReportPeriod.parse("2026-11", "2026-10", NOW))
        .hasMessage("to 2026-10 is before from 2026-11");
    assertThat(ReportPeriod.parse("2022-01", "2026-12", NOW).months()).hasSize(60);
  }

  @Test
  void aReportPublishesEveryDatasetAndMarksWhatIsNotRecordedYet() {
    ReportPeriod period = new ReportPeriod(OCT, NOV);
    EnforcementFigures figures =
        new EnforcementFigures() {
          @Override
          public List<Cell> violations(ReportPeriod p) {
            return List.of(
                Cell.of(OCT, List.of("SPEED", "camera:A"), 7),
                Cell.of(OCT, List.of("SPEED", "camera:B"), 2),
                Cell.of(NOV, List.of("RED_LIGHT", "camera:A"), 5),
                Cell.of(YearMonth.of(2026, 9), List.of("SPEED", "camera:A"), 50));
          }

          @Override
          public List<Cell> cameraUptime(ReportPeriod p) {
            return List.of(new Cell(OCT, List.of("A"), 2, 3L));
          }

          @Override
          public List<Cell> personalDataAccesses(ReportPeriod p) {
            return List.of();
          }

          @Override
          public List<Cell> breakGlass(ReportPeriod p) {
            return List.of();
          }

          @Override
          public List<Cell> purges(ReportPeriod p) {
            return List.of(Cell.of(NOV, List.of(), 6));
          }

          @Override
          public List<Cell> recordsPurged(ReportPeriod p) {
            return List.of(Cell.of(NOV, List.of(), 3));
          }
        };
    TransparencyReport r =
        TransparencyReport.compile(
            period,
            NOW,
            figures,
            CaseFigures.notRecordedYet(),
            Policy.withRetention(Map.of()),
            Optional.empty());
    assertThat(r.datasets())
        .extracting(PublishedDataset::kind)
        .containsExactly(DatasetKind.values());
    PublishedDataset v = r.dataset(DatasetKind.VIOLATIONS);
    assertThat(v.cells())
        .containsExactly(
            new PublishedCell(OCT, List.of("SPEED", "camera:A"), 7L, null),
            new PublishedCell(OCT, List.of("SPEED", "camera:B"), null, null),
            new PublishedCell(NOV, List.of("RED_LIGHT", "camera:A"), 5L, null));
    assertThat(v.monthTotals()).containsExactly(Map.entry(OCT, 7L), Map.entry(NOV, 5L));
    assertThat(v.total()).isEqualTo(12);
    assertThat(r.dataset(DatasetKind.CAMERA_UPTIME).cells().getFirst().share()).isEqualTo(0.6667);
    assertThat(r.dataset(DatasetKind.CAMERA_UPTIME).cells().getFirst().suppressed()).isFalse();
    assertThat(r.dataset(DatasetKind.PURGES).cells())
        .extracting(PublishedCell::count)
        .containsExactly(0L, 6L);
    assertThat(r.dataset(DatasetKind.RECORDS_PURGED).cells())
        .extracting(PublishedCell::count)
        .containsExactly(0L, null);
    assertThat(r.dataset(DatasetKind.NOTICES).recorded()).isFalse();
    assertThat(r.dataset(DatasetKind.APPEALS).recorded()).isFalse();
    assertThat(r.dataset(DatasetKind.REVIEW_REJECTIONS).recorded()).isFalse();
    assertThat(r.dataset(DatasetKind.BREAK_GLASS).recorded()).isTrue();
    assertThat(r.policy().retention()).isEqualTo(Policy.DEFAULT_RETENTION);
    assertThat(r.latestCheckpoint()).isEmpty();
    assertThat(Policy.withRetention(Map.of("Violations", "1 year")).retention())
        .containsExactly(new Retention("Violations", "1 year"));
    assertThatThrownBy(() -> new Retention("Violations", " "))
        .hasMessage("the retention of 'Violations' needs a period");
  }

  @Test
  void thePolicyStatesTheConfiguredPeriodsInWords() {
    Policy p =
        Policy.of(
            RetentionPolicy.fromEnvironment(
                Map.of("VIGIL_RETENTION_CASE", "P2Y", "VIGIL_RETENTION_STATISTICS", "P1M")));
    assertThat(p.retention().get(1).period()).contains("erased 2 years after the violation");
    assertThat(p.retention().get(2).period()).contains("erased 30 days after the rejection");
    assertThat(p.retention().get(4).period())
        .startsWith("Per-minute counts are deleted after 1 month;");
    assertThat(Policy.inWords(java.time.Period.of(1, 2, 3)))
        .isEqualTo("1 year and 2 months and 3 days");
  }
}
