package org.vigil.kafka.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.vigil.detection.Admission;
import org.vigil.detection.Detection;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.TransportSeal;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.DetectionRecords;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.pipeline.CameraGrant;
import org.vigil.pipeline.DetectionIntake;
import org.vigil.pipeline.IngestItem;
import org.vigil.pipeline.IngestResult;
import org.vigil.pipeline.StorageUnavailableException;
import org.vigil.site.Sites;

/**
 * An ingest node of the Kafka runtime: checks a batch as the embedded runtime does, writes every
 * admitted detection to {@link KafkaTopics#DETECTIONS}, and answers once the broker has replicated
 * every one of them. It decides nothing: de-duplication by event id and every rule run on the
 * processing nodes, so the answer counts every written item as accepted, no duplicates and no
 * violations.
 *
 * <p>Checks before anything is written, with the embedded runtime's texts: a malformed item, a
 * camera the caller's key may not post for, and {@link Admission} against the {@link Sites} in
 * force (unknown camera, missing lane, clock ahead). One more, of this runtime alone: a detection
 * observed more than the epoch keys' {@link SharedEpochKeys.Settings#keep() keep} before the
 * server's clock is rejected as too late (the processing nodes would reject it anyway; its epoch's
 * key may no longer be shared).
 *
 * <p>Each record is {@link DetectionRecords#producerRecord}: key the camera id (UTF-8), value the
 * detection and its arrival time sealed under the transport key of its epoch, header {@link
 * KafkaTopics#EPOCH_HEADER} the epoch. The producer is idempotent with acks=all, so an acknowledged
 * record is on every in-sync replica and a retry inside the producer never writes it twice. The
 * whole batch is sealed first and then sent; the call waits for every acknowledgement at the end
 * (the producer groups the records into as few requests as it can). If any send fails, {@link
 * StorageUnavailableException}: some items may be written, and sending the batch again is safe
 * because the processing nodes de-duplicate by (camera, event id).
 *
 * <p>The epoch keys held by this node are destroyed once they are past their keep. Thread-safe.
 */
public final class KafkaIngest implements DetectionIntake, AutoCloseable {

  /**
   * Tuning of an ingest node.
   *
   * @param maxClockAhead how far a camera's clock may run ahead of the server's
   * @param sendTimeout how long a batch may wait for the broker's acknowledgements
   * @param linger how long the producer may wait to fill a request
   */
  public record Settings(Duration maxClockAhead, Duration sendTimeout, Duration linger) {
    public Settings {
      if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("sendTimeout must be at least 1 s, was " + sendTimeout);
      }
      if (linger.isNegative()) {
        throw new IllegalArgumentException("linger must not be negative, was " + linger);
      }
    }

