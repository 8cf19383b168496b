package org.vigil.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.enforcement.ViolationType;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.ingest.KafkaIngest;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.kafka.sink.ViolationSink;
import org.vigil.kafka.topology.VigilTopology;
import org.vigil.pipeline.CameraGrant;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.pipeline.IngestItem;
import org.vigil.pipeline.IngestResult;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.postgres.Database;
import org.vigil.postgres.DatabaseSettings;
import org.vigil.postgres.PostgresViolations;
import org.vigil.retention.Envelopes;
import org.vigil.retention.RetentionPolicy;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.tariff.TariffBook;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.TestClock;
import org.vigil.testkit.kafka.KafkaBrokerExtension;

/**
 * The Kafka runtime in one JVM against a real broker, as a deployment runs it: an ingest node, two
 * processing nodes (each with its own state directory, epoch-key reader and, optionally, its own
 * way to the broker), and the cases role writing into a real PostgreSQL. It also decides the same
 * simulated city with the embedded runtime, for comparison.
 *
 * <p>Time: the city starts 40 minutes ago and its detections are posted in batches of {@value
 * #BATCH} (under a second of traffic), the clock set to just after each batch's last sighting, so
 * that the cameras' clocks look steady and right, as when they post live (but the whole run takes
 * seconds). The embedded runtime is fed the same batches at the same clock readings. (With clocks
 * whose estimate moves past the drift allowance between a section's entry and exit, the two
 * runtimes may differ in that violation's clock-drift hold by design: see the class comment of
 * Enforcer. A batch of several seconds makes that happen here, so the batches are short.) The
 * allowed lateness is 30 min in both, so that a processing node that stops or loses the broker for
 * a few seconds — minutes of the compressed city's time — does not make its partitions' detections
 * too late: with cameras posting live, a few seconds of outage are a few seconds of stream time.
 */
