package org.vigil.kafka.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.TransportSeal;
import org.vigil.enforcement.Violation;
import org.vigil.kafka.codec.PlacementRecords;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;

/**
 * The tag partition's work: opens each placement, places it with {@link Enforcer#place} in the
 * task's {@link StoreSectionSightings}, and emits the priced section violations it completes. Every
 * second (wall clock) it forgets the sightings past their {@code forgetAt} by the task's stream
 * time (the newest placement's time less the allowed lateness, moving on with the wall clock while
 * idle) and destroys the epoch keys no sighting can need ({@link Enforcer#forgetExpired}).
 */
final class PlaceProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private final VigilTopology.Settings settings;
  private final Supplier<Sites> sites;
  private final Supplier<Fines> fines;
  private final EpochKeys keys;
  private final TransportSeal seal;
  private final byte[] violationKey;
  private final Clock clock;
  private final TopologyMetrics metrics;

  private ProcessorContext<byte[], byte[]> context;
  private Enforcer enforcer;

  PlaceProcessor(
      VigilTopology.Settings settings,
      Supplier<Sites> sites,
      Supplier<Fines> fines,
      EpochKeys keys,
      TransportSeal seal,
      byte[] violationKey,
      Clock clock,
      TopologyMetrics metrics) {
    this.settings = settings;
    this.sites = sites;
    this.fines = fines;
    this.keys = keys;
    this.seal = seal;
    this.violationKey = violationKey;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    StoreSectionSightings sightings =
        new StoreSectionSightings(
            context.getStateStore(VigilTopology.SECTION_STORE),
            context.getStateStore(VigilTopology.SECTION_DUE_STORE));
    this.enforcer =
        new Enforcer(
            sightings,
            keys,
            new StreamClock(clock, settings.allowedLateness()),
            clock,
            Exemptions.NONE);
    context.schedule(
        Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> enforcer.forgetExpired());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    PlacementRecords.Routed routed;
    List<Violation> found;
    Sites config = sites.get();
    if (record.value() == null) {
      metrics.countDropped();
      return;
    }
    try {
      routed = PlacementRecords.decode(record.value(), seal);
      found = enforcer.place(routed.placement(), config);
    } catch (IllegalArgumentException e) {
      metrics.countDropped();
      return;
    }
    metrics.countPlaced();
    for (Violation v : found) {
      Violation priced = fines.get().assess(v, config);
      context.forward(
          record
              .withKey(ViolationRecords.key(priced))
              .withValue(ViolationRecords.seal(priced, violationKey)));
      metrics.countViolation(priced.type());
      metrics.violationLatency().record(Duration.between(routed.receivedAt(), clock.instant()));
    }
  }
}
