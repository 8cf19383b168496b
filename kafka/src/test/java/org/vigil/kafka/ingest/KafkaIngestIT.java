package org.vigil.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigil.detection.Detection;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.TransportSeal;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.DetectionRecords;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.kafka.runtime.Topics;
import org.vigil.pipeline.CameraGrant;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.pipeline.IngestItem;
import org.vigil.pipeline.IngestResult;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.pipeline.StorageUnavailableException;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;
import org.vigil.testkit.kafka.KafkaBrokerExtension;

/** Against a real broker, one listener of which is behind a proxy that the test cuts. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIngestIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(1);

  static final ClusterSecret SECRET = new ClusterSecret(new byte[32]);
  static final Sites SITES = SitesBuilder.standard();
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void topics() {
    try (Admin admin = KAFKA.admin()) {
      Topics.ensure(admin, Topics.Settings.defaults(2));
    }
  }

  @Test
  @Order(1)
  void writesAdmittedDetectionsSealedForAnyNodeAndRejectsAsTheEmbeddedRuntimeDoes() {
    TestClock clock = new TestClock(NOW);
    List<IngestItem> batch =
        List.of(
            parsed(0, aDetection().camera("B-003").at(NOW.minusSeconds(2)).plate("100AAA01")),
            new IngestItem.Malformed(1, "e-1", "speedKmh 'fast' is not a number"),
            parsed(2, aDetection().camera("NOPE").at(NOW.minusSeconds(2)).plate("100AAA02")),
            parsed(3, aDetection().camera("B-003").at(NOW.plusSeconds(600)).plate("100AAA03")),
            parsed(4, aDetection().camera("B-007").at(NOW.minusSeconds(1)).plate("100AAA04")),
            parsed(
                5,
                aDetection().camera("B-003").at(NOW.minus(Duration.ofHours(3))).plate("100AAA05")));
    try (SharedEpochKeys keys = keys(KAFKA.bootstrapServers(), clock);
        KafkaIngest ingest =
            new KafkaIngest(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                () -> SITES,
                keys,
                clock,
                KafkaIngest.Settings.defaults())) {
      IngestResult result = ingest.ingest(batch, CameraGrant.everyCamera());

      assertThat(result.accepted()).isEqualTo(2);
      assertThat(result.duplicates()).isZero();
      assertThat(result.violations()).isZero();
      // the same rejections, with the same texts, as the embedded runtime's for items 1 to 3
      IngestResult embedded = embedded(batch.subList(0, 5), clock);
      assertThat(result.rejected().subList(0, 3)).isEqualTo(embedded.rejected());
      assertThat(result.rejected().get(3).index()).isEqualTo(5);
      assertThat(result.rejected().get(3).reason()).contains("too late to be decided");
      assertThat(ingest.metrics().accepted()).isEqualTo(2);
      assertThat(ingest.metrics().rejected()).isEqualTo(4);
      assertThat(ingest.metrics().batches()).isEqualTo(1);

      // a grant for one camera refuses the others, as embedded
      IngestResult refused = ingest.ingest(batch.subList(4, 5), CameraGrant.camera("B-003"));
      assertThat(refused.rejected().getFirst().reason())
          .isEqualTo("this key may not post for camera 'B-007'");
    }

    // another node with the same secret opens both records; no plate is in clear on the topic
    List<ConsumerRecord<byte[], byte[]>> records = readAll(KafkaTopics.DETECTIONS);
    assertThat(records).hasSize(2);
    try (SharedEpochKeys other = keys(KAFKA.bootstrapServers(), clock)) {
      EpochKeys epochKeys = new EpochKeys(other, other.settings().epochLength());
      TransportSeal seal = new TransportSeal(epochKeys);
      List<String> cameras = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        DetectionRecords.Received got = DetectionRecords.open(seal, r.headers(), r.value());
        assertThat(new String(r.key(), StandardCharsets.UTF_8))
            .isEqualTo(got.detection().cameraId());
        assertThat(got.receivedAt()).isEqualTo(NOW);
        cameras.add(got.detection().cameraId());
        assertThat(new String(r.value(), StandardCharsets.ISO_8859_1)).doesNotContain("100AAA");
      }
      assertThat(cameras).containsExactlyInAnyOrder("B-003", "B-007");
    }
  }

  @Test
  @Order(2)
  void aBatchTheBrokerDoesNotAcknowledgeIsAStorageFailure() {
    TestClock clock = new TestClock(NOW);
    String proxied = KAFKA.proxiedBootstrapServers(0);
    try (SharedEpochKeys keys = keys(KAFKA.bootstrapServers(), clock);
        KafkaIngest ingest =
            new KafkaIngest(
                Map.of("bootstrap.servers", proxied),
                () -> SITES,
                keys,
                clock,
                new KafkaIngest.Settings(
                    Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ZERO))) {
      List<IngestItem> batch =
          List.of(parsed(0, aDetection().camera("B-003").at(NOW).plate("100AAA09")));
      assertThat(ingest.ingest(batch, CameraGrant.everyCamera()).accepted()).isEqualTo(1);

      KAFKA.proxy(0).cut();
      assertThatThrownBy(() -> ingest.ingest(batch, CameraGrant.everyCamera()))
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("send it again");
      assertThat(ingest.metrics().sendFailures()).isEqualTo(1);

      KAFKA.proxy(0).restore();
      assertThat(ingest.ingest(batch, CameraGrant.everyCamera()).accepted()).isEqualTo(1);
    }
  }

  private static SharedEpochKeys keys(String bootstrap, TestClock clock) {
    return SharedEpochKeys.start(
        Map.of("bootstrap.servers", bootstrap),
        SECRET,
        SharedEpochKeys.Settings.defaults(),
        clock,
        new SecureRandom());
  }

  private static IngestItem parsed(int index, org.vigil.testkit.DetectionBuilder b) {
    Detection d = b.build();
    return new IngestItem.Parsed(index, d);
  }

  private static IngestResult embedded(List<IngestItem> batch, TestClock clock) {
    try (EmbeddedPipeline pipeline =
        new EmbeddedPipeline(
            new SiteRegistry(new Fixed(SITES)),
            vs -> CompletableFuture.completedFuture(Set.<UUID>of()),
            clock,
            EmbeddedPipeline.Settings.defaults())) {
      return pipeline.ingest(batch, CameraGrant.everyCamera());
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
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
