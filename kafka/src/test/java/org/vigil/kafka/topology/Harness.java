package org.vigil.kafka.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.vigil.detection.Detection;
import org.vigil.enforcement.EpochKeySource;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.TransportSeal;
import org.vigil.enforcement.Violation;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.DetectionRecords;
import org.vigil.kafka.codec.PassageRecords;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;

/**
 * The topology in a {@link TopologyTestDriver}, with an ingest node's sealing in front: what the
 * tests send is sealed as an ingest node seals it, and what comes out is opened as the sink opens
 * it. Epoch keys come from a fixed shared source, as nodes sharing them would see.
 */
final class Harness implements AutoCloseable {
  static final String APP = "vigil-test";
  static final EpochKeySource SHARED =
      epoch -> {
        byte[] key = new byte[32];
        new SplittableRandom(0x5EED ^ epoch).nextBytes(key);
        return key;
      };
  static final byte[] VIOLATION_KEY = new ClusterSecret(new byte[32]).derive("violations");

  final TestClock clock;
  final TopologyMetrics metrics = new TopologyMetrics();
  final EpochKeys ingestKeys = new EpochKeys(SHARED, EpochKeys.DEFAULT_EPOCH);
  final TransportSeal ingestSeal = new TransportSeal(ingestKeys);
  final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> detections;
  private final TestOutputTopic<byte[], byte[]> violations;
  private final TestOutputTopic<byte[], byte[]> passages;

  Harness(Sites sites, Fines fines, Path stateDir, Instant start, VigilTopology.Settings settings) {
    this.clock = new TestClock(start);
    Properties props = VigilTopology.streamsConfig("localhost:9", APP, stateDir, settings);
    driver =
        new TopologyTestDriver(
            VigilTopology.build(
                settings,
                () -> sites,
                Exemptions.NONE,
                () -> fines,
                new EpochKeys(SHARED, EpochKeys.DEFAULT_EPOCH),
                VIOLATION_KEY,
                clock,
                metrics),
            props,
            start);
    detections =
        driver.createInputTopic(
            KafkaTopics.DETECTIONS, new ByteArraySerializer(), new ByteArraySerializer());
    violations =
        driver.createOutputTopic(
            KafkaTopics.VIOLATIONS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    passages =
        driver.createOutputTopic(
            KafkaTopics.PASSAGES, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  Harness(Sites sites, Fines fines, Path stateDir, Instant start) {
    this(sites, fines, stateDir, start, VigilTopology.Settings.defaults());
  }

  /** Sends {@code d} as an ingest node does, received at {@code receivedAt}. */
  void send(Detection d, Instant receivedAt) {
    ProducerRecord<byte[], byte[]> r =
        DetectionRecords.producerRecord(ingestSeal, ingestKeys, d, receivedAt);
    if (clock.instant().isBefore(receivedAt)) {
      Duration by = Duration.between(clock.instant(), receivedAt);
      clock.set(receivedAt);
      driver.advanceWallClockTime(by);
    }
    detections.pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), receivedAt));
  }

  /** Sends {@code d} received when it was observed. */
  void send(Detection d) {
    send(d, d.observedAt());
  }

  /** Sends raw bytes as a detection record. */
  void sendRaw(byte[] key, byte[] value, RecordHeaders headers) {
    detections.pipeInput(new TestRecord<>(key, value, headers, clock.instant()));
  }

  /** Every record written to {@code topic} so far (an output, internal or changelog topic). */
  List<TestRecord<byte[], byte[]>> written(String topic) {
    return driver
        .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .readRecordsToList();
  }

  /** The changelog topic of {@code store}. */
  static String changelog(String store) {
    return APP + "-" + store + "-changelog";
  }

  /** Moves the wall clock on, running the punctuators. */
  void advance(Duration by) {
    clock.advance(by);
    driver.advanceWallClockTime(by);
  }

  /** The violations emitted since the last call, opened, checking each record's key. */
  List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    for (TestRecord<byte[], byte[]> r : violations.readRecordsToList()) {
      Violation v = ViolationRecords.open(r.value(), VIOLATION_KEY);
      if (!new String(r.key(), java.nio.charset.StandardCharsets.UTF_8).equals(v.id().toString())) {
        throw new AssertionError("a violation record is not keyed by its id");
      }
      out.add(v);
    }
    return out;
  }

  /** The passages emitted since the last call. */
  List<Passage> passages() {
    return passages.readValuesToList().stream().map(PassageRecords::decode).toList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
