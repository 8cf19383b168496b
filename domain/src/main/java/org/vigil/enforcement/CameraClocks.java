package org.vigil.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each camera's clock is off, estimated from when its detections arrive.
 *
 * <p>Every detection took some time to arrive, never less than none: receipt time minus {@code
 * observedAt} is the delay minus the camera's clock offset. The smallest such difference over the
 * last minutes is therefore the best estimate of the offset (negated): a camera 4 s ahead shows
 * differences near −4 s, one 4 s behind near +4 s plus its smallest delay. The estimate is kept per
 * minute of receipt time and covers the last {@link #WINDOW}.
 */
public final class CameraClocks {
  /** How much recent traffic an estimate covers. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final Map<String, Track> tracks = new ConcurrentHashMap<>();

  /** Notes that a detection of {@code cameraId} observed at {@code observedAt} arrived. */
  public void observe(String cameraId, Instant observedAt, Instant receivedAt) {
    tracks.computeIfAbsent(cameraId, id -> new Track()).observe(observedAt, receivedAt);
  }

  /** The camera's clock state, or empty when it has sent nothing recently. */
  public Optional<ClockReading> reading(String cameraId) {
    Track t = tracks.get(cameraId);
    return t == null ? Optional.empty() : t.reading();
  }

  /**
   * What is known of one camera's clock.
   *
   * @param offset how far its clock runs ahead (positive) or behind (negative), at best
   * @param lastReceivedAt when its latest detection arrived
   */
  public record ClockReading(Duration offset, Instant lastReceivedAt) {

    /** Whether the clock is off by more than {@code allowed}. */
    public boolean driftsMoreThan(Duration allowed) {
      return offset.abs().compareTo(allowed) > 0;
    }
  }

  private static final class Track {
    private final TreeMap<Long, Long> smallestDelayMicrosByMinute = new TreeMap<>();
    private long smallestDelayMicros = Long.MAX_VALUE;
    private Instant lastReceivedAt;

    synchronized void observe(Instant observedAt, Instant receivedAt) {
      if (lastReceivedAt == null || receivedAt.isAfter(lastReceivedAt)) {
        lastReceivedAt = receivedAt;
      }
      long minute = receivedAt.getEpochSecond() / 60;
      long delay = Duration.between(observedAt, receivedAt).toNanos() / 1000;
      Long before = smallestDelayMicrosByMinute.get(minute);
      boolean changed = false;
      if (before == null || delay < before) {
        smallestDelayMicrosByMinute.put(minute, delay);
        changed = true;
      }
      long oldest = minute - WINDOW.toMinutes() + 1;
      while (smallestDelayMicrosByMinute.firstKey() < oldest) {
        smallestDelayMicrosByMinute.pollFirstEntry();
        changed = true;
      }
      if (changed) {
        long smallest = Long.MAX_VALUE;
        for (long d : smallestDelayMicrosByMinute.values()) {
          smallest = Math.min(smallest, d);
        }
        smallestDelayMicros = smallest;
      }
    }

    synchronized Optional<ClockReading> reading() {
      if (lastReceivedAt == null) {
        return Optional.empty();
      }
      return Optional.of(
          new ClockReading(Duration.ofNanos(-smallestDelayMicros * 1000), lastReceivedAt));
    }
  }
}
