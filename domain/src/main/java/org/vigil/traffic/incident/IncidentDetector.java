package org.vigil.traffic.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.traffic.Passage;
import org.vigil.traffic.PassageSink;

/**
 * Detects a sudden fall in flow or speed at a camera against its usual level for that time of day,
 * and its recovery.
 *
 * <p><b>Counting</b> ({@link #accept}, on the ingest path, from any thread): each passage adds one
 * vehicle, and its speed when measured, to its camera's slot of {@link IncidentSettings#slot()} (10
 * s) by {@code observedAt}. Cameras are kept in a concurrent map and each camera has its own small
 * lock held for a few array writes; there is no global lock and no clock read. The last 256 slots
 * of each camera are kept; a passage older than that is ignored.
 *
 * <p><b>Stream time</b> is per camera, so that a camera whose clock runs ahead, or whose batches
 * arrive late, judges only itself: it is the newest {@code observedAt} seen from that camera, moved
 * on by the distance the injected clock has moved since that passage was first noticed by {@link
 * #advance}. So a camera where traffic stops entirely goes on being evaluated as time passes. (In a
 * replay faster than real time, a camera that falls entirely silent is therefore only judged as the
 * wall clock passes.)
 *
 * <p><b>Evaluation</b> ({@link #advance}, on a scheduler every few seconds): for every camera, each
 * window of {@link IncidentSettings#window()} (30 s) ending at a slot boundary is evaluated once
 * its camera's stream time is {@link IncidentSettings#grace()} (5 s) past its end, oldest first, so
 * a late call catches up (at most about 20 minutes of windows; older ones are skipped). The window
 * is compared with the camera's <b>usual level</b>:
 *
 * <ul>
 *   <li>for the time of day: an exponentially weighted mean across days (the latest day weighing
 *       {@link IncidentSettings#learningWeight()}, 30 %) of the flow per slot and of the mean speed
 *       in each {@link IncidentSettings#timeOfDaySlot()} (15 min) of the UTC day, learnt from the
 *       slots seen once they are a minute old; a day counts for a quarter hour when at least half
 *       of it was seen outside incidents. Used whenever that quarter hour has such history;
 *   <li>otherwise, the recent level: the mean of the clean slots (outside incidents) over the
 *       {@link IncidentSettings#recentSpan()} (20 min) before the last minute, when there are at
 *       least {@link IncidentSettings#minRecent()} (2 min) of them; its speed only when it rests on
 *       at least 30 measured speeds. Without either, nothing is judged.
 * </ul>
 *
 * <p>The first of {@link IncidentSettings#rules()} whose {@link IncidentRule#fallen} holds raises
 * an {@link IncidentEvent.Raised}, at most one open incident per camera; {@link
 * Incident#startedAt()} is the start of the unbroken run of slots that fell on their own, ending
 * the window (the window's start when there is none), and {@link Incident#detectedAt()} is the
 * stream time the window became due (its end plus the grace). Slots from the start of an incident
 * to its clearing are never learnt from. An open incident clears ({@link IncidentEvent.Cleared}) at
 * the first window in which no rule holds and the raising rule {@link IncidentRule#recovered
 * recovered}. With the defaults, a fall that lasts is raised 35 to 45 s of stream time after it
 * starts, plus the period of {@link #advance}.
 */
public final class IncidentDetector implements PassageSink {
  private final Clock clock;
  private final IncidentSettings settings;
  private final ConcurrentHashMap<String, CameraTraffic> cameras = new ConcurrentHashMap<>();

  /** A detector with {@link IncidentSettings#defaults()}. */
  public IncidentDetector(Clock clock) {
    this(clock, IncidentSettings.defaults());
  }

  /**
   * @param clock the server's clock, which moves stream time on while a camera is idle (a test
   *     clock in tests)
   */
  public IncidentDetector(Clock clock, IncidentSettings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Counts one passage. Thread-safe and cheap. */
  @Override
  public void accept(Passage passage) {
    CameraTraffic camera = cameras.get(passage.cameraId());
    if (camera == null) {
      camera = cameras.computeIfAbsent(passage.cameraId(), id -> new CameraTraffic(id, settings));
    }
    camera.add(passage.observedAt().toEpochMilli(), passage.speedKmh());
  }

  /**
   * Evaluates every window that became due since the last call and returns what changed, in order
   * of stream time ({@code detectedAt} of a raise, {@code clearedAt} of a clearing). Calls are
   * serialised; counting goes on meanwhile.
   */
  public synchronized List<IncidentEvent> advance() {
    long wall = clock.millis();
    List<IncidentEvent> events = new ArrayList<>(0);
    for (CameraTraffic camera : cameras.values()) {
      camera.advance(wall, events);
    }
    events.sort(Comparator.comparing(IncidentDetector::when));
    return events;
  }

  /** The incidents open now, by camera. */
  public List<Incident> open() {
    List<Incident> out = new ArrayList<>();
    for (CameraTraffic camera : cameras.values()) {
      camera.open().ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Incident::cameraId));
    return out;
  }

  private static Instant when(IncidentEvent e) {
    return switch (e) {
      case IncidentEvent.Raised r -> r.incident().detectedAt();
      case IncidentEvent.Cleared c -> c.clearedAt();
    };
  }
}
