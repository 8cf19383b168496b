package org.vigil.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.vigil.memory.Hash128;
import org.vigil.memory.Hash128Map;

/**
 * The plates each camera read in the last seconds, so that a second read of one vehicle (a camera
 * often reads a plate twice as it passes) is recognised as the same sighting.
 *
 * <p>A read is a duplicate when the same camera read the same plate, by its match key, within the
 * camera's duplicate window of it, earlier or later. The first read to arrive stands for the
 * sighting. Reads are remembered for {@link #REMEMBERED} to {@code 2 × REMEMBERED} of the server's
 * time; a duplicate arriving later than that counts as a new sighting.
 *
 * <p>Design: memory only, as a 128-bit hash of camera and plate mapped to the read's time, in 64
 * locked stripes of two generations each (see {@link Hash128Map}): a busy minute costs a few bytes
 * a read and no garbage. Nothing is ever written anywhere.
 */
public final class RecentReads {
  /** How long a read is remembered at least, by the server's clock. */
  public static final Duration REMEMBERED = Duration.ofSeconds(15);

  private static final int STRIPES = 64;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final Clock clock;

  public RecentReads(Clock clock) {
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /**
   * Notes that {@code cameraId} read {@code plateKey} at {@code observedAt}.
   *
   * @return true for a new sighting; false when it duplicates a remembered read within {@code
   *     window}
   */
  public boolean firstRead(String cameraId, String plateKey, Instant observedAt, Duration window) {
    long a = Hash128.a(cameraId, plateKey);
    long b = Hash128.b(cameraId, plateKey);
    long micros = observedAt.getEpochSecond() * 1_000_000L + observedAt.getNano() / 1000;
    long windowMicros = Math.max(1, window.toNanos() / 1000);
    long bucket = Math.floorDiv(micros, windowMicros);
    long now = clock.millis();
    Stripe s = stripes[(int) (a >>> 58)];
    synchronized (s) {
      s.rotateIfDue(now);
      for (long near = bucket - 1; near <= bucket + 1; near++) {
        long seen = s.get(Hash128.with(a, near), Hash128.with(b, near));
        if (seen != Hash128Map.MISSING && Math.abs(seen - micros) <= windowMicros) {
          return false;
        }
      }
      s.current.put(Hash128.with(a, bucket), Hash128.with(b, bucket), micros);
      return true;
    }
  }

  /**
   * Forgets the read of {@code plateKey} by {@code cameraId} at exactly {@code observedAt}, so that
   * the same read sent again counts as a new sighting: for a batch that could not be made durable.
   */
  public void forget(String cameraId, String plateKey, Instant observedAt, Duration window) {
    long a = Hash128.a(cameraId, plateKey);
    long b = Hash128.b(cameraId, plateKey);
    long micros = observedAt.getEpochSecond() * 1_000_000L + observedAt.getNano() / 1000;
    long bucket = Math.floorDiv(micros, Math.max(1, window.toNanos() / 1000));
    long ka = Hash128.with(a, bucket);
    long kb = Hash128.with(b, bucket);
    Stripe s = stripes[(int) (a >>> 58)];
    synchronized (s) {
      if (s.current.get(ka, kb) == micros) {
        s.current.remove(ka, kb);
      }
      if (s.previous.get(ka, kb) == micros) {
        s.previous.remove(ka, kb);
      }
    }
  }

  /** How many reads are remembered, for tests and metrics. */
  public long size() {
    long n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.current.size() + s.previous.size();
      }
    }
    return n;
  }

  private static final class Stripe {
    Hash128Map current = new Hash128Map();
    Hash128Map previous = new Hash128Map();
    long startedAt = Long.MIN_VALUE;

    long get(long a, long b) {
      long seen = current.get(a, b);
      return seen != Hash128Map.MISSING ? seen : previous.get(a, b);
    }

    void rotateIfDue(long now) {
      long generation = REMEMBERED.toMillis();
      if (startedAt == Long.MIN_VALUE) {
        startedAt = now;
      } else if (now - startedAt >= 2 * generation) {
        current.clear();
        previous.clear();
        startedAt = now;
      } else if (now - startedAt >= generation) {
        Hash128Map spare = previous;
        spare.clear();
        previous = current;
        current = spare;
        startedAt = now;
      }
    }
  }
}
