package org.vigil.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real single-node KRaft broker: idempotent and transactional producers, an exactly_once_v2
 * Streams application, and a restart on the same directory.
 */
class LocalBrokerIT {
  @TempDir static Path shared;
  private static LocalBroker broker;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    broker = LocalBroker.start(LocalBroker.Config.of(shared.resolve("broker")));
    System.out.printf(
        "LocalBroker: first start (format included) in %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void anIdempotentProducerWithAcksAllWritesWhatAConsumerReads() throws Exception {
    createTopic(broker, "idempotent", 3);
    try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
      for (int i = 0; i < 300; i++) {
        producer.send(new ProducerRecord<>("idempotent", "k" + i, "v" + i)).get();
      }
    }
    List<ConsumerRecord<String, String>> read =
        readAll(broker, "idempotent", 300, "read_committed");
    assertThat(read).hasSize(300);
    assertThat(read.stream().map(ConsumerRecord::partition).distinct()).hasSize(3);
    assertThat(read.stream().map(ConsumerRecord::value)).contains("v0", "v299");
  }

  @Test
  void aTransactionalProducerCommitsAndAbortsForReadCommittedConsumers() throws Exception {
    createTopic(broker, "tx", 2);
    try (KafkaProducer<String, String> producer =
        producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx", "a", "committed-1"));
      producer.send(new ProducerRecord<>("tx", "b", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx", "c", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx", "d", "committed-3"));
      producer.commitTransaction();
    }
    assertThat(readAll(broker, "tx", 3, "read_committed").stream().map(ConsumerRecord::value))
        .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
    assertThat(readAll(broker, "tx", 4, "read_uncommitted").stream().map(ConsumerRecord::value))
        .contains("aborted");
  }

  @Test
  void anExactlyOnceV2StreamsApplicationRuns(@TempDir Path state) throws Exception {
    createTopic(broker, "streams-in", 2);
    createTopic(broker, "streams-out", 2);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("streams-in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(v -> v.toUpperCase(Locale.ROOT))
        .to("streams-out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
        for (int i = 0; i < 20; i++) {
          producer.send(new ProducerRecord<>("streams-in", "k" + i, "v" + i)).get();
        }
      }
      List<ConsumerRecord<String, String>> out =
          readAll(broker, "streams-out", 20, "read_committed");
      assertThat(out.stream().map(ConsumerRecord::value)).hasSize(20).contains("V0", "V19");
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void aRestartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
    LocalBroker.Config config = LocalBroker.Config.of(dir);
    try (LocalBroker first = LocalBroker.start(config)) {
      createTopic(first, "kept", 2);
      try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
        for (int i = 0; i < 50; i++) {
          producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i)).get();
        }
      }
    }
    long t0 = System.nanoTime();
    try (LocalBroker second = LocalBroker.start(config)) {
      System.out.printf(
          "LocalBroker: restart on a formatted directory in %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
      try (Admin admin = admin(second)) {
        assertThat(admin.listTopics().names().get()).contains("kept");
        assertThat(
                admin.describeTopics(Set.of("kept")).allTopicNames().get().get("kept").partitions())
            .hasSize(2);
      }
      assertThat(readAll(second, "kept", 50, "read_committed")).hasSize(50);
    }
  }

  @Test
  void aConfigNamesItsBadValues() {
    Path dir = Path.of("unused");
    assertThatThrownBy(() -> new LocalBroker.Config(dir, 70000, 0)).hasMessageContaining("70000");
    assertThatThrownBy(() -> new LocalBroker.Listener("cut", 0, 0)).hasMessageContaining("cut");
    assertThatThrownBy(() -> new LocalBroker.Listener("PLAINTEXT", 0, 0))
        .hasMessageContaining("PLAINTEXT");
    assertThatThrownBy(
            () ->
                LocalBroker.Config.of(dir)
                    .withListener(new LocalBroker.Listener("CUT", 0, 0))
                    .withListener(new LocalBroker.Listener("CUT", 0, 0)))
        .hasMessageContaining("CUT");
    assertThatThrownBy(() -> broker.listenerPort("NOPE")).hasMessageContaining("NOPE");
  }

  static Admin admin(LocalBroker b) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers()));
  }

  static void createTopic(LocalBroker b, String name, int partitions) throws Exception {
    try (Admin admin = admin(b)) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  static KafkaProducer<String, String> producer(LocalBroker b, Map<String, Object> extra) {
    Map<String, Object> props =
        new java.util.HashMap<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                b.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    props.putAll(extra);
    return new KafkaProducer<>(props);
  }

  static List<ConsumerRecord<String, String>> readAll(
      LocalBroker b, String topic, int expected, String isolation) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            b.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "g-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
      consumer.commitSync();
    }
    return read;
  }
}
