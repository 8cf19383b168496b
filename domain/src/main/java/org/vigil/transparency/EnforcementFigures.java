package org.vigil.transparency;

import java.util.List;

/**
 * Where the report's figures about enforcement and the audit log come from: aggregates only, each a
 * list of {@link Cell}s in the dimensions of its {@link DatasetKind}. Implementations count in the
 * store; they never read a plate.
 */
public interface EnforcementFigures {
  /** Violations by month, type and place ({@code camera:ID} or {@code section:ID}). */
  List<Cell> violations(ReportPeriod period);

  /** Per camera and month: hours with a counted vehicle, out of hours observed. */
  List<Cell> cameraUptime(ReportPeriod period);

  /** Views of personal data by month, role and purpose (the audit entry's action). */
  List<Cell> personalDataAccesses(ReportPeriod period);

  /** Break-glass events by month and role. */
  List<Cell> breakGlass(ReportPeriod period);

  /** Purges (audit entries of kind PURGE) by month. */
  List<Cell> purges(ReportPeriod period);

  /** Records purged (the sum of the purges' {@code records=N}) by month. */
  List<Cell> recordsPurged(ReportPeriod period);
}
