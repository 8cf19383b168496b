package org.vigil.kafka.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.Placement;
import org.vigil.enforcement.SectionSightings;
import org.vigil.enforcement.SectionState;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Tag;
import org.vigil.enforcement.TransportSeal;
import org.vigil.enforcement.Violation;
import org.vigil.kafka.codec.DetectionRecords;
import org.vigil.kafka.codec.PassageRecords;
import org.vigil.kafka.codec.PlacementRecords;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.memory.Hash128;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.traffic.Passage;

/**
 * The camera partition's work: opens each detection, drops a (camera, event id) seen within the
 * de-duplication window, decides it with {@link Enforcer#route}, and emits its priced camera
 * violations, its passage and its placements.
 *
 * <p>De-duplication: the store {@link VigilTopology#EVENT_STORE} keeps {@code generation ‖ h}, h
 * the 128-bit hash of camera and event id that {@code EventWindow} keeps in the embedded runtime (a
 * false duplicate needs a 128-bit collision), the generation being {@code ⌊receivedAt / window⌋};
 * an event is a duplicate when its key is held in its own generation or the one before, and
 * generations older than the newest but one are deleted every second: an event id is remembered one
 * to two windows, as {@code EventWindow} does in the embedded runtime, by the records' own receipt
 * times, so that a replay after a failure decides the same. Neither ids nor anything else of a
 * detection is kept in clear.
 */
final class DecideProcessor implements Processor<byte[], byte[], byte[], Out> {
  private static final byte[] PRESENT = {1};

  private final VigilTopology.Settings settings;
  private final Supplier<Sites> sites;
  private final Exemptions exemptions;
  private final Supplier<Fines> fines;
  private final EpochKeys keys;
  private final TransportSeal seal;
  private final byte[] violationKey;
  private final Clock clock;
  private final TopologyMetrics metrics;

  private ProcessorContext<byte[], Out> context;
  private KeyValueStore<Bytes, byte[]> events;
  private Enforcer enforcer;
  private long newestGeneration = Long.MIN_VALUE;

  DecideProcessor(
      VigilTopology.Settings settings,
      Supplier<Sites> sites,
      Exemptions exemptions,
      Supplier<Fines> fines,
      EpochKeys keys,
      TransportSeal seal,
      byte[] violationKey,
      Clock clock,
      TopologyMetrics metrics) {
    this.settings = settings;
    this.sites = sites;
    this.exemptions = exemptions;
    this.fines = fines;
    this.keys = keys;
    this.seal = seal;
    this.violationKey = violationKey;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], Out> context) {
    this.context = context;
    this.events = context.getStateStore(VigilTopology.EVENT_STORE);
    this.enforcer =
        new Enforcer(
            NO_SIGHTINGS,
            keys,
            new StreamClock(clock, settings.allowedLateness()),
            clock,
            exemptions);
    context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> purge());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    metrics.countProcessed();
    DetectionRecords.Received received;
    try {
      received = DetectionRecords.open(seal, record.headers(), record.value());
    } catch (IllegalArgumentException e) {
      metrics.countDropped();
      return;
    }
    Detection d = received.detection();
    Sites config = sites.get();
    long generation =
        Math.floorDiv(received.receivedAt().toEpochMilli(), settings.dedupWindow().toMillis());
    if (events.get(eventKey(generation, d)) != null
        || events.get(eventKey(generation - 1, d)) != null) {
      metrics.countDuplicateEvent();
      return;
    }
    Enforcer.Routed routed;
    try {
      routed = enforcer.route(d, config, received.receivedAt());
    } catch (IllegalArgumentException unknownCamera) {
      metrics.countDropped();
      return;
    }
    switch (routed.decision()) {
      case Decision.TooLate late -> metrics.countTooLate();
      case Decision.DuplicateRead dup -> {
        claim(generation, d);
        metrics.countDuplicateRead();
      }
      case Decision.Decided decided -> {
        claim(generation, d);
        metrics.countDecided(decided.exempt());
        for (Violation v : decided.violations()) {
          Violation priced = fines.get().assess(v, config);
          context.forward(
              record
                  .withKey(ViolationRecords.key(priced))
                  .withValue(
                      new Out(Out.Kind.VIOLATION, ViolationRecords.seal(priced, violationKey))));
          metrics.countViolation(priced.type());
          metrics.violationLatency().record(latency(received.receivedAt()));
        }
        Passage passage =
            new Passage(
                d.cameraId(),
                d.lane(),
                d.observedAt(),
                d.vehicleClass(),
                d.speedKmh(),
                decided.limit());
        context.forward(
            record
                .withKey(PassageRecords.key(passage))
                .withValue(new Out(Out.Kind.PASSAGE, PassageRecords.encode(passage))));
        for (Placement p : routed.placements()) {
          context.forward(
              record
                  .withKey(PlacementRecords.key(p.tag()))
                  .withValue(
                      new Out(
                          Out.Kind.PLACEMENT,
                          PlacementRecords.encode(p, received.receivedAt(), seal, keys))));
        }
        metrics.countRouted(routed.placements().size());
        metrics.decisionLatency().record(latency(received.receivedAt()));
      }
    }
  }

  private Duration latency(Instant receivedAt) {
    return Duration.between(receivedAt, clock.instant());
  }

  private void claim(long generation, Detection d) {
    events.put(eventKey(generation, d), PRESENT);
    newestGeneration = Math.max(newestGeneration, generation);
  }

  /** Deletes the generations older than the newest but one. */
  private void purge() {
    if (newestGeneration == Long.MIN_VALUE) {
      return;
    }
    Bytes from = Bytes.wrap(generationPrefix(Long.MIN_VALUE, 0));
    Bytes to = Bytes.wrap(generationPrefix(newestGeneration - 1, 0));
    List<Bytes> old = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = events.range(from, to)) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> e = it.next();
        if (!e.key.equals(to)) {
          old.add(e.key);
        }
      }
    }
    old.forEach(events::delete);
  }

  private static Bytes eventKey(long generation, Detection d) {
    byte[] key = generationPrefix(generation, 16);
    putLong(key, 8, Hash128.a(d.cameraId(), d.eventId()));
    putLong(key, 16, Hash128.b(d.cameraId(), d.eventId()));
    return Bytes.wrap(key);
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  /** The generation with its sign bit flipped, so that bytes sort as numbers, and room after it. */
  private static byte[] generationPrefix(long generation, int extra) {
    byte[] b = new byte[8 + extra];
    long g = generation ^ Long.MIN_VALUE;
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (g >>> (56 - 8 * i));
    }
    return b;
  }

  /** The decide task pairs nothing: its enforcer only routes. */
  private static final SectionSightings NO_SIGHTINGS =
      new SectionSightings() {
        @Override
        public <R> R update(Tag key, Function<SectionState, Step<R>> step) {
          throw new IllegalStateException("the decide task places no section sightings");
        }

        @Override
        public void forgetBefore(Instant streamTime) {}

        @Override
        public long size() {
          return 0;
        }
      };
}
