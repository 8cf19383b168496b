package org.vigil.audit;

import java.util.List;

/**
 * What {@link AuditVerifier} checked, and the first problem it found.
 *
 * @param checked one line per check passed, for people to read
 * @param problem the first problem, naming the entry or checkpoint; null when there is none
 */
public record AuditReport(List<String> checked, String problem) {
  public AuditReport {
    checked = List.copyOf(checked);
  }

  /** Whether everything was consistent. */
  public boolean ok() {
    return problem == null;
  }
}
