package org.vigil.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.detection.Admission;
import org.vigil.detection.Detection;
import org.vigil.enforcement.CameraClocks;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;
import org.vigil.tariff.Fines;
import org.vigil.tariff.TariffBook;
import org.vigil.traffic.Passage;
import org.vigil.traffic.PassageSink;

/**
 * The embedded runtime's one operation: take a batch, decide it, make its violations durable,
 * answer. Safe to call from many threads at once (one per request).
 *
 * <p>Order of work for a batch: every item is checked (grant, {@link Admission}) and claimed in the
 * {@link EventWindow}; the claimed detections are decided; all their violations go to the {@link
 * ViolationRecorder} together, and the call returns when they are durable. If they cannot be made
 * durable the claims are released and {@link StorageUnavailableException} is thrown: nothing of the
 * batch is acknowledged, and re-sending it decides it again with the same violation ids.
 */
public final class EmbeddedPipeline implements DetectionIntake, AutoCloseable {

  /**
   * Tuning of the embedded runtime.
   *
   * @param allowedLateness how late a section sighting may arrive and still be paired
   * @param maxClockAhead how far a camera's clock may run ahead of the server's
   * @param dedupWindow how long an accepted event id is remembered
   * @param maxRememberedEvents at most this many event ids are remembered
   * @param storeTimeout how long to wait for violations to become durable
   */
  public record Settings(
      Duration allowedLateness,
      Duration maxClockAhead,
      Duration dedupWindow,
      long maxRememberedEvents,
      Duration storeTimeout) {

    /** The lateness allowed by default. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(5);

    /**
     * 5 min lateness, 2 min clock lead, event ids remembered 5 to 10 min (at most about 20 M, some
     * 420 MB), 30 s to store.
     */
    public static Settings defaults() {
      return new Settings(
          DEFAULT_LATENESS,
          Admission.DEFAULT_MAX_CLOCK_AHEAD,
          Duration.ofMinutes(5),
          20_000_000,
          Duration.ofSeconds(30));
    }

    /** These settings with another allowed lateness. */
    public Settings withAllowedLateness(Duration lateness) {
      return new Settings(lateness, maxClockAhead, dedupWindow, maxRememberedEvents, storeTimeout);
    }
  }

  private final SiteRegistry sites;
  private final Enforcer enforcer;
  private final Admission admission;
  private final EventWindow window;
  private final ViolationRecorder recorder;
  private final Clock clock;
  private final Settings settings;
  private final LiveCounters counters = new LiveCounters();
  private final ScheduledExecutorService housekeeping;
  private final PassageSink passages;
  private final Fines fines;

  public EmbeddedPipeline(
      SiteRegistry sites, ViolationRecorder recorder, Clock clock, Settings settings) {
    this(
        sites,
        recorder,
        PassageSink.NONE,
        Exemptions.NONE,
        new Fines(TariffBook.of(List.of())),
        clock,
        settings);
  }

