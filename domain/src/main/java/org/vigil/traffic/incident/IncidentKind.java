package org.vigil.traffic.incident;

/** What fell. */
public enum IncidentKind {
  /** Far fewer vehicles than usual pass the camera: a stopped vehicle, a closure, a crash ahead. */
  FLOW_DROP,
  /** The vehicles that pass are far slower than usual: a queue, a crawl past an obstruction. */
  SPEED_DROP
}
