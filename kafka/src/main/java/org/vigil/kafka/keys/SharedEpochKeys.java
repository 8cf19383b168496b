package org.vigil.kafka.keys;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.crypto.Aead;
import org.vigil.enforcement.EpochKeySource;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.runtime.Topics;

/**
 * The epoch keys of one Kafka deployment, agreed on by every node through the topic {@link
 * KafkaTopics#EPOCH_KEYS} without a leader and without any key ever written in clear.
 *
 * <p><b>Design.</b> The topic has ONE partition, so its records are in one total order that every
 * node reads alike. A record <em>proposes</em> the key of epoch e: its key is e (8 bytes,
 * big-endian), its value {@code 0x01 ‖ nonce(12) ‖ AES-256-GCM(wrapKey, nonce, 32 random bytes, aad
 * = e)} with {@code wrapKey = ClusterSecret.derive("epoch-keys")}. <b>The first proposal for e in
 * the log is e's key</b>; later ones (two nodes proposing at once) are read and ignored. So
 * agreement needs no coordinator: whoever wins the race to the partition leader wins for everyone.
 *
 * <p>{@link #keyOf}: a key already read is returned at once (a copy). Otherwise the node produces
 * its own proposal (acks=all, idempotent) and waits until its reader has seen the first record for
 * e, be it its own or another node's. A background reader ({@code assign}, not {@code subscribe}:
 * no consumer group, every node reads everything from the start of the retention) keeps the map
 * current, and once caught up it proposes the key of the epoch that starts within {@link
 * Settings#proposeAhead()} (and of the current epoch when nobody has), so that the hot path does
 * not wait on the broker at an epoch boundary.
 *
 * <p><b>Lifetime.</b> The topic keeps records for {@link Settings#retention()} (default 3 h: an
 * epoch, the longest section window, slack). The earliest proposal for e is written at {@code
 * start(e) − proposeAhead}, so it survives at least until {@code end(e) + keep} with {@code keep =
 * retention − epochLength − proposeAhead}. A key is served, and held in memory, only while {@code
 * now < end(e) + keep}: afterwards it is zeroed and removed, and {@link #keyOf} refuses the epoch
 * (it cannot be sure that every node would still find the same first proposal). {@code keep} must
 * exceed the longest section window plus the allowed lateness; with the defaults it is 1 h 50 min.
 * "now" is this node's clock: nodes' clocks should agree to within minutes (NTP).
 *
 * <p><b>What is exposed.</b> The topic holds only wrapped keys; the cluster secret never leaves the
 * node. Whoever reads the topic <em>and</em> holds the secret holds every live epoch key (the same
 * power as a dump of a node's memory, see docs/section-control.md). A wrong or different secret
 * cannot open the first proposal of an epoch: {@link #keyOf} then fails naming the epoch, loudly,
 * rather than let that node derive tags that match nobody's. Anyone who may write to the topic can
 * win the race for an epoch with a record that honest nodes cannot open and so stop section pairing
 * for that epoch (never reveal anything): restrict writes to the nodes (Kafka ACLs).
 *
 * <p>Keys are never logged; {@link #toString()} names only how many epochs are held. Thread-safe.
 */
public final class SharedEpochKeys implements EpochKeySource, AutoCloseable {
  private static final Aead AEAD = new Aead();
  private static final Logger LOG = LoggerFactory.getLogger(SharedEpochKeys.class);

