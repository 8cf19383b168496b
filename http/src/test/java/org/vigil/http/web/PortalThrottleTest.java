package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.TestClock;

class PortalThrottleTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
  final PortalThrottle throttle = new PortalThrottle(clock);

  @Test
  void fiveFailuresFromOneAddressMakeItWaitUntilTheFirstIsFifteenMinutesOld() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.check("10.0.0.1", "N-" + i)).isInstanceOf(PortalThrottle.Allowed.class);
      throttle.failed("10.0.0.1", "N-" + i);
      clock.advance(Duration.ofMinutes(1));
    }
    // 08:05: failures at 08:00..08:04; the first leaves the window at 08:15
    PortalThrottle.Decision d = throttle.check("10.0.0.1", "OTHER");
    assertThat(d)
        .isEqualTo(
            new PortalThrottle.Wait(Instant.parse("2026-11-02T08:15:00Z"), Duration.ofMinutes(10)));
    assertThat(((PortalThrottle.Wait) d).minutes()).isEqualTo(10);
    assertThat(throttle.check("10.0.0.2", "OTHER")).isInstanceOf(PortalThrottle.Allowed.class);

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(throttle.check("10.0.0.1", "OTHER")).isInstanceOf(PortalThrottle.Wait.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.check("10.0.0.1", "OTHER")).isInstanceOf(PortalThrottle.Allowed.class);
    // one more failure: 08:01..08:04 are still in the window, so five again until 08:16
    throttle.failed("10.0.0.1", "OTHER");
    assertThat(throttle.check("10.0.0.1", "X"))
        .isEqualTo(
            new PortalThrottle.Wait(Instant.parse("2026-11-02T08:16:00Z"), Duration.ofMinutes(1)));
  }

  @Test
  void fiveFailuresForOneNoticeFromAnywhereHoldThatNoticeBackHoweverItIsTyped() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.1." + i, i % 2 == 0 ? "KZ-2026-000123" : " kz 2026 000123 ");
    }
    assertThat(throttle.check("192.168.5.5", "KZ2026000123"))
        .isInstanceOf(PortalThrottle.Wait.class);
    assertThat(throttle.check("192.168.5.5", "KZ2026000124"))
        .isInstanceOf(PortalThrottle.Allowed.class);
  }

  @Test
  void theLongerOfTwoWaitsIsStatedAndAtLeastOneMinute() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.9", "A" + i);
    }
    clock.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.2." + i, "B");
    }
    PortalThrottle.Wait w = (PortalThrottle.Wait) throttle.check("10.0.0.9", "B");
    assertThat(w.retryAfter()).isEqualTo(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    PortalThrottle.Wait last = (PortalThrottle.Wait) throttle.check("10.0.3.1", "B");
    assertThat(last.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(last.minutes()).isEqualTo(1);
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlyUsed() {
    PortalThrottle small = new PortalThrottle(clock, 2, Duration.ofMinutes(15), 10);
    small.failed("a", "n");
    small.failed("a", "n");
    assertThat(small.check("a", "m")).isInstanceOf(PortalThrottle.Wait.class);
    for (int i = 0; i < 1000; i++) {
      small.failed("flood-" + i, "flood-" + i);
    }
    // a bounded throttle forgets: that is the price of the bound (see the class comment)
    assertThat(small.check("a", "m")).isInstanceOf(PortalThrottle.Allowed.class);
  }
}
