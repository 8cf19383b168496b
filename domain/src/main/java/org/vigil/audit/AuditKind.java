package org.vigil.audit;

/**
 * What an audit entry records. {@link #PERSONAL_DATA_VIEW}, {@link #DECISION} and {@link
 * #CONFIG_CHANGE} are recorded today; {@link #PURGE} and {@link #KEY_USE} are reserved for the
 * retention purge and the evidence keys, which arrive with later issues, as do the decisions on
 * cases, notices, payments and appeals.
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
  KEY_USE
}
