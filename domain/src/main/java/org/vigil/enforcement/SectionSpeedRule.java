package org.vigil.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import org.vigil.detection.Detection;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

/**
 * Average speed over a section: a vehicle seen at the entry camera and later at the exit camera is
 * a violation when the section's length divided by its travel time is above the limit plus
 * tolerance; and the entry and exit of a vehicle that drove legally cannot be linked, not from
 * memory nor from a dump of it.
 *
 * <p>Design (see {@code docs/section-control.md}): sightings are matched by keyed tags, never by
 * plate. With t_min the section's {@linkplain Section#shortestLegalTravelTime() shortest legal
 * travel time} and δ its {@linkplain SectionTags#bucketMillis bucket width}, an entry at t1 waits
 * under the tags of the buckets from its own, ⌊t1/δ⌋, up to that of t1 + t_min; an exit at t2 waits
 * under the one tag of its own bucket. Any exit of the same plate before t1 + t_min, the only ones
 * that can be a violation, falls in one of the entry's buckets, so the tags meet; a slower
 * vehicle's exit falls beyond them and its tag meets none. Tags are HMACs under the {@link
 * EpochKeys} key of the bucket's epoch, so an entry near an epoch's end emits its later tags under
 * the next epoch's key, as the exit does.
 *
 * <p>Each sighting's evidence (camera, event, time, plate, observation) is sealed with a key
 * derived from the plate and its bucket under the epoch key, so only a sighting of the same plate
 * opens it: the exit, on meeting an entry's tag, derives the entry's seal key from its own plate,
 * opens it, and decides the exact speed from the two timestamps as the plain rule did; a near miss
 * (a tag met, but not faster than allowed) is dropped with the call. Every waiting entry before an
 * exit forms a pair with it, and a late entry finds the exits already waiting under its tags, so
 * the violations do not depend on the order the detections arrive in. Violation ids are those of
 * the plain rule.
 *
 * <p>An entry waits until stream time passes entry time plus t_min, an exit until stream time
 * passes it; {@link #forgetBefore} also destroys the epoch keys no waiting or future sighting can
 * need. (Two entry reads of one vehicle within the shortest legal travel time are one passage read
 * twice; merging such duplicate reads is the job of sighting de-duplication, not of this rule.)
 */
public final class SectionSpeedRule {
  private final SectionSightings sightings;
  private final EpochKeys keys;
  private final Sealer sealer = new Sealer();

  /** The longest t_min + δ of any section decided so far, in nanoseconds. */
  private final AtomicLong longestWindowNanos = new AtomicLong();

  /**
   * @param sightings where sealed sightings wait
   * @param keys the epoch keys tags and seals are derived under
   */
  public SectionSpeedRule(SectionSightings sightings, EpochKeys keys) {
    this.sightings = sightings;
    this.keys = keys;
  }

  /** Decides {@code detection} for every section that starts or ends at its camera. */
  public List<Violation> decide(Detection detection, Sites sites) {
    List<Violation> found = List.of();
    for (Section section : sites.sectionsStartingAt(detection.cameraId())) {
      found = concat(found, enter(section, zoneOf(section, sites), detection));
    }
    for (Section section : sites.sectionsEndingAt(detection.cameraId())) {
      found = concat(found, exit(section, zoneOf(section, sites), detection));
    }
    return found;
  }

  /**
   * Forgets the sightings whose time is past at {@code streamTime}, and destroys the key of every
   * epoch that ended more than the longest section window (t_min + δ) before it: no sighting that
   * may still arrive (none older than stream time is accepted) needs a tag or seal of it.
   */
  public void forgetBefore(Instant streamTime) {
    sightings.forgetBefore(streamTime);
    keys.destroyBefore(streamTime.minusNanos(longestWindowNanos.get()));
  }

  private static ZoneId zoneOf(Section section, Sites sites) {
    return sites.camera(section.exitCameraId()).orElseThrow().rules().timeZone();
  }

  private List<Violation> enter(Section section, ZoneId zone, Detection d) {
    Duration window = section.shortestLegalTravelTime();
    long width = SectionTags.bucketMillis(section);
    noteWindow(window, width);
    byte[] prefix = SectionTags.prefix(section.id(), d.plate().matchKey());
    byte[] digest = new byte[32];
    try {
      long first = SectionTags.bucketOf(d.observedAt(), width);
      long last = SectionTags.lastBucket(d.observedAt(), window, width);
      Tag[] tags = new Tag[(int) (last - first + 1)];
      for (long b = first; b <= last; b++) {
        derive(SectionTags.TAG, prefix, b, width, digest);
        tags[(int) (b - first)] = SectionTags.toTag(digest);
      }
      Evidence entry = Evidence.of(d);
      SealedSighting sealed =
          new SealedSighting(
              tags[0],
              true,
              first,
              d.observedAt().plus(window),
              seal(SectionTags.SEAL_ENTRY, prefix, first, width, entry));
      List<Violation> found = new ArrayList<>(0);
      for (Tag tag : tags) {
        sightings.update(
            tag,
            state -> {
              for (SealedSighting exit : state.exits()) {
                open(SectionTags.SEAL_EXIT, prefix, exit, width)
                    .flatMap(e -> decide(section, zone, entry, e))
                    .ifPresent(found::add);
              }
              return new SectionSightings.Step<>(state.withEntry(sealed), null);
            });
      }
      return distinct(found);
    } finally {
      Arrays.fill(prefix, (byte) 0);
      Arrays.fill(digest, (byte) 0);
    }
  }

