package org.vigil.http.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Slows down guessing in the citizen portal, where a notice number and a plate together open a
 * case: after {@value #MAX_FAILURES} failed attempts within {@link #WINDOW} (15 minutes) from one
 * client address, or for one notice number from anywhere, further attempts from that address or for
 * that number must wait until the oldest of those failures is 15 minutes old. The wait is stated to
 * the visitor (see {@link Wait}).
 *
 * <p><b>The caller's contract</b>, which is what keeps the portal from telling whether a notice
 * exists:
 *
 * <ol>
 *   <li>Call {@link #check} before looking anything up. On {@link Wait}, answer the wait (the same
 *       status and text for every pair, right or wrong: {@code portal.wait}, e.g. 429 with {@code
 *       Retry-After}) and do not look up the pair.
 *   <li>Otherwise look the pair up, and treat <em>an unknown notice number</em> and <em>a known
 *       number with another plate</em> identically: call {@link #failed} and answer with the same
 *       status and the same text ({@code portal.notFound}), after the same work (compare the plate
 *       even when there is no notice, against a dummy).
 *   <li>A success neither resets nor records anything: an attacker holding one real notice cannot
 *       earn more guesses by interleaving it.
 * </ol>
 *
 * <p>State lives in memory only and is bounded: at most {@code maxTracked} addresses and as many
 * notice numbers are remembered (least recently used go first), each for one window after its last
 * failure. A flood big enough to push a number out of memory needs thousands of addresses, each
 * itself limited to {@value #MAX_FAILURES} tries per window. Counts are per node; a portal behind a
 * load balancer with several nodes multiplies the tries by the number of nodes. Check-then-record
 * is not atomic, so a burst of concurrent requests may exceed the limit by the number in flight.
 *
 * <p>Thread-safe. Time comes from the injected clock.
 */
public final class PortalThrottle {
  /** Failures allowed within the window. */
  public static final int MAX_FAILURES = 5;

  /** The window over which failures count. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** How many addresses, and how many notice numbers, are remembered at most. */
  public static final long MAX_TRACKED = 100_000;

  /** The answer of {@link #check}. */
  public sealed interface Decision {}

  /** The attempt may go ahead. */
  public record Allowed() implements Decision {}

  /**
   * The attempt must wait until {@code until}, i.e. for {@code retryAfter} (for the {@code
   * Retry-After} header); {@link #minutes} is the wait rounded up to whole minutes for the {@code
   * portal.wait} text.
   */
  public record Wait(Instant until, Duration retryAfter) implements Decision {
    /** The wait in whole minutes, rounded up, at least 1. */
    public long minutes() {
      long m = (retryAfter.toSeconds() + 59) / 60;
      return Math.max(1, m);
    }
  }

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Cache<String, Failures> byClient;
  private final Cache<String, Failures> byNotice;

  /** The portal's throttle: {@value #MAX_FAILURES} failures per 15 minutes. */
  public PortalThrottle(Clock clock) {
    this(clock, MAX_FAILURES, WINDOW, MAX_TRACKED);
  }

  /**
   * A throttle of {@code maxFailures} per {@code window}, remembering at most {@code maxTracked}
   * addresses and as many notice numbers.
   */
  public PortalThrottle(Clock clock, int maxFailures, Duration window, long maxTracked) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    if (maxTracked < 1) {
      throw new IllegalArgumentException("maxTracked must be at least 1, was " + maxTracked);
    }
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
    this.byClient = cache(clock, window, maxTracked);
    this.byNotice = cache(clock, window, maxTracked);
  }

  /**
   * Whether an attempt from {@code clientAddress} for {@code noticeNumber} may go ahead now; when
   * both are held back, the longer wait.
   */
  public Decision check(String clientAddress, String noticeNumber) {
    Instant now = clock.instant();
    Instant until =
        later(
            lockedUntil(byClient, clientAddress, now),
            lockedUntil(byNotice, key(noticeNumber), now));
    return until == null ? new Allowed() : new Wait(until, Duration.between(now, until));
  }

  /** Records a failed attempt (a wrong pair or an unknown notice: the same) against both. */
  public void failed(String clientAddress, String noticeNumber) {
    Instant now = clock.instant();
    record(byClient, clientAddress, now);
    record(byNotice, key(noticeNumber), now);
  }

  private Instant lockedUntil(Cache<String, Failures> cache, String key, Instant now) {
    Failures f = cache.getIfPresent(key);
    return f == null ? null : f.lockedUntil(now, maxFailures, window);
  }

  private void record(Cache<String, Failures> cache, String key, Instant now) {
    // asMap().compute writes the entry, which restarts its expiry: one window after the last
    // failure
    cache
        .asMap()
        .compute(
            key,
            (k, f) -> {
              Failures next = f == null ? new Failures() : f;
              next.add(now, maxFailures);
              return next;
            });
  }

  /** One notice number however it was typed: no spaces or dashes, one case. */
  private static String key(String noticeNumber) {
    return noticeNumber.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static Cache<String, Failures> cache(Clock clock, Duration window, long maxTracked) {
    return Caffeine.newBuilder()
        .maximumSize(maxTracked)
        .expireAfterWrite(window)
        .ticker(ticker(clock))
        .executor(Runnable::run)
        .build();
  }

  private static Ticker ticker(Clock clock) {
    return () -> {
      Instant i = clock.instant();
      return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    };
  }

  /** The last {@code maxFailures} failures of one key, oldest first. */
  private static final class Failures {
    private final ArrayDeque<Instant> times = new ArrayDeque<>();

    synchronized void add(Instant at, int maxFailures) {
      times.addLast(at);
      while (times.size() > maxFailures) {
        times.removeFirst();
      }
    }

    /** When the key may try again, or null when it may now. */
    synchronized Instant lockedUntil(Instant now, int maxFailures, Duration window) {
      if (times.size() < maxFailures) {
        return null;
      }
      Instant until = times.peekFirst().plus(window);
      return until.isAfter(now) ? until : null;
    }
  }
}
