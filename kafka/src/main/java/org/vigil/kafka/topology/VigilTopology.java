package org.vigil.kafka.topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.TransportSeal;
import org.vigil.kafka.KafkaTopics;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;

/**
 * The rules as a Kafka Streams application: the one function that builds the topology, which the
 * processing nodes run and the tests reuse.
 *
 * <p>Flow:
 *
 * <ol>
 *   <li>{@link KafkaTopics#DETECTIONS} (key camera id) → <b>decide</b> ({@code DecideProcessor}),
 *       one {@link org.vigil.enforcement.Enforcer} per task with its own stream clock: opens the
 *       record (one that does not open or decode is dropped and counted), drops a (camera, event
 *       id) seen within the de-duplication window (store {@value #EVENT_STORE}), decides everything
 *       but section pairing ({@code Enforcer.route}), prices with {@link Fines}, and emits the
 *       camera violations to {@link KafkaTopics#VIOLATIONS} (key the violation id, value {@code
 *       ViolationRecords.seal}), a passage for every decided detection to {@link
 *       KafkaTopics#PASSAGES}, and each placement keyed by its tag to the repartition topic {@code
 *       <application id>-}{@value #PLACEMENTS}{@code -repartition}, managed by Streams;
 *   <li>the repartition topic (key tag) → <b>place</b> ({@code PlaceProcessor}): places each
 *       placement in the task's section store ({@value #SECTION_STORE}, indexed for forgetting by
 *       {@value #SECTION_DUE_STORE}), applies the holds, prices, and emits the violations to {@link
 *       KafkaTopics#VIOLATIONS}; forgets by stream time every second and destroys due epoch keys.
 * </ol>
 *
 * <p>Since a camera's detections share a partition, its clock estimate, stream time, recent reads
 * and event ids are all in one task. Stream time is per task: a detection is too late when it is
 * older than its own partition's newest less the allowed lateness, not the whole city's as in the
 * embedded runtime; with cameras on time the two agree.
 *
 * <p><b>Retention</b> (privacy: nothing written lives longer than it can serve). With W the {@link
 * Settings#sectionWindow} (an upper bound on the longest section's shortest legal travel time plus
 * one bucket) and L the allowed lateness, a sighting is needed at most W + L after it was written.
 * The changelogs of the section stores and the repartition topic are therefore kept {@code
 * retention.ms = W + L} (35 min by default) with {@code segment.ms} = {@value #SEGMENT_MINUTES}
 * min, so a record is gone at most one segment plus the broker's retention check interval later;
 * the changelogs are {@code cleanup.policy=compact,delete}, their tombstones kept {@code
 * delete.retention.ms} = 1 min. Streams also deletes repartition records once they are committed.
 * The event-id changelog is kept two de-duplication windows (10 min by default), the time an event
 * id is remembered. Everything on these topics is sealed or keyed: tags, times, sealed bytes, event
 * and camera ids, never a plate in clear.
 *
 * <p><b>Epoch keys</b>: {@code keys} is shared by the tasks of a process; its {@link
 * org.vigil.enforcement.EpochKeySource} must give the same key when asked again for an epoch (as
 * the shared source of a deployment does), since one task may destroy a key that a lagging task of
 * the same process asks for again.
 */
public final class VigilTopology {
  /** The store of recent (camera, event id) pairs of the decide tasks. */
  public static final String EVENT_STORE = "vigil-event-ids";

  /** The store of waiting section sightings by tag. */
  public static final String SECTION_STORE = "vigil-sections";

  /** The index of {@link #SECTION_STORE} by the second its keys fall due. */
  public static final String SECTION_DUE_STORE = "vigil-sections-due";

  /**
   * The name of the repartition by tag: its topic is {@code <application
   * id>-placements-repartition}.
   */
  public static final String PLACEMENTS = "placements";

  private static final long SEGMENT_MINUTES = 5;

  /**
   * How often a processing node commits, i.e. ends the transaction of each of its tasks. Exactly
   * once makes every commit a round of transaction markers on every partition written, so the
   * default of 100 ms spent most of a node's time committing; a second adds at most a second to the
   * time before a violation is visible to the cases node, which nobody waits for.
   */
  static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  /**
   * How long the producer waits before sending again when the broker answers {@code
   * CONCURRENT_TRANSACTIONS}, as it does to the first write of a transaction that follows a commit
   * still being completed. The default (100 ms) idled a task after almost every commit.
   */
  static final Duration TRANSACTION_RETRY_BACKOFF = Duration.ofMillis(10);

  private VigilTopology() {}

  /**
   * Tuning of the topology.
   *
   * @param allowedLateness how late a detection may arrive and still be decided
   * @param dedupWindow how long an accepted (camera, event id) is remembered at least (at most
   *     twice that)
   * @param sectionWindow at least the longest section's shortest legal travel time plus one bucket
   *     (t_min + δ, see {@code docs/section-control.md}): how long a waiting sighting must survive
   *     in a changelog, less the lateness
   */
  public record Settings(Duration allowedLateness, Duration dedupWindow, Duration sectionWindow) {
    public Settings {
      Objects.requireNonNull(allowedLateness, "allowedLateness");
      if (allowedLateness.isNegative()) {
        throw new IllegalArgumentException(
            "allowedLateness must not be negative, was " + allowedLateness);
      }
      if (dedupWindow.toMillis() < 1) {
        throw new IllegalArgumentException("dedupWindow must be at least 1 ms, was " + dedupWindow);
      }
      if (sectionWindow.toMillis() < 1) {
        throw new IllegalArgumentException(
            "sectionWindow must be at least 1 ms, was " + sectionWindow);
      }
    }

