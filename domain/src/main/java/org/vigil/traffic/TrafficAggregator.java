package org.vigil.traffic;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.detection.VehicleClass;

/**
 * Tallies passages in memory per camera, lane and minute (UTC), until they are {@link #drain
 * drained} to be stored. Thread-safe and cheap on the ingest path: there is no global lock, only
 * one small lock per camera, lane and minute, held for a few additions. A late passage simply adds
 * to its minute. Nothing of a passage is kept but what its tally counts.
 */
public final class TrafficAggregator implements PassageSink {
  private static final int CLASSES = VehicleClass.values().length;

  private record MinuteKey(String cameraId, int lane, long epochMinute) {}

  /**
   * The running tally of one minute at one place. A drain removes a cell from the map before it
   * marks it {@code drained}, so an addition either lands before the drain reads the cell or is
   * refused and retried on a fresh cell: none is lost, none is counted twice.
   */
  private static final class Cell {
    private long vehicles;
    private long measured;
    private long speedSumMilliKmh;
    private long overLimit;
    private final long[] classes = new long[CLASSES];
    private final long[] bins = new long[TrafficTally.TOP_BIN_KMH + 1];
    private boolean drained;

    /** Adds {@code p}; false when this cell was drained and the caller must use a new one. */
    synchronized boolean add(Passage p) {
      if (drained) {
        return false;
      }
      vehicles++;
      classes[p.vehicleClass().ordinal()]++;
      if (p.hasSpeed()) {
        measured++;
        speedSumMilliKmh += TrafficTally.milliKmh(p.speedKmh());
        bins[TrafficTally.bin(p.speedKmh())]++;
        if (p.overLimit()) {
          overLimit++;
        }
      }
      return true;
    }

    /** Adds {@code t}; false when this cell was drained and the caller must use a new one. */
    synchronized boolean add(TrafficTally t) {
      if (drained) {
        return false;
      }
      vehicles += t.vehicles();
      measured += t.measured();
      speedSumMilliKmh += t.speedSumMilliKmh();
      overLimit += t.overLimit();
      long[] c = t.classCounts();
      for (int i = 0; i < CLASSES; i++) {
        classes[i] += c[i];
      }
      long[] h = t.histogram();
      for (int i = 0; i < h.length; i++) {
        bins[t.histogramLow() + i] += h[i];
      }
      return true;
    }

    synchronized TrafficTally drain() {
      drained = true;
      return TrafficTally.trimmed(
          vehicles, measured, speedSumMilliKmh, overLimit, classes.clone(), 0, bins);
    }
  }

  private final ConcurrentHashMap<MinuteKey, Cell> cells = new ConcurrentHashMap<>();

  @Override
  public void accept(Passage passage) {
    MinuteKey key =
        new MinuteKey(
            passage.cameraId(),
            passage.lane(),
            Math.floorDiv(passage.observedAt().getEpochSecond(), 60));
    while (!cell(key).add(passage)) {
      // drained (and so removed from the map) between look-up and addition: use a fresh one
    }
  }

  /**
   * Adds tallies back, as if their passages were accepted again: for deltas that were drained but
   * could not be stored, so that the next drain returns them once more.
   *
   * @param tallies per camera, lane and minute start
   * @throws IllegalArgumentException naming a key whose start is not a whole minute
   */
  public void restore(Map<TrafficKey, TrafficTally> tallies) {
    for (Map.Entry<TrafficKey, TrafficTally> e : tallies.entrySet()) {
      TrafficKey k = e.getKey();
      if (!Resolution.MINUTE.isStart(k.start())) {
        throw new IllegalArgumentException("start must be a whole minute, was " + k.start());
      }
      MinuteKey key =
          new MinuteKey(k.cameraId(), k.lane(), Math.floorDiv(k.start().getEpochSecond(), 60));
      while (!cell(key).add(e.getValue())) {
        // drained between look-up and addition: use a fresh one
      }
    }
  }

  /**
   * Takes everything tallied since the last drain, per camera, lane and minute start, and starts
   * afresh. Every accepted passage is in exactly one drain. Only minutes that saw a passage are in
   * the answer.
   */
  public Map<TrafficKey, TrafficTally> drain() {
    Map<TrafficKey, TrafficTally> out = new HashMap<>();
    for (Map.Entry<MinuteKey, Cell> e : cells.entrySet()) {
      MinuteKey k = e.getKey();
      Cell cell = e.getValue();
      if (!cells.remove(k, cell)) {
        continue; // a concurrent drain took it
      }
      TrafficTally t = cell.drain();
      if (t.vehicles() > 0) {
        out.merge(
            new TrafficKey(k.cameraId(), k.lane(), Instant.ofEpochSecond(k.epochMinute() * 60)),
            t,
            TrafficTally::plus);
      }
    }
    return out;
  }

  private Cell cell(MinuteKey key) {
    Cell cell = cells.get(key);
    return cell != null ? cell : cells.computeIfAbsent(key, k -> new Cell());
  }
}
