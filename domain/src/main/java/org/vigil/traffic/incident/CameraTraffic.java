package org.vigil.traffic.incident;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One camera's recent traffic in slots, its stream time, its usual levels and its open incident.
 * Every method holds this object's lock briefly; only {@link IncidentDetector} uses it.
 */
final class CameraTraffic {
  private static final int RING = 256;
  private static final int MASK = RING - 1;
  private static final int WALK_BACK_EXTRA = 3;
  private static final long MIN_RECENT_SPEED_READINGS = 30;

  private final String cameraId;
  private final IncidentSettings settings;
  private final long slotMillis;
  private final double slotMinutes;
  private final int windowSlots;
  private final int gapSlots;
  private final int recentSlots;
  private final int minRecentSlots;
  private final long graceMillis;
  private final int maxCatchUp;

  private final long[] slotOf = new long[RING];
  private final int[] vehicles = new int[RING];
  private final int[] readings = new int[RING];
  private final double[] speedSums = new double[RING];
  private long firstSlot = Long.MAX_VALUE;
  private long newestMillis = Long.MIN_VALUE;

  private long seenNewest = Long.MIN_VALUE;
  private long wallAtSeen;
  private long streamMillis = Long.MIN_VALUE;
  private long nextWindowEnd = Long.MIN_VALUE;
  private final TimeOfDayProfile profile;
  private final ArrayDeque<long[]> taints = new ArrayDeque<>();
  private Incident open;
  private IncidentRule openRule;
  private Level openUsual;

  CameraTraffic(String cameraId, IncidentSettings settings) {
    this.cameraId = cameraId;
    this.settings = settings;
    this.slotMillis = settings.slot().toMillis();
    this.slotMinutes = slotMillis / 60_000.0;
    this.windowSlots = (int) (settings.window().toMillis() / slotMillis);
    this.gapSlots = windowSlots;
    this.recentSlots = (int) (settings.recentSpan().toMillis() / slotMillis);
    this.minRecentSlots = (int) Math.ceil((double) settings.minRecent().toMillis() / slotMillis);
    this.graceMillis = settings.grace().toMillis();
    this.maxCatchUp = RING - windowSlots - gapSlots - recentSlots - 2;
    if (maxCatchUp < 1) {
      throw new IllegalArgumentException(
          "window, twice, plus recentSpan must fit in " + (RING - 3) + " slots, was " + settings);
    }
    this.profile =
        new TimeOfDayProfile(
            settings.timeOfDaySlot().toMillis(), slotMillis, settings.learningWeight());
    Arrays.fill(slotOf, Long.MIN_VALUE);
  }

  /** Counts one passage; a passage older than the slots kept is ignored. */
  synchronized void add(long observedMillis, double speedKmh) {
    long slot = Math.floorDiv(observedMillis, slotMillis);
    int pos = (int) (slot & MASK);
    long held = slotOf[pos];
    if (held != slot) {
      if (held > slot) {
        return;
      }
      slotOf[pos] = slot;
      vehicles[pos] = 0;
      readings[pos] = 0;
      speedSums[pos] = 0;
    }
    vehicles[pos]++;
    if (speedKmh >= 0 && speedKmh < Double.POSITIVE_INFINITY) {
      readings[pos]++;
      speedSums[pos] += speedKmh;
    }
    if (slot < firstSlot) {
      firstSlot = slot;
    }
    if (observedMillis > newestMillis) {
      newestMillis = observedMillis;
    }
  }

  /** The open incident, if any. */
  synchronized Optional<Incident> open() {
    return Optional.ofNullable(open);
  }

  /**
   * Moves this camera's stream time on to {@code wallMillis} and evaluates every window that became
   * due, oldest first, adding what it finds to {@code events}.
   */
  synchronized void advance(long wallMillis, List<IncidentEvent> events) {
    if (newestMillis == Long.MIN_VALUE) {
      return;
    }
    if (newestMillis != seenNewest) {
      seenNewest = newestMillis;
      wallAtSeen = wallMillis;
    }
    streamMillis = Math.max(streamMillis, seenNewest + Math.max(0, wallMillis - wallAtSeen));
    long lastDue = Math.floorDiv(streamMillis - graceMillis, slotMillis);
    if (nextWindowEnd == Long.MIN_VALUE) {
      nextWindowEnd = firstSlot + 1;
    }
    if (lastDue - nextWindowEnd > maxCatchUp) {
      nextWindowEnd = lastDue - maxCatchUp;
      profile.interrupt();
    }
    for (; nextWindowEnd <= lastDue; nextWindowEnd++) {
      evaluate(nextWindowEnd, events);
    }
  }

