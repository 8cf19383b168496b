package org.vigil.kafka.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.PassageRecords;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.traffic.Passage;
import org.vigil.traffic.PassageSink;

/**
 * The cases role's reader of the Kafka runtime's results: violations into the {@link
 * ViolationRecorder} (PostgreSQL), passages into a {@link PassageSink} (traffic statistics).
 *
 * <p>One consumer in the group {@value #GROUP} reads {@link KafkaTopics#VIOLATIONS} and {@link
 * KafkaTopics#PASSAGES} with {@code isolation.level=read_committed} (only what a processing node's
 * transaction committed) and no automatic commit. For each poll: every violation is opened ({@link
 * ViolationRecords#open} under {@code ClusterSecret.derive("violations")}) and the batch handed to
 * {@link ViolationRecorder#record}; once that is durable the passages go to the sink, and only then
 * are the offsets committed ({@code commitSync}). If recording fails, the consumer goes back to the
 * batch's first offsets and tries again a second later: nothing is skipped.
 *
 * <p>Exactly once, by id: a crash (or a rebalance) after the database write and before the commit
 * delivers the batch again, and the recorder writes a violation whose id it has already recorded no
 * second time ({@code ON CONFLICT (id) DO NOTHING}). Passages have no id: such a redelivery counts
 * them twice in the statistics, and a passage the sink buffers in memory (the traffic aggregator
 * flushes every few seconds) is lost if the process dies before the flush, as in the embedded
 * runtime. Statistics are approximate at a crash; violations are exact.
 *
 * <p>A record that does not open or decode (another deployment's secret, a corrupt value) is
 * counted and skipped, logged with its topic, partition and offset only.
 */
