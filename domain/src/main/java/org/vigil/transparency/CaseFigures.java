package org.vigil.transparency;

import java.util.List;
import java.util.Optional;

/**
 * Where the report's figures about cases come from: notices, appeals and review rejections. An
 * empty answer means that this installation does not record such data yet — published as "no data
 * recorded yet", which is not the same as zero. The case life cycle implements this.
 */
public interface CaseFigures {
  /** Notices by month and status ({@code issued}, {@code paid}, {@code cancelled}). */
  Optional<List<Cell>> notices(ReportPeriod period);

  /** Appeals by month and outcome ({@code filed}, {@code upheld}). */
  Optional<List<Cell>> appeals(ReportPeriod period);

  /** Violations rejected at review by month and reason code. */
  Optional<List<Cell>> reviewRejections(ReportPeriod period);

  /** The figures of an installation that has no cases yet: every answer is empty. */
  static CaseFigures notRecordedYet() {
    return new CaseFigures() {
      @Override
      public Optional<List<Cell>> notices(ReportPeriod period) {
        return Optional.empty();
      }

      @Override
      public Optional<List<Cell>> appeals(ReportPeriod period) {
        return Optional.empty();
      }

      @Override
      public Optional<List<Cell>> reviewRejections(ReportPeriod period) {
        return Optional.empty();
      }
    };
  }
}