  /** Evaluates the window of slots ending (exclusive) at slot {@code end}. */
  private void evaluate(long end, List<IncidentEvent> events) {
    long recentEnd = end - windowSlots - gapSlots;
    long settled = recentEnd - 1;
    if (settled >= firstSlot && known(settled)) {
      int pos = (int) (settled & MASK);
      boolean current = slotOf[pos] == settled;
      profile.add(
          settled * slotMillis,
          !tainted(settled),
          current ? vehicles[pos] : 0,
          current ? readings[pos] : 0,
          current ? speedSums[pos] : 0);
    }
    long windowStart = end - windowSlots;
    if (windowStart < firstSlot) {
      return;
    }
    Level usual = usual(end, recentEnd);
    if (usual == null && open != null) {
      usual = openUsual;
    }
    Level observed = level(windowStart, end);
    if (usual == null || observed == null) {
      return;
    }
    Instant at = Instant.ofEpochMilli(end * slotMillis + graceMillis);
    List<String> reasons = new ArrayList<>(0);
    List<IncidentRule> holding = new ArrayList<>(0);
    for (IncidentRule rule : settings.rules()) {
      Optional<String> why = rule.fallen(observed, usual);
      if (why.isPresent()) {
        reasons.add(why.get());
        holding.add(rule);
      }
    }
    IncidentRule first = holding.isEmpty() ? null : holding.getFirst();
    if (open == null && first != null) {
      long startSlot = fallStart(holding, end, usual);
      Instant startedAt = Instant.ofEpochMilli(startSlot * slotMillis);
      open =
          new Incident(
              Incident.idOf(cameraId, startedAt),
              cameraId,
              first.kind(),
              startedAt,
              at,
              observed.vehiclesPerMinute(),
              usual.vehiclesPerMinute(),
              observed.meanSpeedKmh(),
              usual.meanSpeedKmh(),
              "camera " + cameraId + ": " + String.join("; ", reasons) + usualBasis(end));
      openRule = first;
      openUsual = usual;
      taints.addLast(new long[] {startSlot, Long.MAX_VALUE});
      events.add(new IncidentEvent.Raised(open));
    } else if (open != null && first == null && openRule.recovered(observed, usual)) {
      taints.peekLast()[1] = windowStart - 1;
      events.add(new IncidentEvent.Cleared(open, at));
      open = null;
      openRule = null;
      openUsual = null;
    }
    while (!taints.isEmpty() && taints.peekFirst()[1] < end - RING) {
      taints.removeFirst();
    }
  }

  private String usualBasis(long end) {
    return profile.usual(end * slotMillis - 1, slotMinutes) != null
        ? " (usual: this camera at this time of day)"
        : " (usual: this camera over the last " + settings.recentSpan().toMinutes() + " min)";
  }

  /**
   * The usual level for the window ending at {@code end}: the time-of-day level when that time of
   * day has history, else the recent level of the clean slots before {@code recentEnd}.
   */
  private Level usual(long end, long recentEnd) {
    Level daily = profile.usual(end * slotMillis - 1, slotMinutes);
    if (daily != null) {
      return daily;
    }
    long from = Math.max(firstSlot, recentEnd - recentSlots);
    long count = 0;
    long speedReadings = 0;
    double speedSum = 0;
    int clean = 0;
    for (long s = from; s < recentEnd; s++) {
      if (!known(s) || tainted(s)) {
        continue;
      }
      int pos = (int) (s & MASK);
      if (slotOf[pos] == s) {
        count += vehicles[pos];
        speedReadings += readings[pos];
        speedSum += speedSums[pos];
      }
      clean++;
    }
    if (clean < minRecentSlots) {
      return null;
    }
    if (speedReadings < MIN_RECENT_SPEED_READINGS) {
      speedReadings = 0;
    }
    return Level.of(count, clean * slotMinutes, speedSum, speedReadings);
  }

  /** The level over slots {@code [from, to)}, or null when one of them is no longer kept. */
  private Level level(long from, long to) {
    long count = 0;
    long speedReadings = 0;
    double speedSum = 0;
    for (long s = from; s < to; s++) {
      if (!known(s)) {
        return null;
      }
      int pos = (int) (s & MASK);
      if (slotOf[pos] == s) {
        count += vehicles[pos];
        speedReadings += readings[pos];
        speedSum += speedSums[pos];
      }
    }
    return Level.of(count, (to - from) * slotMinutes, speedSum, speedReadings);
  }

  /**
   * The earliest slot of the unbroken run of slots, ending the window, that fell by one of {@code
   * rules}.
   */
  private long fallStart(List<IncidentRule> rules, long end, Level usual) {
    long start = end - windowSlots;
    long floor = Math.max(firstSlot, end - windowSlots - WALK_BACK_EXTRA);
    long earliest = Long.MIN_VALUE;
    for (long s = end - 1; s >= floor; s--) {
      Level slot = level(s, s + 1);
      if (slot == null || rules.stream().noneMatch(r -> r.slotFell(slot, usual))) {
        break;
      }
      earliest = s;
    }
    return earliest == Long.MIN_VALUE ? start : earliest;
  }

  /** Whether slot {@code s}'s counts are still kept (a slot with no passage counts as zero). */
  private boolean known(long s) {
    return s >= firstSlot && slotOf[(int) (s & MASK)] <= s;
  }

  private boolean tainted(long s) {
    for (Iterator<long[]> it = taints.descendingIterator(); it.hasNext(); ) {
      long[] t = it.next();
      if (s >= t[0] && s <= t[1]) {
        return true;
      }
    }
    return false;
  }
}