public final class ViolationSink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViolationSink.class);

  /** The consumer group of the cases role. */
  public static final String GROUP = "vigil-cases";

  /**
   * Tuning of the sink.
   *
   * @param storeTimeout how long to wait for a batch of violations to be durable
   * @param retryAfter how long to wait before reading a batch again whose recording failed
   * @param maxPollRecords the most records read in one batch
   */
  public record Settings(Duration storeTimeout, Duration retryAfter, int maxPollRecords) {
    public Settings {
      if (storeTimeout.isNegative() || storeTimeout.isZero()) {
        throw new IllegalArgumentException("storeTimeout must be positive, was " + storeTimeout);
      }
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
      if (maxPollRecords < 1) {
        throw new IllegalArgumentException(
            "maxPollRecords must be at least 1, was " + maxPollRecords);
      }
    }

    /** 30 s to store, 1 s before a retry, 2000 records a batch. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(1), 2000);
    }
  }

  /**
   * Totals since start, for metrics.
   *
   * @param violationsRead violations read and opened (a redelivered one counts again)
   * @param violationsRecorded violations the recorder had not recorded before
   * @param passages passages handed to the sink
   * @param unopened records skipped because they did not open or decode
   * @param storeFailures batches whose recording failed (and was retried)
   * @param lag records on the assigned partitions not yet read, as of the last poll
   * @param latencyNanosMax the longest time from a violation's record timestamp (its detection's
   *     write by the ingest node) to its batch being durable
   * @param latencyNanosSum the sum of those times over {@code violationsRead}
   */
  public record Metrics(
      long violationsRead,
      long violationsRecorded,
      long passages,
      long unopened,
      long storeFailures,
      long lag,
      long latencyNanosMax,
      long latencyNanosSum) {}

  private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaConsumer<byte[], byte[]> consumer;

  /** The offsets last committed, by the reading thread only. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  private final ViolationRecorder recorder;
  private final PassageSink passages;
  private final byte[] violationKey;
  private final Settings settings;
  private final Thread worker;
  private volatile boolean closed;
  private volatile boolean failed;
  private volatile long lag;
  private final LongAdder violationsRead = new LongAdder();
  private final LongAdder violationsRecorded = new LongAdder();
  private final LongAdder passagesRead = new LongAdder();
  private final LongAdder unopened = new LongAdder();
  private final LongAdder storeFailures = new LongAdder();
  private final LongAccumulator latencyMax = new LongAccumulator(Math::max, 0);
  private final LongAdder latencySum = new LongAdder();

  private ViolationSink(
      Map<String, Object> client,
      ClusterSecret secret,
      ViolationRecorder recorder,
      PassageSink passages,
      Settings settings) {
    this.recorder = recorder;
    this.passages = passages;
    this.settings = settings;
    this.violationKey = secret.derive("violations");
    Map<String, Object> c = new HashMap<>(client);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-cases");
    this.consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.worker = Thread.ofPlatform().name("violation-sink").unstarted(this::run);
  }

  /**
   * Joins the group {@value #GROUP} and starts reading.
   *
   * @param client the Kafka client settings every role shares ({@code bootstrap.servers}, security)
   * @param secret the deployment's secret; the violations' key is derived from it
   */
  public static ViolationSink start(
      Map<String, Object> client,
      ClusterSecret secret,
      ViolationRecorder recorder,
      PassageSink passages,
      Settings settings) {
    ViolationSink sink = new ViolationSink(client, secret, recorder, passages, settings);
    sink.consumer.subscribe(List.of(KafkaTopics.VIOLATIONS, KafkaTopics.PASSAGES));
    sink.worker.start();
    return sink;
  }

  /** Whether the reading thread runs. */
  public boolean isLive() {
    return worker.isAlive() && !failed;
  }

  /** Totals since start. */
  public Metrics metrics() {
    return new Metrics(
        violationsRead.sum(),
        violationsRecorded.sum(),
        passagesRead.sum(),
        unopened.sum(),
        storeFailures.sum(),
        lag,
        latencyMax.get(),
        latencySum.sum());
  }

  /**
   * Stops reading (the batch in hand is finished or abandoned uncommitted) and leaves the group.
   */
  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      worker.join(settings.storeTimeout().plusSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Arrays.fill(violationKey, (byte) 0);
  }

  private void run() {
    try {
      while (!closed) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        updateLag();
        if (records.isEmpty()) {
          commitIfMoved(); // past a transaction's commit marker, which no record shows
          continue;
        }
        if (take(records)) {
          commit();
        } else {
          rewind(records);
          Thread.sleep(settings.retryAfter());
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        failed = true;
        LOG.error("the violation sink was woken up unexpectedly", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("the violation sink stopped", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  /** Records the batch; false when it could not be made durable. */
  private boolean take(ConsumerRecords<byte[], byte[]> records) {
    List<Violation> violations = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    List<Passage> decided = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        if (r.topic().equals(KafkaTopics.VIOLATIONS)) {
          violations.add(ViolationRecords.open(r.value(), violationKey));
          timestamps.add(r.timestamp());
        } else {
          decided.add(PassageRecords.decode(r.value()));
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        unopened.increment();
        LOG.warn(
            "skipping a record that does not open: {} partition {} offset {}",
            r.topic(),
            r.partition(),
            r.offset());
      }
    }
    if (!violations.isEmpty()) {
      Set<UUID> fresh;
      try {
        fresh =
            recorder
                .record(violations)
                .toCompletableFuture()
                .get(settings.storeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        storeFailures.increment();
        return false;
      } catch (ExecutionException | TimeoutException e) {
        storeFailures.increment();
        LOG.warn(
            "{} violations could not be recorded; reading them again in {}",
            violations.size(),
            settings.retryAfter(),
            e);
        return false;
      }
      long now = System.currentTimeMillis();
      for (long t : timestamps) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, now - t));
        latencyMax.accumulate(nanos);
        latencySum.add(nanos);
      }
      violationsRead.add(violations.size());
      violationsRecorded.add(fresh.size());
    }
    for (Passage p : decided) {
      passages.accept(p);
    }
    passagesRead.add(decided.size());
    return true;
  }

  private void commitIfMoved() {
    for (TopicPartition tp : consumer.assignment()) {
      if (!Long.valueOf(consumer.position(tp, POSITION_TIMEOUT)).equals(committed.get(tp))) {
        commit();
        return;
      }
    }
  }

  /** Commits the position of every assigned partition: what has been read and recorded. */
  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      offsets.put(tp, new OffsetAndMetadata(consumer.position(tp, POSITION_TIMEOUT)));
    }
    try {
      consumer.commitSync(offsets);
      committed.clear();
      offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // the partitions moved on: their new owner reads the batch again, and records nothing twice
      LOG.info("offsets not committed after a rebalance; the batch will be read again");
    }
  }

  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).getFirst().offset());
    }
  }

  private void updateLag() {
    long sum = 0;
    for (TopicPartition tp : consumer.assignment()) {
      sum += consumer.currentLag(tp).orElse(0);
    }
    lag = sum;
  }
}
