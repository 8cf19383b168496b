package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.vigil.detection.Detection;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.testkit.SitesBuilder;

/**
 * Around the threshold, and across epoch boundaries (one-minute epochs): tags meet for every
 * violator and for no vehicle slower by a whole bucket, and the violation is the plain rule's.
 */
class SectionTagsPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");
  private static final Sites SITES =
      SitesBuilder.sites()
          .camera("A", 100, 10)
          .camera("B", 100, 10)
          .section("S", "A", "B", 1000, 90, 10)
          .build();
  private static final Section SECTION = SITES.section("S").orElseThrow();

  @Property(tries = 500)
  void tagsMeetForEveryViolatorAndNoClearlyLegalVehicle(
      @ForAll @LongRange(min = 0, max = 600_000) long entryMillis,
      @ForAll @LongRange(min = 1, max = 80_000) long travelMillis,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll boolean exitFirst) {
    EpochKeys keys = new EpochKeys(new Random(seed), Duration.ofMinutes(1));
    Instant in = T0.plusMillis(entryMillis);
    Instant out = in.plusMillis(travelMillis);
    Duration travel = Duration.ofMillis(travelMillis);
    long width = SectionTags.bucketMillis(SECTION);

    Set<Tag> entryTags = new HashSet<>();
    long first = SectionTags.bucketOf(in, width);
    long last = SectionTags.lastBucket(in, SECTION.shortestLegalTravelTime(), width);
    for (long b = first; b <= last; b++) {
      entryTags.add(tag(keys, b, width));
    }
    boolean meet = entryTags.contains(tag(keys, SectionTags.bucketOf(out, width), width));
    boolean speeding = SECTION.isSpeeding(travel, SECTION.limit());
    if (speeding) {
      assertThat(meet).as("a violator's tags meet").isTrue();
    }
    if (travel.compareTo(SECTION.shortestLegalTravelTime().plusMillis(width)) >= 0) {
      assertThat(meet).as("a vehicle slower by a bucket shares no tag").isFalse();
    }

    SectionSpeedRule rule = new SectionSpeedRule(new InMemorySectionSightings(), keys);
    Detection entry = aDetection().eventId("e").camera("A").at(in).plate("111AAA01").build();
    Detection exit = aDetection().eventId("x").camera("B").at(out).plate("111AAA01").build();
    List<Violation> found =
        exitFirst
            ? concat(rule.decide(exit, SITES), rule.decide(entry, SITES))
            : concat(rule.decide(entry, SITES), rule.decide(exit, SITES));
    assertThat(found.stream().map(Violation::id).toList())
        .isEqualTo(
            speeding
                ? List.of(Violation.idOf(ViolationType.SECTION_SPEED, "S", List.of("A/e", "B/x")))
                : List.of());
  }

  private static Tag tag(EpochKeys keys, long bucket, long width) {
    return SectionTags.tag(
        keys.key(keys.epochOf(bucket * width)).getEncoded(), "S", "111AAA01", bucket);
  }

  private static List<Violation> concat(List<Violation> a, List<Violation> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
