package org.vigil.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigil.testkit.net.TcpProxy;

/** One broker for the class; a client behind a proxy loses it alone when the proxy is cut. */
class KafkaBrokerExtensionIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(1);

  @Test
  void createsTopicsWithPartitionsAndSettings() throws Exception {
    KAFKA.createTopic("made", 4, Map.of("retention.ms", "60000"));
    try (var admin = KAFKA.admin()) {
      assertThat(
              admin.describeTopics(Set.of("made")).allTopicNames().get().get("made").partitions())
          .hasSize(4);
    }
    assertThatThrownBy(() -> KAFKA.createTopic("made", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made");
  }

  @Test
  void aCutTakesTheBrokerFromTheProxiedClientAloneUntilRestored() throws Exception {
    KAFKA.createTopic("cut", 2);
    TcpProxy proxy = KAFKA.proxy(0);
    try (KafkaProducer<String, String> direct = producer(KAFKA.bootstrapServers());
        KafkaProducer<String, String> proxied = producer(KAFKA.proxiedBootstrapServers(0))) {
      proxied.send(new ProducerRecord<>("cut", "p", "proxied-before")).get(30, TimeUnit.SECONDS);
      int accepted = proxy.acceptedConnections();
      assertThat(accepted)
          .as("the proxied client reaches the broker through the proxy")
          .isPositive();

      proxy.cut();
      // send() itself may block while the producer refreshes its metadata through the cut proxy
      // (seen on a loaded machine), so it runs on a thread of its own and is judged as a whole.
      CompletableFuture<RecordMetadata> stalled =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return proxied.send(new ProducerRecord<>("cut", "p", "proxied-during")).get();
                } catch (InterruptedException | ExecutionException e) {
                  throw new IllegalStateException(e);
                }
              },
              Executors.newVirtualThreadPerTaskExecutor());
      direct.send(new ProducerRecord<>("cut", "d", "direct-during")).get(30, TimeUnit.SECONDS);
      assertThatThrownBy(() -> stalled.get(3, TimeUnit.SECONDS))
          .as("no record of the proxied client gets through while cut")
          .isInstanceOf(TimeoutException.class);
      assertThat(proxy.acceptedConnections())
          .as("the proxied client keeps trying to reconnect")
          .isGreaterThan(accepted);

      proxy.restore();
      stalled.get(150, TimeUnit.SECONDS);
      proxied.send(new ProducerRecord<>("cut", "p", "proxied-after")).get(30, TimeUnit.SECONDS);
    }
    assertThat(readAll("cut", 4).stream().map(ConsumerRecord::value))
        .containsExactlyInAnyOrder(
            "proxied-before", "direct-during", "proxied-during", "proxied-after");
  }

  @Test
  void eachTestStartsWithTheProxyRestored() {
    assertThat(KAFKA.proxy(0).isCut()).isFalse();
    assertThatThrownBy(() -> KAFKA.proxy(1)).hasMessageContaining("1");
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "g-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && read.size() < expected) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
      consumer.poll(Duration.ofMillis(500)).forEach(read::add);
    }
    return read;
  }
}