  private static final int KEY_BYTES = 32;
  private static final byte VERSION = 1;
  private static final int WRAPPED_BYTES = 1 + Aead.NONCE_BYTES + KEY_BYTES + Aead.TAG_BYTES;
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How keys are shared.
   *
   * @param epochLength the epoch length of the {@link org.vigil.enforcement.EpochKeys} this source
   *     feeds: every node must use the same
   * @param retention how long the topic keeps proposals (created with it when missing)
   * @param proposeAhead how long before an epoch starts its key is proposed
   * @param deadline how long {@link #keyOf} may wait for the broker
   */
  public record Settings(
      Duration epochLength, Duration retention, Duration proposeAhead, Duration deadline) {
    public Settings {
      if (epochLength.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("epochLength must be at least 1 s, was " + epochLength);
      }
      if (proposeAhead.isNegative()) {
        throw new IllegalArgumentException(
            "proposeAhead must not be negative, was " + proposeAhead);
      }
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      if (retention.compareTo(epochLength.plus(proposeAhead)) <= 0) {
        throw new IllegalArgumentException(
            "retention must exceed epochLength + proposeAhead ("
                + epochLength.plus(proposeAhead)
                + "), was "
                + retention);
      }
    }

    /** 1 h epochs, 3 h retention, proposed 10 min ahead, 10 s deadline. */
    public static Settings defaults() {
      return new Settings(
          Duration.ofHours(1), Duration.ofHours(3), Duration.ofMinutes(10), Duration.ofSeconds(10));
    }

    /** How long after its end an epoch's key is kept: retention − epochLength − proposeAhead. */
    public Duration keep() {
      return retention.minus(epochLength).minus(proposeAhead);
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final RandomGenerator random;
  private final byte[] wrapKey;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final long epochMillis;

  /** Guarded by {@code this}: the first proposal of each epoch, or why it does not open. */
  private final Map<Long, Entry> keys = new HashMap<>();

  /** Guarded by {@code this}: epochs this node has proposed a key for. */
  private final Set<Long> proposed = new HashSet<>();

  private volatile boolean caughtUp;
  private volatile boolean closed;
  private final AtomicLong unopened = new AtomicLong();
  private final AtomicLong proposals = new AtomicLong();

  private sealed interface Entry {}

  private record Known(byte[] key) implements Entry {}

  private record Unopenable(String why) implements Entry {}

  private SharedEpochKeys(
      Map<String, Object> client,
      ClusterSecret secret,
      Settings settings,
      Clock clock,
      RandomGenerator random) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.epochMillis = settings.epochLength().toMillis();
    this.wrapKey = secret.derive("epoch-keys");
    Map<String, Object> p = new HashMap<>(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-epoch-keys");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    Map<String, Object> c = new HashMap<>(client);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-epoch-keys-reader");
    this.consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.reader = Thread.ofPlatform().name("epoch-keys-reader").daemon().unstarted(this::read);
  }

  /**
   * Creates {@link KafkaTopics#EPOCH_KEYS} if missing and starts reading it.
   *
   * @param client the Kafka client settings every role shares ({@code bootstrap.servers},
   *     security); serializers and delivery settings are this class's own
   * @param secret the deployment's secret; the wrapping key is derived from it and it is not kept
   * @param random where proposed keys come from: a {@link java.security.SecureRandom} in production
   */
  public static SharedEpochKeys start(
      Map<String, Object> client,
      ClusterSecret secret,
      Settings settings,
      Clock clock,
      RandomGenerator random) {
    try (Admin admin = Admin.create(client)) {
      Topics.create(admin, List.of(Topics.epochKeys(settings.retention())));
    }
    SharedEpochKeys keys = new SharedEpochKeys(client, secret, settings, clock, random);
    keys.reader.start();
    return keys;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * The key of {@code epoch}, the same on every node with the same cluster secret: a fresh copy
   * that the caller owns and zeroes.
   *
   * @throws IllegalStateException naming the epoch when the epoch is past {@link Settings#keep()},
   *     when its first proposal does not open under this node's secret, when the broker does not
   *     answer within {@link Settings#deadline()}, or after {@link #close()}
   */
  @Override
  public byte[] keyOf(long epoch) {
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    if (!retained(epoch, clock.instant())) {
      throw new IllegalStateException(
          "epoch "
              + epoch
              + " ended more than "
              + settings.keep()
              + " ago; its key is no longer shared");
    }
    synchronized (this) {
      Entry known = keys.get(epoch);
      if (known == null) {
        awaitCaughtUp(epoch, deadline);
        known = keys.get(epoch);
      }
      if (known == null) {
        propose(epoch);
        known = awaitKey(epoch, deadline);
      }
      return switch (known) {
        case Known(byte[] key) -> key.clone();
        case Unopenable(String why) ->
            throw new IllegalStateException("the key of epoch " + epoch + " " + why);
      };
    }
  }

  /** How many proposals could not be opened under this node's secret; for metrics. */
  public long unopenedProposals() {
    return unopened.get();
  }

  /** How many proposals this node has written; for metrics. */
  public long proposalsWritten() {
    return proposals.get();
  }

  /**
   * Whether the reader runs: false once it has stopped on an error (logged), after which no epoch
   * that is not yet known can be had; the node should be restarted.
   */
  public boolean isLive() {
    return reader.isAlive() && !closed;
  }

  /** Whether the reader has read the topic up to its end as of start. */
  public synchronized boolean isCaughtUp() {
    return caughtUp;
  }

  /** The epochs whose keys are held, oldest first; for tests and metrics. */
  public synchronized long[] heldEpochs() {
    return keys.entrySet().stream()
        .filter(e -> e.getValue() instanceof Known)
        .mapToLong(Map.Entry::getKey)
        .sorted()
        .toArray();
  }

  /** Stops the reader, closes the clients and zeroes every key held. */
  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      reader.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    synchronized (this) {
      for (Entry e : keys.values()) {
        if (e instanceof Known(byte[] key)) {
          Arrays.fill(key, (byte) 0);
        }
      }
      keys.clear();
      notifyAll();
    }
    Arrays.fill(wrapKey, (byte) 0);
  }

  @Override
  public synchronized String toString() {
    return "SharedEpochKeys[" + keys.size() + " epochs, keys hidden]";
  }

  // ------------------------------------------------------------------ waiting (caller holds lock)

  private void awaitCaughtUp(long epoch, long deadline) {
    while (!caughtUp) {
      waitUntil(epoch, deadline);
    }
  }

  private Entry awaitKey(long epoch, long deadline) {
    Entry e;
    while ((e = keys.get(epoch)) == null) {
      waitUntil(epoch, deadline);
    }
    return e;
  }

  private void waitUntil(long epoch, long deadline) {
    if (closed) {
      throw new IllegalStateException("the epoch keys are closed; no key for epoch " + epoch);
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new IllegalStateException(
          "no key for epoch "
              + epoch
              + " from "
              + KafkaTopics.EPOCH_KEYS
              + " within "
              + settings.deadline());
    }
    try {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the key of epoch " + epoch, e);
    }
  }

  // ------------------------------------------------------------------ proposing

  /**
   * Writes a proposal for {@code epoch} unless this node has already; returns at once. Package
   * private so that tests can make two nodes race for an epoch.
   */
  synchronized void propose(long epoch) {
    if (!proposed.add(epoch)) {
      return;
    }
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    byte[] wrapped;
    try {
      wrapped = wrap(epoch, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    proposals.incrementAndGet();
    producer.send(
        new ProducerRecord<>(KafkaTopics.EPOCH_KEYS, 0, epochBytes(epoch), wrapped),
        (meta, error) -> {
          if (error != null) {
            LOG.warn("could not propose the key of epoch {}: {}", epoch, error.toString());
            synchronized (this) {
              proposed.remove(epoch); // so that a later call tries again
            }
          }
        });
  }

  private byte[] wrap(long epoch, byte[] key) {
    byte[] wrapped =
        AEAD.seal(new SecretKeySpec(wrapKey, "AES"), epochBytes(epoch), key, random, 1);
    wrapped[0] = VERSION;
    return wrapped;
  }

  /** The key in {@code value}, or why it is not one; never names the key. */
  private Entry unwrap(long epoch, byte[] value) {
    if (value == null || value.length != WRAPPED_BYTES || value[0] != VERSION) {
      return new Unopenable(
          "is a proposal of "
              + (value == null ? 0 : value.length)
              + " bytes in an unknown format (version "
              + (value == null || value.length == 0 ? "none" : Byte.toString(value[0]))
              + ")");
    }
    byte[] key = AEAD.open(new SecretKeySpec(wrapKey, "AES"), epochBytes(epoch), value, 1);
    if (key == null) {
      return new Unopenable(
          "does not open under this node's cluster secret (is VIGIL_KAFKA_SECRET_FILE the same"
              + " on every node?)");
    }
    return new Known(key);
  }

  // ------------------------------------------------------------------ the reader

  private void read() {
    TopicPartition partition = new TopicPartition(KafkaTopics.EPOCH_KEYS, 0);
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (!closed) {
        var records = consumer.poll(POLL);
        synchronized (this) {
          for (ConsumerRecord<byte[], byte[]> r : records) {
            take(r);
          }
          if (!caughtUp && consumer.position(partition) >= end) {
            caughtUp = true;
          }
          forgetExpired();
          notifyAll();
        }
        if (caughtUp) {
          proposeSoon();
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        LOG.error("the epoch key reader was woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("the epoch key reader stopped; no new epoch keys will be learned", e);
      closed = true;
      synchronized (this) {
        notifyAll();
      }
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void take(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null || r.key().length != Long.BYTES) {
      unopened.incrementAndGet();
      LOG.warn("ignoring a record without an epoch on {} at offset {}", r.topic(), r.offset());
      return;
    }
    long epoch = ByteBuffer.wrap(r.key()).getLong();
    if (keys.containsKey(epoch) || !retained(epoch, clock.instant())) {
      return; // a later proposal, or one past its use
    }
    Entry e = unwrap(epoch, r.value());
    if (e instanceof Unopenable) {
      unopened.incrementAndGet();
      LOG.warn(
          "the key proposal for epoch {} at offset {} does not open under this node's secret",
          epoch,
          r.offset());
    }
    keys.put(epoch, e);
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<Long, Entry>> it = keys.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Entry> e = it.next();
      if (!retained(e.getKey(), now)) {
        if (e.getValue() instanceof Known(byte[] key)) {
          Arrays.fill(key, (byte) 0);
        }
        it.remove();
      }
    }
    proposed.removeIf(epoch -> !retained(epoch, now));
  }

  /** Proposes the current epoch's key if nobody has, and the next one's when it starts soon. */
  private void proposeSoon() {
    long nowMillis = clock.millis();
    long current = Math.floorDiv(nowMillis, epochMillis);
    long next = current + 1;
    boolean nextSoon = next * epochMillis - nowMillis <= settings.proposeAhead().toMillis();
    synchronized (this) {
      if (!keys.containsKey(current)) {
        propose(current);
      }
      if (nextSoon && !keys.containsKey(next)) {
        propose(next);
      }
    }
  }

  private boolean retained(long epoch, Instant now) {
    long end = (epoch + 1) * epochMillis;
    return now.toEpochMilli() < end + settings.keep().toMillis();
  }

  private static byte[] epochBytes(long epoch) {
    return ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
  }
}
