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

  void countViolation(ViolationType type) {
    violations.get(type).increment();
  }

  /** A consistent-enough copy of the totals. */
  public Snapshot snapshot() {
    Map<ViolationType, Long> byType = new EnumMap<>(ViolationType.class);
    violations.forEach((t, n) -> byType.put(t, n.sum()));
    return new Snapshot(accepted.sum(), duplicates.sum(), rejected.sum(), byType);
  }

  /** Totals at one moment. */
  public record Snapshot(
      long accepted, long duplicates, long rejected, Map<ViolationType, Long> violations) {
    public Snapshot {
      violations = Map.copyOf(violations);
    }
  }
}
