package org.vigil.http.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OpenThrottle} in memory: at most {@code perClient} failures of one client and {@code
 * perNotice} failures at one notice number within a window that starts at the first failure; when
 * either is reached, further attempts are refused until that window ends. Keys are held only while
 * their window lasts; past {@link #MAX_KEYS} keys, ended windows are swept. One node's memory: a
 * cluster behind a load balancer multiplies the limits by its size.
 */
public final class WindowThrottle implements OpenThrottle {
  /** The most keys held before ended windows are swept. */
  static final int MAX_KEYS = 100_000;

  private record Window(Instant start, int failures) {}

  private final Clock clock;
  private final int perClient;
  private final int perNotice;
  private final Duration window;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public WindowThrottle(Clock clock, int perClient, int perNotice, Duration window) {
    if (perClient < 1 || perNotice < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "throttle limits must be positive, were "
              + perClient
              + " per client, "
              + perNotice
              + " per notice in "
              + window);
    }
    this.clock = clock;
    this.perClient = perClient;
    this.perNotice = perNotice;
    this.window = window;
  }

  /** 10 failures per client and 5 per notice number in 15 minutes. */
  public static WindowThrottle standard(Clock clock) {
    return new WindowThrottle(clock, 10, 5, Duration.ofMinutes(15));
  }

  @Override
  public Optional<Duration> refusal(String client, String noticeNumber) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    wait = longer(wait, waitFor("c:" + client, perClient, now));
    wait = longer(wait, waitFor("n:" + noticeNumber, perNotice, now));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  @Override
  public void failed(String client, String noticeNumber) {
    Instant now = clock.instant();
    if (windows.size() > MAX_KEYS) {
      windows.entrySet().removeIf(e -> ended(e.getValue(), now));
    }
    count("c:" + client, now);
    count("n:" + noticeNumber, now);
  }

  private void count(String key, Instant now) {
    windows.compute(
        key,
        (k, w) ->
            w == null || ended(w, now)
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
  }

  private Duration waitFor(String key, int limit, Instant now) {
    Window w = windows.get(key);
    if (w == null || ended(w, now) || w.failures() < limit) {
      return Duration.ZERO;
    }
    return Duration.between(now, w.start().plus(window));
  }

  private boolean ended(Window w, Instant now) {
    return !now.isBefore(w.start().plus(window));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
