package org.vigil.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.vigil.postgres.PostgresUsers.Failures;

class LockoutPropertiesTest {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  @Test
  void theFifthFailureWithinTheWindowLocksForFifteenMinutes() {
    Failures f = Failures.NONE;
    Instant t = T0;
    for (int i = 0; i < 4; i++) {
      f = Lockout.afterFailure(f, t);
      assertThat(Lockout.locked(f, t)).isFalse();
      t = t.plus(Duration.ofMinutes(3));
    }
    f = Lockout.afterFailure(f, t);
    assertThat(Lockout.locked(f, t)).isTrue();
    assertThat(f.lockedUntil()).isEqualTo(t.plus(Duration.ofMinutes(15)));
    assertThat(Lockout.locked(f, t.plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
    assertThat(Lockout.locked(f, t.plus(Duration.ofMinutes(15)))).isFalse();
    Failures after = Lockout.afterFailure(f, t.plus(Duration.ofMinutes(15)));
    assertThat(after.count()).isEqualTo(1);
    assertThat(after.lockedUntil()).isNull();
  }

  @Property
  void fewerThanFiveFailuresNeverLock(
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 3600) Integer> gapsSeconds) {
    Failures f = Failures.NONE;
    Instant t = T0;
    for (int gap : gapsSeconds) {
      t = t.plusSeconds(gap);
      f = Lockout.afterFailure(f, t);
      assertThat(Lockout.locked(f, t)).isFalse();
    }
  }

  @Property
  void fiveFailuresWithinTheWindowLockAtTheFifth(
      @ForAll @Size(4) List<@IntRange(min = 0, max = 224) Integer> gapsSeconds) {
    Failures f = Lockout.afterFailure(Failures.NONE, T0);
    Instant t = T0;
    for (int gap : gapsSeconds) {
      t = t.plusSeconds(gap);
      f = Lockout.afterFailure(f, t);
    }
    assertThat(Lockout.locked(f, t)).isTrue();
    assertThat(f.lockedUntil()).isEqualTo(t.plus(Lockout.LOCK));
  }

  @Property
  void aLockNeverOutlastsFifteenMinutesAfterTheFailureThatSetItAndIsNotProlonged(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 600) Integer> gapsSeconds) {
    Failures f = Failures.NONE;
    Instant t = T0;
    for (int gap : gapsSeconds) {
      t = t.plusSeconds(gap);
      boolean wasLocked = Lockout.locked(f, t);
      Failures next = Lockout.afterFailure(f, t);
      if (wasLocked) {
        assertThat(next).isEqualTo(f);
      }
      if (Lockout.locked(next, t)) {
        assertThat(Duration.between(t, next.lockedUntil())).isLessThanOrEqualTo(Lockout.LOCK);
      }
      assertThat(next.count()).isBetween(1, Lockout.MAX_FAILURES);
      f = next;
    }
  }
}
