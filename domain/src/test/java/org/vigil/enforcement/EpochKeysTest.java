package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.site.Sites;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/** Epoch keys rotate with stream time, pair passages across a boundary, and are destroyed. */
class EpochKeysTest {
  /** An epoch boundary: 07:00 is a whole number of minutes since 1970. */
  private static final Instant BOUNDARY = Instant.parse("2026-11-02T07:00:00Z");

  private final Sites sites =
      SitesBuilder.sites()
          .camera("A", 100, 10)
          .camera("B", 100, 10)
          .section("S-1", "A", "B", 1000, 90, 10)
          .build();

  @Test
  void aPassageAcrossAnEpochBoundaryIsStillPaired() {
    EpochKeys keys = new EpochKeys(new Random(1), Duration.ofMinutes(1));
    TestClock clock = new TestClock(BOUNDARY.minusSeconds(10));
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            keys,
            new StreamClock(clock, Duration.ZERO),
            clock,
            Exemptions.NONE);
    enforcer.decide(
        aDetection().camera("A").at(BOUNDARY.minusSeconds(10)).plate("111AAA01").build(),
        sites,
        BOUNDARY.minusSeconds(10));
    assertThat(keys.heldEpochs()).as("the entry needs the next epoch's key too").hasSize(2);
    clock.set(BOUNDARY.plusSeconds(15));
    Decision d =
        enforcer.decide(
            aDetection().camera("B").at(BOUNDARY.plusSeconds(15)).plate("111AAA01").build(),
            sites,
            BOUNDARY.plusSeconds(15));
    assertThat(((Decision.Decided) d).violations())
        .singleElement()
        .extracting(Violation::measuredSpeedKmh)
        .isEqualTo(144.0);
  }

  @Test
  void aKeyIsDestroyedOnceNoSightingCanNeedIt() {
    EpochKeys keys = new EpochKeys(new Random(2), Duration.ofMinutes(1));
    SectionSpeedRule rule = new SectionSpeedRule(new InMemorySectionSightings(), keys);
    rule.decide(aDetection().camera("A").at(BOUNDARY.minusSeconds(50)).plate("1A").build(), sites);
    long epoch = keys.epochOf(BOUNDARY.minusSeconds(50).toEpochMilli());
    EpochKeys.EpochKey key = keys.key(epoch);
    // window: t_min 36 s + δ 9 s; the epoch ends at BOUNDARY
    rule.forgetBefore(BOUNDARY.plusSeconds(44));
    assertThat(key.isDestroyed()).as("still needed by an entry seen late in the epoch").isFalse();
    rule.forgetBefore(BOUNDARY.plusSeconds(46));
    assertThat(key.isDestroyed()).isTrue();
    assertThat(key.bytesZeroed()).isTrue();
    assertThat(keys.heldEpochs()).doesNotContain(epoch);
    assertThatThrownBy(key::borrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("1A");
  }

  @Test
  void keysAreFreshPerEpochAndHidden() {
    EpochKeys keys = new EpochKeys(new Random(3), Duration.ofHours(1));
    byte[] a = keys.key(5).getEncoded();
    byte[] b = keys.key(6).getEncoded();
    assertThat(a).hasSize(32).isNotEqualTo(b);
    assertThat(keys.key(5).getEncoded()).isEqualTo(a);
    String hex = HexFormat.of().formatHex(a);
    assertThat(keys.toString()).doesNotContain(hex).contains("hidden");
    assertThat(keys.key(5).toString()).doesNotContain(hex).contains("hidden");
  }

  @Test
  void theTagIsAPureFunctionOfKeySectionPlateAndBucket() {
    byte[] key = new byte[32];
    key[0] = 1;
    Tag t = SectionTags.tag(key, "S-1", "111AAA01", 42);
    assertThat(SectionTags.tag(key.clone(), "S-1", "111AAA01", 42)).isEqualTo(t);
    assertThat(
            List.of(
                SectionTags.tag(key, "S-2", "111AAA01", 42),
                SectionTags.tag(key, "S-1", "111AAA02", 42),
                SectionTags.tag(key, "S-1", "111AAA01", 43)))
        .doesNotContain(t);
    assertThat(t.toString()).doesNotContain("111AAA01");
  }

  @Test
  void anEpochMustBeAtLeastASecond() {
    assertThatThrownBy(() -> new EpochKeys(new Random(4), Duration.ofMillis(999)))
        .hasMessageContaining("PT0.999S");
  }
}