  /**
   * @param passages receives every decided detection, without its plate, for traffic statistics:
   *     once its batch is durable, and not when it is recognised as decided before
   * @param exemptions the vehicles exempt from enforcement
   * @param fines the tariffs that price each violation
   */
  public EmbeddedPipeline(
      SiteRegistry sites,
      ViolationRecorder recorder,
      PassageSink passages,
      Exemptions exemptions,
      Fines fines,
      Clock clock,
      Settings settings) {
    this.fines = fines;
    this.sites = sites;
    this.recorder = recorder;
    this.passages = passages;
    this.clock = clock;
    this.settings = settings;
    this.enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new StreamClock(clock, settings.allowedLateness()),
            clock,
            exemptions);
    this.admission = new Admission(settings.maxClockAhead());
    this.window = new EventWindow(settings.dedupWindow(), settings.maxRememberedEvents(), clock);
    this.housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("section-forgetter").daemon().factory());
    housekeeping.scheduleWithFixedDelay(enforcer::forgetExpired, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Decides a batch and returns once every violation it produced is durable.
   *
   * @param grant the cameras the caller may post for
   * @throws StorageUnavailableException when the violations could not be made durable
   */
  @Override
  public IngestResult ingest(List<IngestItem> items, CameraGrant grant) {
    Sites config = sites.current();
    Instant receivedAt = clock.instant();
    List<IngestResult.Rejection> rejected = new ArrayList<>();
    List<Detection> claimed = new ArrayList<>(items.size());
    List<Integer> indexes = new ArrayList<>(items.size());
    int duplicates = 0;
    for (IngestItem item : items) {
      switch (item) {
        case IngestItem.Malformed bad ->
            rejected.add(new IngestResult.Rejection(bad.index(), bad.eventId(), bad.reason()));
        case IngestItem.Parsed(int index, Detection d) -> {
          Optional<String> refusal =
              grant.allows(d.cameraId())
                  ? admission.refusal(d, config, receivedAt)
                  : Optional.of("this key may not post for camera '" + d.cameraId() + "'");
          if (refusal.isPresent()) {
            rejected.add(new IngestResult.Rejection(index, d.eventId(), refusal.get()));
          } else if (window.claim(d.cameraId(), d.eventId())) {
            claimed.add(d);
            indexes.add(index);
          } else {
            duplicates++;
          }
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    List<List<Violation>> perDetection = new ArrayList<>(claimed.size());
    List<Passage> decided = new ArrayList<>(claimed.size()); // null for a duplicate read
    for (int i = 0; i < claimed.size(); i++) {
      Detection d = claimed.get(i);
      switch (enforcer.decide(d, config, receivedAt)) {
        case Decision.TooLate(String reason) -> {
          rejected.add(new IngestResult.Rejection(indexes.get(i), d.eventId(), reason));
          window.release(d.cameraId(), d.eventId());
          counters.countLate();
        }
        case Decision.DuplicateRead() -> {
          counters.countDuplicateRead();
          perDetection.add(List.of());
          decided.add(null);
        }
        case Decision.Decided(List<Violation> found, SpeedLimit limit, boolean exempt) -> {
          if (exempt) {
            counters.countExempt();
          }
          decided.add(
              new Passage(
                  d.cameraId(), d.lane(), d.observedAt(), d.vehicleClass(), d.speedKmh(), limit));
          List<Violation> priced = found.isEmpty() ? found : new ArrayList<>(found.size());
          for (Violation v : found) {
            priced.add(fines.assess(v, config));
          }
          perDetection.add(priced);
          violations.addAll(priced);
        }
      }
    }
    Set<UUID> fresh = store(violations, claimed, config);
    int accepted = 0;
    for (int i = 0; i < perDetection.size(); i++) {
      List<Violation> found = perDetection.get(i);
      if (!found.isEmpty() && found.stream().noneMatch(v -> fresh.contains(v.id()))) {
        duplicates++; // decided before: its violations were already recorded
      } else {
        accepted++;
        // only once stored and only if new, so that a retried or re-sent batch counts once
        if (decided.get(i) != null) {
          passages.accept(decided.get(i));
        }
      }
    }
    for (Violation v : violations) {
      if (fresh.contains(v.id())) {
        counters.countViolation(v.type(), v.held());
      }
    }
    counters.count(accepted, duplicates, rejected.size());
    return new IngestResult(accepted, duplicates, fresh.size(), rejected);
  }

  private Set<UUID> store(List<Violation> violations, List<Detection> claimed, Sites config) {
    try {
      return recorder
          .record(violations)
          .toCompletableFuture()
          .get(settings.storeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(claimed, config, e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(claimed, config, e);
    }
  }

  private StorageUnavailableException unavailable(
      List<Detection> claimed, Sites config, Exception cause) {
    for (Detection d : claimed) {
      window.release(d.cameraId(), d.eventId());
      enforcer.retract(d, config);
    }
    return new StorageUnavailableException(
        "violations could not be stored; nothing of this batch was accepted, send it again", cause);
  }

  /** The site configuration in force. */
  public SiteRegistry sites() {
    return sites;
  }

  /** Totals since start. */
  public LiveCounters counters() {
    return counters;
  }

  /** What is known of each camera's clock, for the camera-health view. */
  public CameraClocks clocks() {
    return enforcer.clocks();
  }

  /** How many section sightings wait in memory. */
  public long waitingSightings() {
    return enforcer.waitingSightings();
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
  }
}
