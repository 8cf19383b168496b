package org.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.TestClock;

class EventWindowTest {
  private final TestClock clock = TestClock.standard();
  private final EventWindow window = new EventWindow(Duration.ofMinutes(2), 1_000_000, clock);

  @Test
  void anEventIsClaimedOnceUntilReleased() {
    assertThat(window.claim("B-003", "17")).isTrue();
    assertThat(window.claim("B-003", "17")).isFalse();
    assertThat(window.claim("B-007", "17")).as("event ids are unique per camera only").isTrue();
    assertThat(window.claim("B-0031", "7")).as("no confusion at the boundary").isTrue();
    window.release("B-003", "17");
    assertThat(window.claim("B-003", "17")).isTrue();
  }

  @Test
  void eventsAreRememberedForAtLeastOneWindowAndAtMostTwo() {
    window.claim("B-003", "1");
    clock.advance(Duration.ofSeconds(119));
    assertThat(window.claim("B-003", "1")).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(window.claim("B-003", "1")).as("still in the previous generation").isFalse();
    clock.advance(Duration.ofMinutes(4));
    assertThat(window.claim("B-003", "1")).isTrue();
  }

  @Test
  void underExtremeLoadTheWindowShortensInsteadOfGrowing() {
    EventWindow small = new EventWindow(Duration.ofHours(1), 128 * 100, clock);
    for (int i = 0; i < 1_000_000; i++) {
      small.claim("C", Integer.toString(i));
    }
    assertThat(small.size()).isLessThanOrEqualTo(128 * 100);
  }
}
