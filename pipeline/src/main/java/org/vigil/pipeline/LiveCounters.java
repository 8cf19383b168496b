package org.vigil.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.vigil.enforcement.ViolationType;

/** Running totals since start, for the live page and monitoring. No personal data. */
public final class LiveCounters {
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder duplicateReads = new LongAdder();
  private final LongAdder exempt = new LongAdder();
  private final LongAdder held = new LongAdder();
  private final Map<ViolationType, LongAdder> violations = new EnumMap<>(ViolationType.class);

  public LiveCounters() {
    for (ViolationType t : ViolationType.values()) {
      violations.put(t, new LongAdder());
    }
  }

  void count(int acceptedItems, int duplicateItems, int rejectedItems) {
    accepted.add(acceptedItems);
    duplicates.add(duplicateItems);
    rejected.add(rejectedItems);
  }

  void countViolation(ViolationType type, boolean isHeld) {
    violations.get(type).increment();
    if (isHeld) {
      held.increment();
    }
  }

  void countLate() {
    late.increment();
  }

  void countDuplicateRead() {
    duplicateReads.increment();
  }

  void countExempt() {
    exempt.increment();
  }

  /** A consistent-enough copy of the totals. */
  public Snapshot snapshot() {
    Map<ViolationType, Long> byType = new EnumMap<>(ViolationType.class);
    violations.forEach((t, n) -> byType.put(t, n.sum()));
    return new Snapshot(
        accepted.sum(),
        duplicates.sum(),
        rejected.sum(),
        late.sum(),
        duplicateReads.sum(),
        exempt.sum(),
        held.sum(),
        byType);
  }

  /**
   * Totals at one moment.
   *
   * @param accepted detections accepted
   * @param duplicates detections sent again (same camera and event id), acknowledged once
   * @param rejected detections refused, with a reason
   * @param late of the rejected, those that arrived later than the allowed lateness
   * @param duplicateReads accepted detections that were a second read of one sighting
   * @param exempt accepted detections of exempt vehicles
   * @param held new violations held for a person (manual read, clock, calibration)
   * @param violations new violations by type
   */
  public record Snapshot(
      long accepted,
      long duplicates,
      long rejected,
      long late,
      long duplicateReads,
      long exempt,
      long held,
      Map<ViolationType, Long> violations) {
    public Snapshot {
      violations = Map.copyOf(violations);
    }
  }
}
