package org.vigil.kafka.topology;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.vigil.enforcement.ViolationType;

/**
 * The counters of a {@link VigilTopology}, for the runtime to expose (e.g. as Prometheus metrics):
 * totals since the object was made, summed over every task of the process. Thread-safe; no plate,
 * camera or tag is ever counted by name.
 */
public final class TopologyMetrics {
  private final LongAdder processed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder duplicateEvents = new LongAdder();
  private final LongAdder tooLate = new LongAdder();
  private final LongAdder duplicateReads = new LongAdder();
  private final LongAdder decided = new LongAdder();
  private final LongAdder exempt = new LongAdder();
  private final LongAdder placementsRouted = new LongAdder();
  private final LongAdder placementsPlaced = new LongAdder();
  private final Map<ViolationType, LongAdder> violations = new EnumMap<>(ViolationType.class);
  private final Latency decisionLatency = new Latency();
  private final Latency violationLatency = new Latency();

  public TopologyMetrics() {
    for (ViolationType t : ViolationType.values()) {
      violations.put(t, new LongAdder());
    }
  }

  /** Records read from {@code vigil.detections}, good or bad. */
  public long processed() {
    return processed.sum();
  }

  /**
   * Records dropped because they did not open or decode (on the detections or the placement topic),
   * or named a camera or section not in the sites in force.
   */
  public long dropped() {
    return dropped.sum();
  }

  /** Detections whose (camera, event id) was seen within the de-duplication window. */
  public long duplicateEvents() {
    return duplicateEvents.sum();
  }

  /** Detections older than the task's stream time, not decided. */
  public long tooLate() {
    return tooLate.sum();
  }

  /** Second reads of one vehicle by one camera within its duplicate window. */
  public long duplicateReads() {
    return duplicateReads.sum();
  }

  /** Detections decided (each emits a passage). */
  public long decided() {
    return decided.sum();
  }

  /** Decided detections of exempt vehicles. */
  public long exempt() {
    return exempt.sum();
  }

  /** Placements sent to the tag partitions. */
  public long placementsRouted() {
    return placementsRouted.sum();
  }

  /** Placements placed in a tag partition's store. */
  public long placementsPlaced() {
    return placementsPlaced.sum();
  }

  /** Violations emitted of {@code type}: decisions by rule. */
  public long violations(ViolationType type) {
    return violations.get(type).sum();
  }

  /** From receipt by an ingest node to the emission of the passage of a decided detection. */
  public Latency decisionLatency() {
    return decisionLatency;
  }

  /**
   * From receipt by an ingest node (of the later sighting, for a section) to a violation's
   * emission.
   */
  public Latency violationLatency() {
    return violationLatency;
  }

  void countProcessed() {
    processed.increment();
  }

  void countDropped() {
    dropped.increment();
  }

  void countDuplicateEvent() {
    duplicateEvents.increment();
  }

  void countTooLate() {
    tooLate.increment();
  }

  void countDuplicateRead() {
    duplicateReads.increment();
  }

  void countDecided(boolean wasExempt) {
    decided.increment();
    if (wasExempt) {
      exempt.increment();
    }
  }

  void countRouted(int n) {
    placementsRouted.add(n);
  }

  void countPlaced() {
    placementsPlaced.increment();
  }

  void countViolation(ViolationType type) {
    violations.get(type).increment();
  }

  /** A latency summary: how many, their sum and the largest, in microseconds. */
  public static final class Latency {
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();
    private final LongAccumulator maxMicros = new LongAccumulator(Math::max, 0);

    void record(Duration d) {
      long micros = Math.max(0, d.toNanos() / 1000);
      count.increment();
      sumMicros.add(micros);
      maxMicros.accumulate(micros);
    }

    public long count() {
      return count.sum();
    }

    public long sumMicros() {
      return sumMicros.sum();
    }

    public long maxMicros() {
      return maxMicros.get();
    }
  }

  @Override
  public String toString() {
    return "TopologyMetrics[processed " + processed() + ", dropped " + dropped() + "]";
  }
}
