package org.vigil.traffic.incident;

import java.util.Optional;

/**
 * One way traffic can fall: a small named policy that compares what a camera sees now with what it
 * usually sees. Implementations are immutable.
 */
public sealed interface IncidentRule permits FlowDrop, SpeedDrop {

  /** The kind of incident this rule raises. */
  IncidentKind kind();

  /**
   * Whether {@code observed} (the evaluation window) has fallen against {@code usual}: the reason
   * in words when it has, empty when it has not or when {@code usual} is too thin to judge by.
   */
  Optional<String> fallen(Level observed, Level usual);

  /**
   * Whether one slot of the window, on its own, looks fallen; used only to find where a fall began,
   * so it is deliberately lenient about thin data.
   */
  boolean slotFell(Level slot, Level usual);

  /**
   * Whether {@code observed} is back near {@code usual}, so that an incident of this kind clears.
   */
  boolean recovered(Level observed, Level usual);
}
