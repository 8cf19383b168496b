package org.vigil.http.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.TestClock;

class WindowThrottleTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-05T08:00:00Z"));
  final WindowThrottle throttle = new WindowThrottle(clock, 4, 2, Duration.ofMinutes(15));

  @Test
  void aNoticeNumberIsLockedAfterItsFailuresWhoeverTries() {
    throttle.failed("10.0.0.1", "N1");
    clock.advance(Duration.ofMinutes(5));
    throttle.failed("10.0.0.2", "N1");
    assertThat(throttle.refusal("10.0.0.3", "N1")).hasValue(Duration.ofMinutes(10));
    assertThat(throttle.refusal("10.0.0.3", "N2")).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.refusal("10.0.0.3", "N1")).isEmpty();
  }

  @Test
  void aClientIsLockedAfterItsFailuresWhateverItTries() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", "N" + i);
    }
    assertThat(throttle.refusal("10.0.0.1", "N9")).hasValue(Duration.ofMinutes(15));
    assertThat(throttle.refusal("10.0.0.2", "N9")).isEmpty();
  }

  @Test
  void aNewWindowStartsAfterTheOldOneEnds() {
    throttle.failed("c", "N");
    clock.advance(Duration.ofMinutes(15));
    throttle.failed("c", "N");
    assertThat(throttle.refusal("c", "N")).isEmpty();
    throttle.failed("c", "N");
    assertThat(throttle.refusal("c", "N")).hasValue(Duration.ofMinutes(15));
  }
}
