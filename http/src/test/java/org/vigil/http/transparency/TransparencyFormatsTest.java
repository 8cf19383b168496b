package org.vigil.http.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.common.uri.UriQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.transparency.CaseFigures;
import org.vigil.transparency.Cell;
import org.vigil.transparency.DatasetKind;
import org.vigil.transparency.EnforcementFigures;
import org.vigil.transparency.Policy;
import org.vigil.transparency.ReportPeriod;
import org.vigil.transparency.TransparencyReport;

class TransparencyFormatsTest {
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final YearMonth NOV = YearMonth.of(2026, 11);

  static TransparencyReport report() {
    EnforcementFigures figures =
        new EnforcementFigures() {
          @Override
          public List<Cell> violations(ReportPeriod p) {
            return List.of(
                Cell.of(OCT, List.of("SPEED", "camera:A,1"), 7),
                Cell.of(OCT, List.of("SPEED", "camera:<b>"), 2));
          }

          @Override
          public List<Cell> cameraUptime(ReportPeriod p) {
            return List.of(new Cell(OCT, List.of("A"), 3, 4L));
          }

          @Override
          public List<Cell> personalDataAccesses(ReportPeriod p) {
            return List.of(Cell.of(NOV, List.of("OPERATOR", "violations.list"), 6));
          }

          @Override
          public List<Cell> breakGlass(ReportPeriod p) {
            return List.of();
          }

          @Override
          public List<Cell> purges(ReportPeriod p) {
            return List.of();
          }

          @Override
          public List<Cell> recordsPurged(ReportPeriod p) {
            return List.of();
          }
        };
    return TransparencyReport.compile(
        new ReportPeriod(OCT, NOV),
        NOW,
        figures,
        CaseFigures.notRecordedYet(),
        Policy.withRetention(Map.of("Violations", "1 year & no more")),
        Optional.empty());
  }

  @Test
  void csvIsOneLongTableWithAStableHeader() {
    assertThat(TransparencyFormats.csv(report()).split("\r\n"))
        .containsExactly(
            "dataset,month,dimension_1,value_1,dimension_2,value_2,count,out_of",
            "violations,2026-10,type,SPEED,place,camera:<b>,<5,",
            "violations,2026-10,type,SPEED,place,\"camera:A,1\",7,",
            "notices,,,,,,not-recorded,",
            "appeals,,,,,,not-recorded,",
            "review-rejections,,,,,,not-recorded,",
            "camera-uptime,2026-10,camera,A,,,3,4",
            "personal-data-accesses,2026-11,role,OPERATOR,purpose,violations.list,6,",
            "purges,2026-10,,,,,0,",
            "purges,2026-11,,,,,0,",
            "records-purged,2026-10,,,,,0,",
            "records-purged,2026-11,,,,,0,");
    for (DatasetKind k : DatasetKind.values()) {
      assertThat(k.dimensions()).as("the CSV has room for two dimensions").hasSizeLessThan(3);
    }
  }

  @Test
  void jsonMarksSuppressedCellsAndUnrecordedDatasets() throws Exception {
    String json = Json.MAPPER.writeValueAsString(TransparencyFormats.json(report()));
    assertThat(json)
        .startsWith("{\"period\":{\"from\":\"2026-10\",\"to\":\"2026-11\"}")
        .contains(
            "{\"month\":\"2026-10\",\"type\":\"SPEED\",\"place\":\"camera:<b>\",\"count\":null,"
                + "\"suppressed\":true}")
        .contains(
            "{\"month\":\"2026-10\",\"camera\":\"A\",\"count\":3,\"suppressed\":false,"
                + "\"outOf\":4,\"share\":0.75}")
        .contains(
            "\"name\":\"notices\",\"title\":\"Notices\",\"description\":\"Notices issued, paid and"
                + " cancelled, by month.\",\"dimensions\":[\"month\",\"status\"],\"recorded\":false,"
                + "\"suppression\":true,\"note\":\"no data recorded yet\",\"rows\":[],"
                + "\"monthTotals\":[],\"total\":null")
        .contains("\"monthTotals\":[{\"month\":\"2026-10\",\"count\":7},")
        .contains("\"retention\":[{\"dataClass\":\"Violations\",\"period\":\"1 year & no more\"}]")
        .contains("\"latestCheckpoint\":null");
  }

  @Test
  void thePageIsAccessibleAndEscapesWhatItShows() {
    String html = TransparencyPage.html(report(), "?from=2026-10&to=2026-11");
    assertThat(html)
        .startsWith("<!doctype html>\n<html lang=\"en\">")
        .contains("<caption>Violations recorded by month, type, place</caption>")
        .contains("<th scope=\"col\">Month</th>")
        .contains("<th scope=\"row\">2026-10</th><td>SPEED</td><td>camera:&lt;b&gt;</td>")
        .contains("fewer than 5")
        .contains("<td class=\"num\">75.0 %</td>")
        .contains("No data recorded yet: this installation does not handle notices yet.")
        .contains("1 year &amp; no more")
        .contains("there is no facial recognition")
        .contains("href=\"/api/v1/transparency?from=2026-10&amp;to=2026-11&amp;format=csv\"")
        .contains("No checkpoint has been signed yet.")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void periodsAreParsedAndBadOnesNamed() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThat(TransparencyRoutes.period(UriQuery.create(""), clock))
        .isEqualTo(ReportPeriod.lastMonths(NOW));
    assertThatThrownBy(() -> TransparencyRoutes.period(UriQuery.create("from=2019-01"), clock))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("from 2019-01 to 2026-11 spans 95 months, more than the 60 allowed");
    assertThatThrownBy(() -> TransparencyRoutes.period(UriQuery.create("to=november"), clock))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("to 'november' is not a month such as 2026-11");
  }
}