final class ScaleOut implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScaleOut.class);

  static final Duration LATENESS = Duration.ofMinutes(30);
  static final int PARTITIONS = 4;
  static final int BATCH = 50;

  final KafkaBrokerExtension kafka;
  final Path dir;
  final SimulatedCity city;
  final Sites sites;
  final List<Detection> detections;
  final TestClock clock;
  final ClusterSecret secret;
  final Database database;
  final PostgresViolations violations;
  final LongAdder passages = new LongAdder();
  final KafkaIngest ingest;
  final ViolationSink sink;
  private final List<SharedEpochKeys> keys = new ArrayList<>();
  private final ProcessNode[] nodes = new ProcessNode[2];

  /**
   * Starts everything but the processing nodes.
   *
   * @param minutes how many minutes of the city's traffic to post
   */
  ScaleOut(KafkaBrokerExtension kafka, Path dir, long seed, int minutes) {
    this.kafka = kafka;
    this.dir = dir;
    Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
    this.city = new SimulatedCity(new CityConfig(seed, 12, 4, 60, 0.1, start));
    this.sites = city.sites();
    this.detections =
        city.nextUntil(start.plus(Duration.ofMinutes(minutes))).stream()
            .map(SimulatedDetection::detection)
            .toList();
    this.clock = new TestClock(start);
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    this.secret = new ClusterSecret(s);
    try (Admin admin = kafka.admin()) {
      Topics.ensure(admin, Topics.Settings.of(PARTITIONS, topologySettings()));
    }
    this.database = Database.open(DatabaseSettings.embedded(dir.resolve("pg")));
    this.violations =
        new PostgresViolations(
            database.dataSource(),
            new Envelopes(new InMemoryKeyVault(), new SecureRandom()),
            RetentionPolicy.defaults());
    this.ingest =
        new KafkaIngest(
            client(kafka.bootstrapServers()),
            () -> sites,
            keys(kafka.bootstrapServers()),
            clock,
            new KafkaIngest.Settings(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ZERO));
    this.sink =
        ViolationSink.start(
            client(kafka.bootstrapServers()),
            secret,
            violations,
            p -> passages.increment(),
            ViolationSink.Settings.defaults());
  }

  static Map<String, Object> client(String bootstrap) {
    return Map.of("bootstrap.servers", bootstrap);
  }

  private SharedEpochKeys keys(String bootstrap) {
    SharedEpochKeys k =
        SharedEpochKeys.start(
            client(bootstrap),
            secret,
            SharedEpochKeys.Settings.defaults(),
            clock,
            new SecureRandom());
    keys.add(k);
    return k;
  }

  /** Starts processing node {@code i} (0 or 1), reaching the broker at {@code bootstrap}. */
  ProcessNode startNode(int i, String bootstrap) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    overrides.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    // a cut node's open transaction is aborted after 5 s (Streams' default: 10 s)
    overrides.put(
        StreamsConfig.producerPrefix(
            org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        5000);
    overrides.put(StreamsConfig.CLIENT_ID_CONFIG, "node-" + i);
    nodes[i] =
        ProcessNode.start(
            client(bootstrap),
            dir.resolve("state-" + i),
            topologySettings(),
            () -> sites,
            Exemptions.NONE,
            () -> FINES,
            keys(bootstrap),
            secret,
            clock,
            overrides);
    return nodes[i];
  }

  ProcessNode node(int i) {
    return nodes[i];
  }

  /** Stops processing node {@code i} in an orderly way; it is not waited for afterwards. */
  boolean stopNode(int i, Duration timeout) {
    ProcessNode n = nodes[i];
    nodes[i] = null;
    return n.close(timeout);
  }

  static VigilTopology.Settings topologySettings() {
    return new VigilTopology.Settings(LATENESS, Duration.ofMinutes(5), Duration.ofMinutes(30));
  }

  private static final Fines FINES = new Fines(TariffBook.of(List.of()));

  /** Waits until every started node runs. */
  void awaitReady() throws InterruptedException {
    await(
        () -> {
          for (ProcessNode n : nodes) {
            if (n != null && !n.isReady()) {
              return false;
            }
          }
          return true;
        },
        Duration.ofSeconds(60),
        "the processing nodes run");
    log("the processing nodes run");
  }

  /** Posts {@code part} to the ingest node in batches, as the cameras would, clock following. */
  void post(List<Detection> part) {
    log("posting " + part.size() + " detections");
    for (List<IngestItem> batch : batches(part)) {
      clock.set(last(batch).plusMillis(100));
      IngestResult r = ingest.ingest(batch, CameraGrant.everyCamera());
      assertThat(r.rejected()).as("rejections").isEmpty();
      assertThat(r.accepted()).isEqualTo(batch.size());
    }
  }

  /** The violations the embedded runtime finds in {@link #detections}, posted alike. */
  Map<UUID, Violation> embedded() {
    Map<UUID, Violation> found = new ConcurrentHashMap<>();
    ViolationRecorder recorder =
        vs -> {
          Set<UUID> fresh = new java.util.HashSet<>();
          for (Violation v : vs) {
            if (found.putIfAbsent(v.id(), v) == null) {
              fresh.add(v.id());
            }
          }
          return CompletableFuture.completedFuture(fresh);
        };
    TestClock own = new TestClock(clock.instant());
    try (EmbeddedPipeline pipeline =
        new EmbeddedPipeline(
            new SiteRegistry(new Fixed(sites)),
            recorder,
            own,
            EmbeddedPipeline.Settings.defaults().withAllowedLateness(LATENESS))) {
      for (List<IngestItem> batch : batches(detections)) {
        own.set(last(batch).plusMillis(100));
        IngestResult r = pipeline.ingest(batch, CameraGrant.everyCamera());
        assertThat(r.rejected()).isEmpty();
      }
    }
    log("the embedded runtime found " + found.size() + " violations");
    return found;
  }

  /** Waits until PostgreSQL holds every one of {@code ids}. */
  void awaitStored(Set<UUID> ids, Duration timeout) throws InterruptedException {
    await(() -> stored(ids).size() == ids.size(), timeout, ids.size() + " violations stored");
  }

  Map<UUID, Violation> stored(Set<UUID> ids) {
    try {
      return violations.byIds(ids);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many violations of any id PostgreSQL holds. */
  long storedCount() {
    try {
      return violations.countByType().values().stream().mapToLong(Long::longValue).sum();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many committed records {@link KafkaTopics#VIOLATIONS} holds of each violation id (a
   * read_committed consumer from the start to the end).
   */
  Map<String, Long> committedViolationRecords() {
    Map<String, Object> c = new HashMap<>(client(kafka.bootstrapServers()));
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Long> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      consumer
          .partitionsFor(KafkaTopics.VIOLATIONS)
          .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + KafkaTopics.VIOLATIONS + " to its end");
        }
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(r -> counts.merge(new String(r.key(), StandardCharsets.UTF_8), 1L, Long::sum));
      }
    }
    return counts;
  }

  /** Whether the cases role has read everything the processing nodes committed. */
  boolean sinkCaughtUp() {
    Map<String, Object> c = new HashMap<>(client(kafka.bootstrapServers()));
    try (Admin admin = Admin.create(c)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(ViolationSink.GROUP).partitionsToOffsetAndMetadata().get();
      Map<String, Object> cc = new HashMap<>(c);
      cc.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(cc, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        Map<TopicPartition, Long> end = consumer.endOffsets(committed.keySet());
        return committed.entrySet().stream()
            .allMatch(e -> e.getValue().offset() >= end.get(e.getKey()));
      }
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The checks every scenario ends with: PostgreSQL holds exactly the embedded runtime's
   * violations, equal field by field; the violations topic holds each once; the sink read each
   * once.
   */
  void assertSameAsEmbedded(Map<UUID, Violation> expected, Duration timeout)
      throws InterruptedException {
    awaitStored(expected.keySet(), timeout);
    awaitReady();
    await(() -> storedCount() >= expected.size(), timeout, "the count settles");
    Map<UUID, Violation> stored = stored(expected.keySet());
    assertThat(storedCount()).as("violations in PostgreSQL").isEqualTo(expected.size());
    Map<String, Long> differing = new java.util.TreeMap<>();
    for (Map.Entry<UUID, Violation> e : expected.entrySet()) {
      Violation got = stored.get(e.getKey());
      for (var c : Violation.class.getRecordComponents()) {
        try {
          Object a = c.getAccessor().invoke(e.getValue());
          Object b = c.getAccessor().invoke(got);
          if (!java.util.Objects.equals(a, b)) {
            differing.merge(e.getValue().type() + "." + c.getName(), 1L, Long::sum);
            if (differing.get(e.getValue().type() + "." + c.getName()) == 1) {
              LOG.warn("{} {}: expected {} got {}", e.getKey(), c.getName(), a, b);
            }
          }
        } catch (ReflectiveOperationException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    assertThat(differing).as("fields that differ from the embedded runtime's").isEmpty();
    Map<String, Long> records = committedViolationRecords();
    assertThat(records.keySet())
        .isEqualTo(expected.keySet().stream().map(UUID::toString).collect(Collectors.toSet()));
    assertThat(records.values()).as("committed records per violation id").containsOnly(1L);
    await(this::sinkCaughtUp, timeout, "the sink commits everything");
    assertThat(sink.metrics().violationsRead()).isEqualTo(expected.size());
    assertThat(sink.metrics().violationsRecorded()).isEqualTo(expected.size());
    assertThat(sink.metrics().unopened()).isZero();
  }

  /** The violation types among {@code violations}. */
  static Set<ViolationType> types(Map<UUID, Violation> violations) {
    return violations.values().stream().map(Violation::type).collect(Collectors.toSet());
  }

  static void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  private static List<List<IngestItem>> batches(List<Detection> ds) {
    List<List<IngestItem>> out = new ArrayList<>();
    for (int from = 0; from < ds.size(); from += BATCH) {
      List<IngestItem> batch = new ArrayList<>();
      for (int i = from; i < Math.min(ds.size(), from + BATCH); i++) {
        batch.add(new IngestItem.Parsed(i - from, ds.get(i)));
      }
      out.add(batch);
    }
    return out;
  }

  private static Instant last(List<IngestItem> batch) {
    return ((IngestItem.Parsed) batch.getLast()).detection().observedAt();
  }

  void log(String what) {
    LOG.info(
        "{}: sink read {} violations, {} passages",
        what,
        sink.metrics().violationsRead(),
        passages.sum());
  }

  @Override
  public void close() {
    for (ProcessNode n : nodes) {
      if (n != null) {
        n.close(Duration.ofSeconds(20));
      }
    }
    sink.close();
    ingest.close();
    keys.forEach(SharedEpochKeys::close);
    violations.close();
    database.close();
  }

  private record Fixed(Sites sites) implements SiteRepository {
    @Override
    public Sites load() {
      return sites;
    }

    @Override
    public void save(Sites next) {}
  }
}
