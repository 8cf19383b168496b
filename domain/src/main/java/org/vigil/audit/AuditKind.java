package org.vigil.audit;

/**
 * What an audit entry records. Auditors and the transparency report count entries by kind, so a
 * kind is never renamed or removed once entries carry it.
 */
public enum AuditKind {
  /** Someone saw personal data: evidence, a plate or a keeper. */
  PERSONAL_DATA_VIEW,
  /** A decision: a review, a manual read, a notice, a payment, an appeal, a cancellation. */
  DECISION,
  /** A change of configuration: sites, limits, tariffs, users, keys, exemptions. */
  CONFIG_CHANGE,
  /** Personal data was purged. */
  PURGE,
  /** A key that protects personal data was used. */
  KEY_USE,
  /**
   * Someone opened personal data outside their role's routine access (an administrator opening a
   * case), stating a reason; flagged to auditors.
   */
  BREAK_GLASS
}
