package org.vigil.http.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.TestClock;

class LiveRoutesTest {
  private final TestClock clock = TestClock.standard();
  private final LiveRoutes live = new LiveRoutes(null, clock);

  @Test
  void theRateSpansSecondsEvenWhenPolledInABurst() {
    clock.advance(Duration.ofSeconds(20));
    assertThat(live.rate(2000)).isEqualTo(100.0);
    // Regression: a burst of polls made the rate span milliseconds and read 0.
    for (int i = 1; i <= 5; i++) {
      clock.advance(Duration.ofMillis(3));
      assertThat(live.rate(2000 + i)).isGreaterThan(90);
    }
  }

  @Test
  void theRateFollowsTheLastSeconds() {
    long accepted = 0;
    for (int s = 0; s < 30; s++) {
      clock.advance(Duration.ofSeconds(1));
      accepted += s < 15 ? 100 : 300;
      live.rate(accepted);
    }
    assertThat(live.rate(accepted)).isEqualTo(300.0);
  }
}
