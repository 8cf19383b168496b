package org.vigil.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * The events accepted recently, by camera and event id, so that a camera re-sending a batch is
 * acknowledged without deciding its events twice. Memory only: after a restart a re-sent event that
 * produced no violation is decided again (harmlessly, it produces none again), and one that did is
 * recognised by its violation's id.
 *
 * <p>An event is claimed before it is decided and released if its batch fails, so two concurrent
 * copies of one event never both count.
 */
final class EventWindow {
  private record Key(String cameraId, String eventId) {}

  private final Cache<Key, Boolean> seen;

  EventWindow(Duration window, long maxEvents, Clock clock) {
    this.seen =
        Caffeine.newBuilder()
            .expireAfterWrite(window)
            .maximumSize(maxEvents)
            .ticker(clockTicker(clock))
            .build();
  }

  /** Claims the event; false when it was claimed already (a duplicate). */
  boolean claim(String cameraId, String eventId) {
    return seen.asMap().putIfAbsent(new Key(cameraId, eventId), Boolean.TRUE) == null;
  }

  /** Gives up a claim, so that the event counts as new when it is sent again. */
  void release(String cameraId, String eventId) {
    seen.invalidate(new Key(cameraId, eventId));
  }

  private static Ticker clockTicker(Clock clock) {
    Clock base = clock;
    return () -> {
      var now = base.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }
}
