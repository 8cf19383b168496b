package org.vigil.kafka.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.testkit.kafka.KafkaBrokerExtension;

/** Against a real single-node KRaft broker. */
class SharedEpochKeysIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(1);
  static Map<String, Object> client;

  static final Clock CLOCK =
      Clock.fixed(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ZoneOffset.UTC);
  static final SharedEpochKeys.Settings SETTINGS = SharedEpochKeys.Settings.defaults();
  static final long NOW = Math.floorDiv(CLOCK.millis(), SETTINGS.epochLength().toMillis());
  static final byte[] SECRET = new byte[32];

  @BeforeAll
  static void start() {
    client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    new SecureRandom().nextBytes(SECRET);
  }

  static SharedEpochKeys node(byte[] secret) {
    return SharedEpochKeys.start(
        client, new ClusterSecret(secret), SETTINGS, CLOCK, new SecureRandom());
  }

  @Test
  void nodesRacingToProposeAgreeAndALaterNodeLearnsTheSameKeys() throws Exception {
    List<byte[]> learned = new ArrayList<>();
    try (SharedEpochKeys a = node(SECRET);
        SharedEpochKeys b = node(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(4)) {
      // both nodes ask for the same 12 epochs at once, from two threads each
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<byte[]>>> asked = new ArrayList<>();
      for (SharedEpochKeys node : List.of(a, b, a, b)) {
        Callable<List<byte[]>> ask =
            () -> {
              go.await();
              List<byte[]> keys = new ArrayList<>();
              for (long e = NOW; e < NOW + 12; e++) {
                keys.add(node.keyOf(e));
              }
              return keys;
            };
        asked.add(pool.submit(ask));
      }
      go.countDown();
      List<byte[]> first = asked.getFirst().get();
      for (Future<List<byte[]>> f : asked) {
        List<byte[]> keys = f.get();
        for (int i = 0; i < keys.size(); i++) {
          assertThat(keys.get(i)).hasSize(32).isEqualTo(first.get(i));
        }
      }
      // distinct epochs have distinct keys
      assertThat(first.stream().map(HexFormat.of()::formatHex).distinct()).hasSize(12);
      learned.addAll(first);
      // a node that joins later proposes nothing for epochs already agreed and learns them
      try (SharedEpochKeys c = node(SECRET)) {
        for (long e = NOW; e < NOW + 12; e++) {
          assertThat(c.keyOf(e)).isEqualTo(learned.get((int) (e - NOW)));
        }
        assertThat(c.proposalsWritten()).isZero();
        assertThat(c.heldEpochs()).contains(NOW, NOW + 11);
      }
      assertThat(a.unopenedProposals()).isZero();
    }

    // nothing on the topic shows a key: every value is a 61-byte wrapped proposal
    List<ConsumerRecord<byte[], byte[]>> records = readAll();
    assertThat(records).hasSizeGreaterThanOrEqualTo(12);
    for (ConsumerRecord<byte[], byte[]> r : records) {
      assertThat(r.key()).hasSize(8);
      assertThat(r.value()).hasSize(61);
      for (byte[] key : learned) {
        assertThat(indexOf(r.value(), key)).isEqualTo(-1);
        assertThat(indexOf(r.value(), Arrays.copyOf(key, 8))).isEqualTo(-1);
      }
    }
  }

  @Test
  void whenTwoNodesBothProposeAnEpochTheFirstProposalInTheLogWinsForBoth() {
    try (SharedEpochKeys a = node(SECRET);
        SharedEpochKeys b = node(SECRET)) {
      for (long e = NOW + 20; e < NOW + 30; e++) {
        a.propose(e);
        b.propose(e);
      }
      for (long e = NOW + 20; e < NOW + 30; e++) {
        assertThat(a.keyOf(e)).isEqualTo(b.keyOf(e));
      }
      assertThat(a.proposalsWritten()).isGreaterThanOrEqualTo(10);
      assertThat(b.proposalsWritten()).isGreaterThanOrEqualTo(10);
    }
    long proposalsOfThoseEpochs =
        readAll().stream()
            .mapToLong(r -> java.nio.ByteBuffer.wrap(r.key()).getLong())
            .filter(e -> e >= NOW + 20 && e < NOW + 30)
            .count();
    assertThat(proposalsOfThoseEpochs).isEqualTo(20);
  }

  @Test
  void aNodeWithAnotherSecretCannotOpenTheKeysAndSaysWhichEpoch() {
    long epoch = NOW + 40;
    try (SharedEpochKeys good = node(SECRET)) {
      byte[] key = good.keyOf(epoch);
      byte[] other = SECRET.clone();
      other[0] ^= 1;
      try (SharedEpochKeys wrong = node(other)) {
        assertThatThrownBy(() -> wrong.keyOf(epoch))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("epoch " + epoch)
            .hasMessageContaining("cluster secret")
            .hasMessageNotContaining(HexFormat.of().formatHex(key));
        assertThat(wrong.unopenedProposals()).isPositive();
      }
    }
  }

  @Test
  void aNodeThatCannotReachTheBrokerGivesUpAtItsDeadlineNamingTheEpoch() {
    SharedEpochKeys.Settings quick =
        new SharedEpochKeys.Settings(
            SETTINGS.epochLength(),
            SETTINGS.retention(),
            SETTINGS.proposeAhead(),
            Duration.ofSeconds(2));
    try (SharedEpochKeys cut =
        SharedEpochKeys.start(
            Map.of("bootstrap.servers", KAFKA.proxiedBootstrapServers(0)),
            new ClusterSecret(SECRET),
            quick,
            CLOCK,
            new SecureRandom())) {
      KAFKA.proxy(0).cut();
      long started = System.nanoTime();
      assertThatThrownBy(() -> cut.keyOf(NOW + 60))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("epoch " + (NOW + 60))
          .hasMessageContaining("PT2S");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void keysPastTheirKeepAreForgotten() throws Exception {
    org.vigil.testkit.TestClock clock = new org.vigil.testkit.TestClock(CLOCK.instant());
    try (SharedEpochKeys node =
        SharedEpochKeys.start(
            client, new ClusterSecret(SECRET), SETTINGS, clock, new SecureRandom())) {
      node.keyOf(NOW + 70);
      assertThat(node.heldEpochs()).contains(NOW + 70);
      // past the end of epoch NOW + 70 plus the keep
      clock.set(
          java.time.Instant.ofEpochMilli((NOW + 71) * SETTINGS.epochLength().toMillis())
              .plus(SETTINGS.keep()));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (java.util.Arrays.stream(node.heldEpochs()).anyMatch(e -> e == NOW + 70)) {
        assertThat(System.nanoTime()).as("forgotten in time").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThatThrownBy(() -> node.keyOf(NOW + 70)).hasMessageContaining("epoch " + (NOW + 70));
    }
  }

  @Test
  void anEpochPastItsKeepIsRefused() {
    long old = NOW - 1 - SETTINGS.keep().toMillis() / SETTINGS.epochLength().toMillis() - 1;
    try (SharedEpochKeys node = node(SECRET)) {
      assertThatThrownBy(() -> node.keyOf(old))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("epoch " + old);
      assertThat(node.toString()).doesNotContainPattern("[0-9a-f]{16}");
    }
  }

  @Test
  void settingsNameTheBadValue() {
    assertThatThrownBy(
            () ->
                new SharedEpochKeys.Settings(
                    Duration.ofHours(1),
                    Duration.ofMinutes(65),
                    Duration.ofMinutes(10),
                    Duration.ofSeconds(10)))
        .hasMessageContaining("PT1H5M");
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll() {
    TopicPartition p = new TopicPartition(KafkaTopics.EPOCH_KEYS, 0);
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(List.of(p));
      consumer.seekToBeginning(List.of(p));
      long end = consumer.endOffsets(List.of(p)).get(p);
      while (consumer.position(p) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
