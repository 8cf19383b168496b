package org.vigil.audit;

/** Where audited events go: the port the routes record through, implemented by the log store. */
public interface AuditTrail {
  /**
   * Appends {@code event} as the next leaf of the log.
   *
   * @return the entry's index; the entry is durable when this returns
   */
  long record(AuditEvent event);
}