  private List<Violation> exit(Section section, ZoneId zone, Detection d) {
    long width = SectionTags.bucketMillis(section);
    noteWindow(section.shortestLegalTravelTime(), width);
    byte[] prefix = SectionTags.prefix(section.id(), d.plate().matchKey());
    byte[] digest = new byte[32];
    try {
      long bucket = SectionTags.bucketOf(d.observedAt(), width);
      derive(SectionTags.TAG, prefix, bucket, width, digest);
      Tag tag = SectionTags.toTag(digest);
      Evidence exit = Evidence.of(d);
      SealedSighting sealed =
          new SealedSighting(
              tag,
              false,
              bucket,
              d.observedAt(),
              seal(SectionTags.SEAL_EXIT, prefix, bucket, width, exit));
      return distinct(
          sightings.update(
              tag,
              state -> {
                List<Violation> found = new ArrayList<>(0);
                for (SealedSighting entry : state.entries()) {
                  open(SectionTags.SEAL_ENTRY, prefix, entry, width)
                      .flatMap(e -> decide(section, zone, e, exit))
                      .ifPresent(found::add);
                }
                return new SectionSightings.Step<>(state.withExit(sealed), found);
              }));
    } finally {
      Arrays.fill(prefix, (byte) 0);
      Arrays.fill(digest, (byte) 0);
    }
  }

  /** HMAC of {@code label ‖ prefix ‖ bucket} under the key of the bucket's epoch. */
  private void derive(byte label, byte[] prefix, long bucket, long width, byte[] out) {
    EpochKeys.EpochKey key = keys.key(keys.epochOf(bucket * width));
    Mac mac = key.borrow();
    try {
      SectionTags.derive(mac, label, prefix, bucket, out);
    } finally {
      key.release(mac);
    }
  }

  private byte[] seal(byte label, byte[] prefix, long bucket, long width, Evidence evidence) {
    byte[] key = new byte[32];
    derive(label, prefix, bucket, width, key);
    byte[] plain = evidence.encode();
    try {
      return sealer.seal(key, plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The evidence of {@code waiting} if this plate's key opens it; else empty (a tag collision). */
  private Optional<Evidence> open(byte label, byte[] prefix, SealedSighting waiting, long width) {
    byte[] key = new byte[32];
    derive(label, prefix, waiting.bucket(), width, key);
    byte[] plain = sealer.open(key, waiting.sealed());
    if (plain == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Evidence.decode(plain));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private void noteWindow(Duration window, long widthMillis) {
    long nanos = window.toNanos() + widthMillis * 1_000_000;
    if (nanos > longestWindowNanos.get()) {
      longestWindowNanos.accumulateAndGet(nanos, Math::max);
    }
  }

  private static Optional<Violation> decide(
      Section section, ZoneId zone, Evidence entry, Evidence exit) {
    if (!exit.observedAt().isAfter(entry.observedAt())) {
      return Optional.empty();
    }
    SectionPassage passage =
        new SectionPassage(entry.observedAt(), exit.observedAt(), section.distanceM());
    SpeedLimit limit =
        section.limits().inForce(exit.observation().vehicleClass(), exit.observedAt(), zone);
    if (!section.isSpeeding(passage.travelTime(), limit)) {
      return Optional.empty();
    }
    double average = section.averageSpeedKmh(passage.travelTime());
    List<String> events =
        List.of(entry.cameraId() + "/" + entry.eventId(), exit.cameraId() + "/" + exit.eventId());
    return Optional.of(
        new Violation(
            Violation.idOf(ViolationType.SECTION_SPEED, section.id(), events),
            ViolationType.SECTION_SPEED,
            null,
            section.id(),
            exit.plate(),
            exit.observedAt(),
            average,
            limit,
            List.of(entry.eventId(), exit.eventId()),
            passage,
            exit.observation(),
            String.format(
                Locale.ROOT,
                "average %.2f km/h over %.1f m in %.3f s, limit %d + %d km/h for a %s",
                average,
                section.distanceM(),
                passage.travelTime().toNanos() / 1e9,
                limit.limitKmh(),
                limit.toleranceKmh(),
                exit.observation().vehicleClass()),
            List.of(),
            null));
  }

  /**
   * {@code found} with each violation id once: an event sent again (after a retract) waits twice,
   * and both copies yield the same violation.
   */
  private static List<Violation> distinct(List<Violation> found) {
    if (found.size() < 2) {
      return found;
    }
    List<Violation> once = new ArrayList<>(found.size());
    for (Violation v : found) {
      if (once.stream().noneMatch(o -> o.id().equals(v.id()))) {
        once.add(v);
      }
    }
    return once;
  }

  private static List<Violation> concat(List<Violation> a, List<Violation> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<Violation> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
