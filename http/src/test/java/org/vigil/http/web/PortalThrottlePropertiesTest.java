package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vigil.testkit.TestClock;

/**
 * The throttle against a model that keeps every failure and counts those inside the window: the
 * same decision and the same wait, for any sequence of failures, checks and passing time.
 */
class PortalThrottlePropertiesTest {
  private static final Duration WINDOW = Duration.ofMinutes(15);

  /**
   * One step: advance by {@code seconds}, then fail (or just check) {@code client}/{@code notice}.
   */
  record Step(int seconds, boolean fail, int client, int notice) {}

  @Property(tries = 300)
  void agreesWithCountingEveryFailureInTheWindow(
      @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 6) int max) {
    TestClock clock = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
    PortalThrottle throttle = new PortalThrottle(clock, max, WINDOW, 1_000);
    Map<String, List<Instant>> model = new HashMap<>();
    for (Step s : steps) {
      clock.advance(Duration.ofSeconds(s.seconds()));
      Instant now = clock.instant();
      String client = "c" + s.client();
      String notice = "N" + s.notice();
      Instant until =
          later(until(model, "c:" + client, now, max), until(model, "n:" + notice, now, max));
      PortalThrottle.Decision expected =
          until == null
              ? new PortalThrottle.Allowed()
              : new PortalThrottle.Wait(until, Duration.between(now, until));
      assertThat(throttle.check(client, notice)).isEqualTo(expected);
      if (s.fail()) {
        throttle.failed(client, notice);
        model.computeIfAbsent("c:" + client, k -> new ArrayList<>()).add(now);
        model.computeIfAbsent("n:" + notice, k -> new ArrayList<>()).add(now);
      }
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 400),
                Arbitraries.of(true, true, false),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3))
            .as(Step::new);
    return step.list().ofMaxSize(80);
  }

  /** The model: locked while at least {@code max} failures lie in (now − window, now]. */
  private static Instant until(Map<String, List<Instant>> model, String key, Instant now, int max) {
    List<Instant> inWindow =
        model.getOrDefault(key, List.of()).stream()
            .filter(t -> t.plus(WINDOW).isAfter(now))
            .toList();
    if (inWindow.size() < max) {
      return null;
    }
    // the max-th most recent failure decides when the count drops below max
    return inWindow.get(inWindow.size() - max).plus(WINDOW);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