    /** 2 min clock lead (as embedded), 30 s to be acknowledged, 5 ms linger. */
    public static Settings defaults() {
      return new Settings(
          Admission.DEFAULT_MAX_CLOCK_AHEAD, Duration.ofSeconds(30), Duration.ofMillis(5));
    }
  }

  /**
   * Totals since start, for metrics.
   *
   * @param accepted items written and acknowledged
   * @param rejected items rejected before anything was written
   * @param sendFailures batches answered with {@link StorageUnavailableException}
   * @param batches batches whose sends were all acknowledged
   * @param sendNanos the total time from the first send to the last acknowledgement of those
   *     batches
   * @param maxSendNanos the longest such time
   */
  public record Metrics(
      long accepted,
      long rejected,
      long sendFailures,
      long batches,
      long sendNanos,
      long maxSendNanos) {}

  private final KafkaProducer<byte[], byte[]> producer;
  private final Supplier<Sites> sites;
  private final EpochKeys keys;
  private final TransportSeal seal;
  private final Admission admission;
  private final Duration keep;
  private final Clock clock;
  private final Settings settings;
  private final ScheduledExecutorService housekeeping;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder sendNanos = new LongAdder();
  private final LongAccumulator maxSendNanos = new LongAccumulator(Math::max, 0);

  /**
   * @param client the Kafka client settings every role shares ({@code bootstrap.servers},
   *     security); serializers and delivery settings are this class's own
   * @param sites the site configuration in force (e.g. {@code SiteRegistry::current})
   * @param shared the deployment's shared epoch keys; this node's transport seals derive from them
   */
  public KafkaIngest(
      Map<String, Object> client,
      Supplier<Sites> sites,
      SharedEpochKeys shared,
      Clock clock,
      Settings settings) {
    this.sites = sites;
    this.clock = clock;
    this.settings = settings;
    this.keys = new EpochKeys(shared, shared.settings().epochLength());
    this.keep = shared.settings().keep();
    this.seal = new TransportSeal(keys);
    this.admission = new Admission(settings.maxClockAhead());
    Map<String, Object> p = new HashMap<>(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A camera's batch of 1,000 sealed detections is about 350 kB: with the default 16 kB
    // batches it took some 20 produce batches, more than the five requests in flight carry at once.
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    int request = (int) Math.max(1000, settings.sendTimeout().toMillis() / 3);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    p.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.max(settings.sendTimeout().toMillis(), request + settings.linger().toMillis()));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-ingest");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-key-forgetter").daemon().factory());
    housekeeping.scheduleWithFixedDelay(
        () -> keys.destroyBefore(clock.instant().minus(keep)), 1, 1, TimeUnit.MINUTES);
  }

  /**
   * Writes the admitted items of {@code items} and returns once the broker has acknowledged every
   * one.
   *
   * @throws StorageUnavailableException when a send fails or is not acknowledged in time, or the
   *     epoch key of an item cannot be had
   */
  @Override
  public IngestResult ingest(List<IngestItem> items, CameraGrant grant) {
    Sites config = sites.get();
    Instant receivedAt = clock.instant();
    Instant oldest = receivedAt.minus(keep);
    List<IngestResult.Rejection> refused = new ArrayList<>();
    List<Detection> admitted = new ArrayList<>(items.size());
    for (IngestItem item : items) {
      switch (item) {
        case IngestItem.Malformed bad ->
            refused.add(new IngestResult.Rejection(bad.index(), bad.eventId(), bad.reason()));
        case IngestItem.Parsed(int index, Detection d) -> {
          Optional<String> refusal =
              grant.allows(d.cameraId())
                  ? admission.refusal(d, config, receivedAt)
                  : Optional.of("this key may not post for camera '" + d.cameraId() + "'");
          if (refusal.isEmpty() && d.observedAt().isBefore(oldest)) {
            refusal =
                Optional.of(
                    "observedAt "
                        + d.observedAt()
                        + " lies more than "
                        + keep.toMinutes()
                        + " min before the server's clock ("
                        + receivedAt
                        + "): too late to be decided");
          }
          if (refusal.isPresent()) {
            refused.add(new IngestResult.Rejection(index, d.eventId(), refusal.get()));
          } else {
            admitted.add(d);
          }
        }
      }
    }
    rejected.add(refused.size());
    if (!admitted.isEmpty()) {
      send(records(admitted, receivedAt));
      accepted.add(admitted.size());
    }
    return new IngestResult(admitted.size(), 0, 0, refused);
  }

  private List<ProducerRecord<byte[], byte[]>> records(List<Detection> admitted, Instant at) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(admitted.size());
    try {
      for (Detection d : admitted) {
        records.add(DetectionRecords.producerRecord(seal, keys, d, at));
      }
    } catch (IllegalStateException e) {
      sendFailures.increment();
      throw new StorageUnavailableException(
          "an epoch key could not be had; nothing of this batch was written, send it again", e);
    }
    return records;
  }

  private void send(List<ProducerRecord<byte[], byte[]>> records) {
    long start = System.nanoTime();
    long deadline = start + settings.sendTimeout().plusSeconds(1).toNanos();
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
    try {
      for (ProducerRecord<byte[], byte[]> r : records) {
        sent.add(producer.send(r));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
    long took = System.nanoTime() - start;
    batches.increment();
    sendNanos.add(took);
    maxSendNanos.accumulate(took);
  }

  private StorageUnavailableException unavailable(Exception cause) {
    sendFailures.increment();
    return new StorageUnavailableException(
        "the broker did not acknowledge every detection of this batch; send it again (the"
            + " processing nodes ignore what was already written)",
        cause);
  }

  /** Totals since start. */
  public Metrics metrics() {
    return new Metrics(
        accepted.sum(),
        rejected.sum(),
        sendFailures.sum(),
        batches.sum(),
        sendNanos.sum(),
        maxSendNanos.get());
  }

  /** Sends what is buffered, closes the producer and destroys this node's epoch keys. */
  @Override
  public void close() {
    housekeeping.shutdownNow();
    producer.close(settings.sendTimeout());
    keys.destroyBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
  }
}