    /** 5 min lateness, event ids remembered 5 to 10 min, sections up to 30 min. */
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
    }

    /** How long a section changelog or placement record is kept: the window plus the lateness. */
    public Duration sectionRetention() {
      return sectionWindow.plus(allowedLateness);
    }

    /** How long an event-id changelog record is kept: two de-duplication windows. */
    public Duration eventRetention() {
      return dedupWindow.multipliedBy(2);
    }
  }

  /**
   * Builds the topology.
   *
   * @param settings lateness, windows, retention
   * @param sites the sites in force, asked for each record
   * @param exemptions the exempt vehicles
   * @param fines the tariffs in force, asked for each violation
   * @param keys the epoch keys shared by the nodes of the deployment (see the class comment)
   * @param violationKey the key violations are sealed with, {@code
   *     ClusterSecret.derive("violations")}; copied
   * @param clock the wall clock (stream time idles with it; latency is measured by it)
   * @param metrics where the counters go
   */
  public static Topology build(
      Settings settings,
      Supplier<Sites> sites,
      Exemptions exemptions,
      Supplier<Fines> fines,
      EpochKeys keys,
      byte[] violationKey,
      Clock clock,
      TopologyMetrics metrics) {
    byte[] vkey = violationKey.clone();
    if (vkey.length != 32) {
      throw new IllegalArgumentException("the violation key must be 32 bytes, was " + vkey.length);
    }
    TransportSeal seal = new TransportSeal(keys);
    Serde<byte[]> bytes = Serdes.ByteArray();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(EVENT_STORE, settings.eventRetention()));
    builder.addStateStore(store(SECTION_STORE, settings.sectionRetention()));
    builder.addStateStore(store(SECTION_DUE_STORE, settings.sectionRetention()));

    KStream<byte[], Out> decided =
        builder.stream(KafkaTopics.DETECTIONS, Consumed.with(bytes, bytes).withName("detections"))
            .process(
                () ->
                    new DecideProcessor(
                        settings, sites, exemptions, fines, keys, seal, vkey, clock, metrics),
                Named.as("decide"),
                EVENT_STORE);
    Map<String, KStream<byte[], Out>> out =
        decided
            .split(Named.as("decided-"))
            .branch((k, v) -> v.kind() == Out.Kind.VIOLATION, Branched.as("violations"))
            .branch((k, v) -> v.kind() == Out.Kind.PASSAGE, Branched.as("passages"))
            .defaultBranch(Branched.as("placements"));
    out.get("decided-violations")
        .mapValues(Out::value, Named.as("camera-violation-values"))
        .to(KafkaTopics.VIOLATIONS, Produced.with(bytes, bytes).withName("camera-violations"));
    out.get("decided-passages")
        .mapValues(Out::value, Named.as("passage-values"))
        .to(KafkaTopics.PASSAGES, Produced.with(bytes, bytes).withName("passages"));
    out.get("decided-placements")
        .mapValues(Out::value, Named.as("placement-values"))
        .repartition(
            Repartitioned.<byte[], byte[]>as(PLACEMENTS).withKeySerde(bytes).withValueSerde(bytes))
        .process(
            () -> new PlaceProcessor(settings, sites, fines, keys, seal, vkey, clock, metrics),
            Named.as("place"),
            SECTION_STORE,
            SECTION_DUE_STORE)
        .to(KafkaTopics.VIOLATIONS, Produced.with(bytes, bytes).withName("section-violations"));
    return builder.build();
  }

  /** {@link #streamsConfig(String, String, Path, Settings)} with {@link Settings#defaults()}. */
  public static Properties streamsConfig(String bootstrap, String applicationId, Path stateDir) {
    return streamsConfig(bootstrap, applicationId, stateDir, Settings.defaults());
  }

  /**
   * The Streams configuration of a processing node: {@code exactly_once_v2}, byte-array serdes,
   * state in {@code stateDir}, one standby replica of each store, the repartition topic's retention
   * ({@code topic.retention.ms} = {@link Settings#sectionRetention()}, {@code topic.segment.ms} = 5
   * min), records that fail to deserialize skipped, the producer's {@code acks=all}, a commit (one
   * transaction per task) every {@link #COMMIT_INTERVAL} and a retry after {@link
   * #TRANSACTION_RETRY_BACKOFF}.
   */
  public static Properties streamsConfig(
      String bootstrap, String applicationId, Path stateDir, Settings settings) {
    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    p.put(
        StreamsConfig.topicPrefix("retention.ms"),
        Long.toString(settings.sectionRetention().toMillis()));
    p.put(
        StreamsConfig.topicPrefix("segment.ms"),
        Long.toString(Duration.ofMinutes(SEGMENT_MINUTES).toMillis()));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG),
        TRANSACTION_RETRY_BACKOFF.toMillis());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return p;
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name, Duration retention) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
        .withLoggingEnabled(
            Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(retention.toMillis()),
                "segment.ms", Long.toString(Duration.ofMinutes(SEGMENT_MINUTES).toMillis()),
                "delete.retention.ms", Long.toString(Duration.ofMinutes(1).toMillis())));
  }
}
