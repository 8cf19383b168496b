package org.vigil.retention;

/**
 * The classes of data kept for different periods. Key ids and the environment name them, so a class
 * is never renamed.
 */
public enum RetentionClass {
  /** Violations rejected at human review. */
  REJECTED("VIGIL_RETENTION_REJECTED"),
  /**
   * Violations and the cases made of them. An open one expires at its observation time plus the
   * period, unless it is re-wrapped on closure; a closed one at closure plus the period (the
   * limitation period).
   */
  CASE("VIGIL_RETENTION_CASE"),
  /** Evidence images of a case. */
  EVIDENCE_IMAGE("VIGIL_RETENTION_EVIDENCE"),
  /** Per-minute traffic rows; hour and day aggregates are published data and kept. */
  STATISTICS("VIGIL_RETENTION_STATISTICS"),
  /** The audit log, which holds no personal data. */
  AUDIT("VIGIL_RETENTION_AUDIT");

  private final String variable;

  RetentionClass(String variable) {
    this.variable = variable;
  }

  /** The environment variable that sets this class's period. */
  public String variable() {
    return variable;
  }
}
