package org.vigil.enforcement;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
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
 *
 * <p>The rule is split in two steps so that a runtime can partition it by tag: {@link #placements}
 * turns a detection into one {@link Placement} per tag it waits under (sealing its evidence once),
 * and {@link #place} puts one placement under its tag and decides the pairs it opens there. A tag's
 * state is touched only by the placements of that tag, so the placements of one detection may be
 * placed in different partitions, in any order. {@link #decide} is the two steps in one process.
 */
public final class SectionSpeedRule {
  private final SectionSightings sightings;
  private final EpochKeys keys;
  private final Sealer sealer;

  /** The longest t_min + δ of any section decided so far, in nanoseconds. */
  private final AtomicLong longestWindowNanos = new AtomicLong();

  /**
   * Seals with nonces from a {@link SecureRandom}.
   *
   * @param sightings where sealed sightings wait
   * @param keys the epoch keys tags and seals are derived under
   */
  public SectionSpeedRule(SectionSightings sightings, EpochKeys keys) {
    this(sightings, keys, new SecureRandom());
  }

  /**
   * @param sightings where sealed sightings wait
   * @param keys the epoch keys tags and seals are derived under
   * @param nonces where the 96-bit nonces of the seals come from (a {@link SecureRandom} in
   *     production); thread-safe if this rule is used from several threads
   */
  public SectionSpeedRule(SectionSightings sightings, EpochKeys keys, RandomGenerator nonces) {
    this.sightings = sightings;
    this.keys = keys;
    this.sealer = new Sealer(nonces);
  }

  /**
   * Decides {@code detection} for every section that starts or ends at its camera: its {@link
   * #placements}, each {@linkplain #place placed} in turn, each violation once.
   */
  public List<Violation> decide(Detection detection, Sites sites) {
    List<Placement> placements = placements(detection, sites, null);
    if (placements.isEmpty()) {
      return List.of();
    }
    List<Paired> found = List.of();
    for (Placement p : placements) {
      found = concat(found, place(p, sites));
    }
    return violations(distinct(found));
  }

  /**
   * The placements of {@code detection}: for every section that starts at its camera, one per tag
   * the entry waits under, then for every section that ends there, the exit's one. The evidence is
   * sealed once per section and shared by that section's placements. Nothing is placed yet.
   *
   * @param clockOffset how far the camera's clock is off now, sealed with the evidence for the
   *     holds of a partitioned runtime; {@code null} when unknown
   */
  public List<Placement> placements(Detection detection, Sites sites, Duration clockOffset) {
    List<Section> entries = sites.sectionsStartingAt(detection.cameraId());
    List<Section> exits = sites.sectionsEndingAt(detection.cameraId());
    if (entries.isEmpty() && exits.isEmpty()) {
      return List.of();
    }
    List<Placement> placements = new ArrayList<>(entries.size() * 5 + exits.size());
    for (Section section : entries) {
      enter(section, detection, clockOffset, placements);
    }
    for (Section section : exits) {
      exit(section, detection, clockOffset, placements);
    }
    return placements;
  }

  /**
   * Places {@code placement} under its tag: opens the waiting sightings of the other side there
   * with the placement's own plate, decides each pair it opens, and adds the placement's sighting
   * to the tag's state, in one atomic {@link SectionSightings#update}. Returns the violations
   * found, each with the clock offsets sealed with its two sightings.
   *
   * @throws IllegalArgumentException when its section is not in {@code sites}
   */
  public List<Paired> place(Placement placement, Sites sites) {
    Section section =
        sites
            .section(placement.sectionId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown section '" + placement.sectionId() + "'"));
    ZoneId zone = zoneOf(section, sites);
    long width = SectionTags.bucketMillis(section);
    noteWindow(section.shortestLegalTravelTime(), width);
    Detection d = placement.detection();
    Evidence own = Evidence.of(d, placement.clockOffset());
    SealedSighting sealed = placement.sighting();
    byte[] prefix = SectionTags.prefix(section.id(), d.plate().matchKey());
    try {
      return sightings.update(
          placement.tag(),
          state -> {
            List<Paired> found = List.of();
            if (sealed.entry()) {
              for (SealedSighting exit : state.exits()) {
                Optional<Paired> p =
                    open(SectionTags.SEAL_EXIT, prefix, exit, width)
                        .flatMap(e -> decide(section, zone, own, e));
                found = p.isPresent() ? concat(found, List.of(p.get())) : found;
              }
              return new SectionSightings.Step<>(state.withEntry(sealed), found);
            }
            for (SealedSighting entry : state.entries()) {
              Optional<Paired> p =
                  open(SectionTags.SEAL_ENTRY, prefix, entry, width)
                      .flatMap(e -> decide(section, zone, e, own));
              found = p.isPresent() ? concat(found, List.of(p.get())) : found;
            }
            return new SectionSightings.Step<>(state.withExit(sealed), found);
          });
    } finally {
      Arrays.fill(prefix, (byte) 0);
    }
  }

  /**
   * A section violation and the clock offsets its entry and exit cameras had when each sighting was
   * decided, as sealed with the sightings; either is {@code null} when unknown.
   */
  public record Paired(Violation violation, Duration entryClockOffset, Duration exitClockOffset) {}

  /**
   * Forgets the sightings whose time is past at {@code streamTime}, and destroys the key of every
   * epoch that ended more than the longest section window (t_min + δ) before it: no sighting that
   * may still arrive (none older than stream time is accepted) needs a tag or seal of it.
   */
  public void forgetBefore(Instant streamTime) {
    sightings.forgetBefore(streamTime);
    keys.destroyBefore(streamTime.minusNanos(longestWindowNanos.get()));
  }

  /** The violations of {@code paired}, in order. */
  static List<Violation> violations(List<Paired> paired) {
    if (paired.isEmpty()) {
      return List.of();
    }
    List<Violation> found = new ArrayList<>(paired.size());
    for (Paired p : paired) {
      found.add(p.violation());
    }
    return found;
  }

  private static ZoneId zoneOf(Section section, Sites sites) {
    return sites.camera(section.exitCameraId()).orElseThrow().rules().timeZone();
  }

  private void enter(Section section, Detection d, Duration offset, List<Placement> out) {
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
      SealedSighting sealed =
          new SealedSighting(
              tags[0],
              true,
              first,
              d.observedAt().plus(window),
              seal(SectionTags.SEAL_ENTRY, prefix, first, width, Evidence.of(d, offset)));
      for (int i = 0; i < tags.length; i++) {
        out.add(new Placement(section.id(), tags[i], first + i, sealed, d, offset));
      }
    } finally {
      Arrays.fill(prefix, (byte) 0);
      Arrays.fill(digest, (byte) 0);
    }
  }

  private void exit(Section section, Detection d, Duration offset, List<Placement> out) {
    long width = SectionTags.bucketMillis(section);
    noteWindow(section.shortestLegalTravelTime(), width);
    byte[] prefix = SectionTags.prefix(section.id(), d.plate().matchKey());
    byte[] digest = new byte[32];
    try {
      long bucket = SectionTags.bucketOf(d.observedAt(), width);
      derive(SectionTags.TAG, prefix, bucket, width, digest);
      Tag tag = SectionTags.toTag(digest);
      SealedSighting sealed =
          new SealedSighting(
              tag,
              false,
              bucket,
              d.observedAt(),
              seal(SectionTags.SEAL_EXIT, prefix, bucket, width, Evidence.of(d, offset)));
      out.add(new Placement(section.id(), tag, bucket, sealed, d, offset));
    } finally {
      Arrays.fill(prefix, (byte) 0);
      Arrays.fill(digest, (byte) 0);
    }
  }

  /** HMAC of {@code label ‖ prefix ‖ bucket} under the key of the bucket's epoch. */
  private void derive(byte label, byte[] prefix, long bucket, long width, byte[] out) {
    EpochKeys.Lease lease = keys.lease(keys.epochOf(bucket * width));
    try {
      SectionTags.derive(lease.mac(), label, prefix, bucket, out);
    } finally {
      lease.release();
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

  private static Optional<Paired> decide(
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
    Violation v =
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
            null);
    return Optional.of(new Paired(v, entry.clockOffset(), exit.clockOffset()));
  }

  /**
   * {@code found} with each violation id once: an event sent again (after a retract) waits twice,
   * and both copies yield the same violation.
   */
  static List<Paired> distinct(List<Paired> found) {
    if (found.size() < 2) {
      return found;
    }
    List<Paired> once = new ArrayList<>(found.size());
    for (Paired p : found) {
      if (once.stream().noneMatch(o -> o.violation().id().equals(p.violation().id()))) {
        once.add(p);
      }
    }
    return once;
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
