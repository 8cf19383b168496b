package org.vigil.pipeline;

import java.time.Clock;
import java.time.Duration;
import org.vigil.memory.Hash128;
import org.vigil.memory.Hash128Map;

/**
 * The events accepted recently, by camera and event id, so that a camera re-sending a batch is
 * acknowledged without deciding its events twice. Memory only: after a restart a re-sent event that
 * produced no violation is decided again (harmlessly, it produces none again), and one that did is
 * recognised by its violation's id.
 *
 * <p>An event is claimed before it is decided and released if its batch fails, so two concurrent
 * copies of one event never both count.
 *
 * <p>Design: an event is kept as a 128-bit hash of camera and event id (a false duplicate needs a
 * 128-bit collision) in primitive open-addressing tables, about 21 bytes an event, so that the
 * millions of events of a busy window cost little memory and nothing to the garbage collector. The
 * tables are split into 64 stripes, each with its own lock, and each stripe keeps two generations:
 * events claimed in the current window and in the one before. An event is thus remembered for at
 * least one window and at most two. When a stripe's current generation reaches its share of {@code
 * maxEvents}, it rotates early: under extreme load the window shortens rather than memory growing.
 */
final class EventWindow {
  private static final int STRIPES = 64;

  private final Stripe[] stripes = new Stripe[STRIPES];
  private final long windowNanos;
  private final int maxPerGeneration;
  private final Clock clock;

  /**
   * @param window how long an event is remembered at least
   * @param maxEvents about how many events are remembered at most
   * @param clock the clock (a test clock in tests)
   */
  EventWindow(Duration window, long maxEvents, Clock clock) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("dedup window must be positive, was " + window);
    }
    if (maxEvents < 2L * STRIPES) {
      throw new IllegalArgumentException(
          "maxRememberedEvents must be at least " + 2 * STRIPES + ", was " + maxEvents);
    }
    this.windowNanos = window.toNanos();
    this.maxPerGeneration = (int) Math.min(Integer.MAX_VALUE / 4, maxEvents / 2 / STRIPES);
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** Claims the event; false when it was claimed already (a duplicate). */
  boolean claim(String cameraId, String eventId) {
    long a = hashA(cameraId, eventId);
    long b = hashB(cameraId, eventId);
    Stripe s = stripes[(int) (a >>> 58)];
    long now = nanos();
    synchronized (s) {
      s.rotateIfDue(now, windowNanos);
      if (s.current.containsKey(a, b) || s.previous.containsKey(a, b)) {
        return false;
      }
      s.current.put(a, b, 0);
      if (s.current.size() >= maxPerGeneration) {
        s.rotate(now);
      }
      return true;
    }
  }

  /** Gives up a claim, so that the event counts as new when it is sent again. */
  void release(String cameraId, String eventId) {
    long a = hashA(cameraId, eventId);
    long b = hashB(cameraId, eventId);
    Stripe s = stripes[(int) (a >>> 58)];
    synchronized (s) {
      s.current.remove(a, b);
      s.previous.remove(a, b);
    }
  }

  /** How many events are remembered now, for metrics and tests. */
  long size() {
    long n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.current.size() + s.previous.size();
      }
    }
    return n;
  }

  private long nanos() {
    var now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static final class Stripe {
    Hash128Map current = new Hash128Map();
    Hash128Map previous = new Hash128Map();
    long startedAt = Long.MIN_VALUE;

    void rotateIfDue(long now, long windowNanos) {
      if (startedAt == Long.MIN_VALUE) {
        startedAt = now;
      } else if (now - startedAt >= 2 * windowNanos) {
        current = new Hash128Map();
        previous = new Hash128Map();
        startedAt = now;
      } else if (now - startedAt >= windowNanos) {
        rotate(now);
      }
    }

    void rotate(long now) {
      previous = current;
      current = new Hash128Map();
      startedAt = now;
    }
  }

  static long hashA(String cameraId, String eventId) {
    return Hash128.a(cameraId, eventId);
  }

  static long hashB(String cameraId, String eventId) {
    return Hash128.b(cameraId, eventId);
  }
}
