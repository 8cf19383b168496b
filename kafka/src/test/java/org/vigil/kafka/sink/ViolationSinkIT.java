package org.vigil.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.PassageRecords;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.kafka.runtime.Topics;
import org.vigil.postgres.Database;
import org.vigil.postgres.DatabaseSettings;
import org.vigil.postgres.PostgresViolations;
import org.vigil.retention.Envelopes;
import org.vigil.retention.RetentionPolicy;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.kafka.KafkaBrokerExtension;
import org.vigil.traffic.Passage;

/** Against a real broker and a real, embedded PostgreSQL. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ViolationSinkIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir static Path dir;
  static Database database;
  static PostgresViolations violations;
  static final ClusterSecret SECRET = new ClusterSecret(new byte[32]);
  static Map<String, Object> client;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dir));
    violations =
        new PostgresViolations(
            database.dataSource(),
            new Envelopes(new InMemoryKeyVault(), new SecureRandom()),
            RetentionPolicy.defaults());
    client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    try (Admin admin = KAFKA.admin()) {
      Topics.ensure(admin, Topics.Settings.defaults(3));
    }
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aViolationSentTwiceIsStoredOnceAndASinkStoppedMidStreamLosesNothing() throws Exception {
    List<Violation> decided = speeders(300);
    byte[] key = SECRET.derive("violations");
    LongAdder passages = new LongAdder();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      ViolationSink first =
          ViolationSink.start(client, SECRET, violations, p -> passages.increment(), quick());
      // the first 200, each twice, a record that does not open, and 50 passages
      for (Violation v : decided.subList(0, 200)) {
        send(producer, v, key);
        send(producer, v, key);
      }
      producer.send(
          new ProducerRecord<>(
              KafkaTopics.VIOLATIONS,
              UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
              new byte[] {1, 2, 3}));
      for (int i = 0; i < 50; i++) {
        producer.send(new ProducerRecord<>(KafkaTopics.PASSAGES, passage(i)));
      }
      producer.flush();
      await(() -> first.metrics().violationsRead() >= 100, "the first sink reads");
      first.close(); // mid-stream: some of those records are read, not all committed
      long firstRecorded = first.metrics().violationsRecorded();

      ViolationSink second =
          ViolationSink.start(client, SECRET, violations, p -> passages.increment(), quick());
      for (Violation v : decided.subList(200, 300)) {
        send(producer, v, key);
      }
      producer.flush();
      Set<UUID> ids = decided.stream().map(Violation::id).collect(Collectors.toSet());
      await(() -> stored(ids) == 300, "every violation is stored");
      await(() -> second.metrics().lag() == 0, "the second sink has read everything");
      second.close();

      // stored once each, and written by exactly one of the sinks
      assertThat(violations.countByType()).containsEntry(ViolationType.SPEED, 300L);
      assertThat(firstRecorded + second.metrics().violationsRecorded()).isEqualTo(300);
      assertThat(first.metrics().unopened() + second.metrics().unopened()).isEqualTo(1);
      assertThat(passages.sum()).isGreaterThanOrEqualTo(50);
      assertThat(second.metrics().storeFailures()).isZero();
    }
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void aBatchThatCannotBeRecordedIsReadAgainUntilItIs() throws Exception {
    List<Violation> decided = speeders(320).subList(300, 320);
    byte[] key = SECRET.derive("violations");
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    org.vigil.enforcement.ViolationRecorder flaky =
        vs ->
            calls.incrementAndGet() <= 2
                ? java.util.concurrent.CompletableFuture.failedFuture(
                    new java.sql.SQLException("the database is down"))
                : violations.record(vs);
    try (KafkaProducer<byte[], byte[]> producer = producer();
        ViolationSink sink = ViolationSink.start(client, SECRET, flaky, p -> {}, quick())) {
      for (Violation v : decided) {
        send(producer, v, key);
      }
      producer.flush();
      Set<UUID> ids = decided.stream().map(Violation::id).collect(Collectors.toSet());
      await(() -> stored(ids) == 20, "the batch is recorded once the database is back");
      assertThat(sink.metrics().storeFailures()).isEqualTo(2);
      assertThat(sink.isLive()).isTrue();
    }
  }

  private static ViolationSink.Settings quick() {
    return new ViolationSink.Settings(Duration.ofSeconds(30), Duration.ofMillis(200), 40);
  }

  private static long stored(Set<UUID> ids) {
    try {
      return violations.byIds(ids).size();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} spot-speed violations, the same ones each call. */
  private static List<Violation> speeders(int n) {
    Enforcement enforcement = Enforcement.of(SitesBuilder.standard(), Duration.ZERO);
    Instant t0 = Instant.parse("2026-11-02T08:00:00Z");
    List<Violation> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.addAll(
          enforcement.see(
              aDetection()
                  .camera("B-003")
                  .at(t0.plusSeconds(i))
                  .plate(String.format(Locale.ROOT, "100AB%03d", i))
                  .speed(130)
                  .build()));
    }
    assertThat(all).hasSize(n);
    return all;
  }

  private static byte[] passage(int i) {
    return PassageRecords.encode(
        new Passage(
            "B-003",
            1,
            Instant.parse("2026-11-02T08:00:00Z").plusSeconds(i),
            org.vigil.detection.VehicleClass.CAR,
            90,
            new SpeedLimit(100, 10)));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, Violation v, byte[] key) {
    producer.send(
        new ProducerRecord<>(
            KafkaTopics.VIOLATIONS,
            v.id().toString().getBytes(StandardCharsets.UTF_8),
            ViolationRecords.seal(v, key)));
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
