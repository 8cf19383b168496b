package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.kafka.broker.LocalBroker;

/**
 * {@code vigil kafka-broker} from the packaged jar, as a developer runs it: start, stop, restart.
 */
class KafkaBrokerCommandIT {
  @TempDir Path dir;

  @Test
  void runsABrokerUntilStoppedAndKeepsItsTopicsAcrossARestart() throws Exception {
    Path brokerDir = dir.resolve("kafka");
    int port = LocalBroker.freePort();
    Process first = start(brokerDir, port);
    try {
      try (Admin admin = admin(port)) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  "localhost:" + port,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class))) {
        producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, TimeUnit.SECONDS);
      }
    } finally {
      stop(first);
    }
    assertThat(brokerDir.resolve("data").resolve("meta.properties")).exists();
    assertThat(brokerDir.resolve("logs").resolve("vigil.log")).exists();

    int again = LocalBroker.freePort();
    Process second = start(brokerDir, again);
    try {
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  "localhost:" + again,
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "command-it",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest",
                  ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class,
                  ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class))) {
        consumer.subscribe(List.of("kept"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.isEmpty() && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
      }
      assertThat(values).containsExactly("v");
    } finally {
      stop(second);
    }
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThat(Main.run("kafka-broker")).isNotZero();
  }

  private static Admin admin(int port) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port));
  }

  /** Starts the packaged {@code vigil kafka-broker} and waits for its ready line. */
  private static Process start(Path brokerDir, int port) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Files.createDirectories(brokerDir);
    Process p =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                System.getProperty("vigil.jar", "target/vigil.jar"),
                "kafka-broker",
                "--dir",
                brokerDir.toString(),
                "--port",
                Integer.toString(port),
                "--controller-port",
                Integer.toString(LocalBroker.freePort()))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.equals("Kafka broker ready at localhost:" + port)) {
        Thread.ofVirtual().start(() -> drain(out));
        return p;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("vigil kafka-broker exited before it was ready:\n" + seen);
  }

  /** SIGTERM, as a service manager stops it; the broker shuts down in order and the JVM exits. */
  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("vigil kafka-broker did not stop within 60 s of SIGTERM");
    }
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // the console is not checked after the ready line; reading it keeps the pipe from filling
      }
    } catch (IOException e) {
      // the process is gone
    }
  }
}
