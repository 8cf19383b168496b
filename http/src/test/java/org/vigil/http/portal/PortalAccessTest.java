package org.vigil.http.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.TestClock;

class PortalAccessTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-05T08:00:00Z"));
  final PortalAccess access = new PortalAccess(new byte[32], clock);

  @Test
  void aTokenNamesItsNoticeUntilItExpires() {
    String token = access.issue("4701235891642");
    assertThat(access.verify(token)).hasValue("4701235891642");
    clock.advance(PortalAccess.LIFETIME.minus(Duration.ofSeconds(1)));
    assertThat(access.verify(token)).hasValue("4701235891642");
    clock.advance(Duration.ofSeconds(1));
    assertThat(access.verify(token)).isEmpty();
  }

  @Test
  void anAlteredOrForeignTokenIsWorthNothing() {
    String token = access.issue("4701235891642");
    String[] p = token.split("\\.");
    assertThat(access.verify(p[0] + "." + (Long.parseLong(p[1]) + 3600) + "." + p[2])).isEmpty();
    assertThat(access.verify("NDcwMTIzNTg5MTY0Mw." + p[1] + "." + p[2])).isEmpty();
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(new PortalAccess(other, clock).verify(token)).isEmpty();
    assertThat(access.verify("")).isEmpty();
    assertThat(access.verify("a.b.c")).isEmpty();
    assertThat(access.verify("x".repeat(600))).isEmpty();
    assertThat(access.verify(null)).isEmpty();
  }

  @Test
  void theCsrfValueBelongsToOneToken() {
    String a = access.issue("4701235891642");
    clock.advance(Duration.ofSeconds(1));
    String b = access.issue("4701235891642");
    assertThat(access.csrfMatches(a, access.csrf(a))).isTrue();
    assertThat(access.csrfMatches(b, access.csrf(a))).isFalse();
    assertThat(access.csrfMatches(a, null)).isFalse();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new PortalAccess(new byte[16], clock))
        .hasMessage("the portal's key must have at least 32 bytes, had 16");
  }
}
