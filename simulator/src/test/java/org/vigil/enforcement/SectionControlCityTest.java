package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.detection.Detection;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;
import org.vigil.site.Section;
import org.vigil.site.Sites;

/**
 * Section control by keyed tags over a simulated city: it finds exactly the violations the plain
 * rule found, and what it keeps pairs no compliant vehicle's entry with its exit.
 */
class SectionControlCityTest {
  private static final int N = 60_000;
  private static final Duration LATENESS = Duration.ofMinutes(2);

  @Test
  void findsExactlyTheViolationsOfThePlainRule() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.1));
    Sites sites = city.sites();
    EpochKeys keys = new EpochKeys(new Random(7), Duration.ofSeconds(30));
    long firstEpoch = -1;
    SectionSpeedRule tagged = new SectionSpeedRule(new InMemorySectionSightings(), keys);
    PlainSectionSpeedRule plain = new PlainSectionSpeedRule();
    Instant newest = Instant.EPOCH;
    int violations = 0;
    int i = 0;
    for (SimulatedDetection s : city.next(N)) {
      Detection d = s.detection();
      firstEpoch = firstEpoch < 0 ? keys.epochOf(d.observedAt().toEpochMilli()) : firstEpoch;
      newest = d.observedAt().isAfter(newest) ? d.observedAt() : newest;
      List<Violation> expected = plain.decide(d, sites);
      assertThat(tagged.decide(d, sites)).as("violations of %s", d).isEqualTo(expected);
      violations += expected.size();
      if (++i % 500 == 0) {
        plain.forgetBefore(newest.minus(Duration.ofSeconds(10)));
        tagged.forgetBefore(newest.minus(Duration.ofSeconds(10)));
      }
    }
    assertThat(violations).as("section violations in the city").isGreaterThan(50);
    assertThat(keys.heldEpochs()[0]).as("old epoch keys are destroyed").isGreaterThan(firstEpoch);
    assertThat(keys.heldEpochs().length).as("epoch keys held").isLessThanOrEqualTo(12);
  }

  @Test
  void nothingKeptPairsTheEntryAndExitOfACompliantVehicle() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.1));
    Sites sites = city.sites();
    EpochKeys keys = new EpochKeys(new Random(11), Duration.ofMinutes(10));
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    SectionSpeedRule rule = new SectionSpeedRule(sightings, keys);
    Set<String> plates = new HashSet<>();
    // per section and plate: the tags its entries emitted and those its exits emitted, with times
    Map<String, Set<Tag>> entryTags = new HashMap<>();
    Map<String, Set<Tag>> exitTags = new HashMap<>();
    Map<String, List<Instant>> entryTimes = new HashMap<>();
    Map<String, List<Instant>> exitTimes = new HashMap<>();
    Set<Tag> emitted = new HashSet<>();
    Instant newest = Instant.EPOCH;
    int i = 0;
    for (SimulatedDetection s : city.next(N / 3)) {
      Detection d = s.detection();
      plates.add(d.plate().text());
      newest = d.observedAt().isAfter(newest) ? d.observedAt() : newest;
      for (Section section : sites.sectionsStartingAt(d.cameraId())) {
        String key = section.id() + " " + d.plate().text();
        long width = SectionTags.bucketMillis(section);
        long first = SectionTags.bucketOf(d.observedAt(), width);
        long last =
            SectionTags.lastBucket(d.observedAt(), section.shortestLegalTravelTime(), width);
        for (long b = first; b <= last; b++) {
          Tag t = tagOf(keys, section, d, b, width);
          entryTags.computeIfAbsent(key, k -> new HashSet<>()).add(t);
          emitted.add(t);
        }
        entryTimes.computeIfAbsent(key, k -> new ArrayList<>()).add(d.observedAt());
      }
      for (Section section : sites.sectionsEndingAt(d.cameraId())) {
        String key = section.id() + " " + d.plate().text();
        long width = SectionTags.bucketMillis(section);
        Tag t = tagOf(keys, section, d, SectionTags.bucketOf(d.observedAt(), width), width);
        exitTags.computeIfAbsent(key, k -> new HashSet<>()).add(t);
        emitted.add(t);
        exitTimes.computeIfAbsent(key, k -> new ArrayList<>()).add(d.observedAt());
      }
      rule.decide(d, sites);
      if (++i % 500 == 0) {
        rule.forgetBefore(newest.minus(LATENESS));
      }
      if (i % 5_000 == 0) {
        assertNothingInClear(sightings.snapshot(), plates, emitted);
      }
    }

    int compliantPassages = 0;
    for (Map.Entry<String, Set<Tag>> exits : exitTags.entrySet()) {
      String key = exits.getKey();
      String plate = key.substring(key.indexOf(' ') + 1);
      Section section = sites.section(key.substring(0, key.indexOf(' '))).orElseThrow();
      Duration window =
          section.shortestLegalTravelTime().plusMillis(SectionTags.bucketMillis(section));
      if (!city.compliantPlates().contains(plate) || !entryTimes.containsKey(key)) {
        continue;
      }
      if (clearlyLegal(entryTimes.get(key), exitTimes.get(key), window)) {
        compliantPassages++;
        Set<Tag> shared = new HashSet<>(entryTags.get(key));
        shared.retainAll(exits.getValue());
        assertThat(shared).as("tags shared by a compliant vehicle on %s", section.id()).isEmpty();
      }
    }
    assertThat(compliantPassages).as("compliant passages checked").isGreaterThan(100);
  }

  /**
   * Whether every pair of an entry and a later exit took at least {@code window} (t_min + δ): a
   * vehicle slower than that by a whole bucket; one in between is a near miss that may share a tag
   * and is then decided as no violation.
   */
  private static boolean clearlyLegal(List<Instant> entries, List<Instant> exits, Duration window) {
    for (Instant in : entries) {
      for (Instant out : exits) {
        if (out.isAfter(in) && Duration.between(in, out).compareTo(window) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static Tag tagOf(EpochKeys keys, Section section, Detection d, long bucket, long width) {
    byte[] raw = keys.key(keys.epochOf(bucket * width)).getEncoded();
    return SectionTags.tag(raw, section.id(), d.plate().matchKey(), bucket);
  }

  /**
   * What a heap dump of the waiting state shows: tags (each one some sighting emitted, none a
   * plate), times, buckets and sealed bytes in which no plate appears.
   */
  private static void assertNothingInClear(
      Map<Tag, SectionState> states, Set<String> plates, Set<Tag> emitted) {
    assertThat(states).isNotEmpty();
    assertThat(SealedSighting.class.getRecordComponents())
        .extracting(c -> c.getType().getSimpleName())
        .containsExactly("Tag", "boolean", "long", "Instant", "byte[]");
    Set<Integer> lengths = new HashSet<>();
    plates.forEach(p -> lengths.add(p.length()));
    Set<SealedSighting> checked =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Map.Entry<Tag, SectionState> e : states.entrySet()) {
      assertThat(emitted.contains(e.getKey())).as("the tag of a sighting").isTrue();
      List<SealedSighting> all = new ArrayList<>(e.getValue().entries());
      all.addAll(e.getValue().exits());
      for (SealedSighting s : all) {
        if (!checked.add(s)) {
          continue;
        }
        assertThat(emitted.contains(s.home())).as("the home tag of a sighting").isTrue();
        assertThat(s.toString()).doesNotContainPattern("[0-9]{3}[A-Z]{3}");
        String bytes = new String(s.sealed(), StandardCharsets.ISO_8859_1);
        for (int len : lengths) {
          for (int at = 0; at + len <= bytes.length(); at++) {
            String window = bytes.substring(at, at + len);
            if (plates.contains(window)) {
              throw new AssertionError("a plate in clear in the sealed bytes under " + e.getKey());
            }
          }
        }
      }
    }
  }
}
