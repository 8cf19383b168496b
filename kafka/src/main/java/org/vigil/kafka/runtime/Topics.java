package org.vigil.kafka.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.topology.VigilTopology;

/**
 * Creates the topics of the Kafka runtime when they are missing: one place, called by every role at
 * start, so that whichever node starts first makes them with the same settings. An existing topic
 * is left as it is (an operator may have made it with other settings on purpose).
 *
 * <p>Retention, chosen so that nothing outlives its use:
 *
 * <ul>
 *   <li>{@link KafkaTopics#DETECTIONS}: {@link Settings#detections()}, by default the topology's
 *       section window plus its allowed lateness ({@link
 *       VigilTopology.Settings#sectionRetention()}, 35 min with the defaults): no compliant
 *       vehicle's sealed read lingers past the time it could matter. A detection is decided within
 *       seconds of being written; the retention only has to cover a processing node's restart or a
 *       rebalance (section pairing keeps its waiting sightings in the Streams state store, not
 *       here). A processing node that is down for longer than that loses what it had not read; the
 *       others take its partitions within seconds.
 *   <li>{@link KafkaTopics#VIOLATIONS}: 7 days: the cases role may be down over a long weekend
 *       without losing a violation.
 *   <li>{@link KafkaTopics#PASSAGES}: 1 day (no plate; statistics only).
 *   <li>{@link KafkaTopics#EPOCH_KEYS}: one partition, {@link Settings#epochKeys()} (by default 3
 *       h; see {@link org.vigil.kafka.keys.SharedEpochKeys}).
 * </ul>
 *
 * <p>Replication is the brokers' {@code default.replication.factor}: one on a development broker,
 * three in the deployment guide.
 */
public final class Topics {

  /**
   * How the topics are made.
   *
   * @param partitions the partitions of detections, violations and passages: the most processing
   *     nodes (stream threads) that can share the work
   * @param detections retention of {@link KafkaTopics#DETECTIONS}
   * @param violations retention of {@link KafkaTopics#VIOLATIONS}
   * @param passages retention of {@link KafkaTopics#PASSAGES}
   * @param epochKeys retention of {@link KafkaTopics#EPOCH_KEYS}
   */
  public record Settings(
      int partitions,
      Duration detections,
      Duration violations,
      Duration passages,
      Duration epochKeys) {
    public Settings {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
      }
      positive("detections", detections);
      positive("violations", violations);
      positive("passages", passages);
      positive("epochKeys", epochKeys);
    }

    /** {@link #of} the topology's default settings: 35 min, 7 d, 1 d and 3 h of retention. */
    public static Settings defaults(int partitions) {
      return of(partitions, VigilTopology.Settings.defaults());
    }

    /**
     * {@code partitions} partitions; detections kept {@code topology}'s {@link
     * VigilTopology.Settings#sectionRetention() section window plus lateness}, violations 7 days,
     * passages 1 day, epoch keys 3 h.
     */
    public static Settings of(int partitions, VigilTopology.Settings topology) {
      return new Settings(
          partitions,
          topology.sectionRetention(),
          Duration.ofDays(7),
          Duration.ofDays(1),
          Duration.ofHours(3));
    }

    /** These settings with another retention of the epoch keys. */
    public Settings withEpochKeys(Duration retention) {
      return new Settings(partitions, detections, violations, passages, retention);
    }

    private static void positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " retention must be positive, was " + d);
      }
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Topics() {}

  /**
   * Creates whichever of the four topics are missing.
   *
   * @return the names of the topics this call created
   * @throws IllegalStateException when the brokers cannot be reached or refuse
   */
  public static Set<String> ensure(Admin admin, Settings settings) {
    List<NewTopic> topics = new ArrayList<>();
    topics.add(topic(KafkaTopics.DETECTIONS, settings.partitions(), settings.detections()));
    topics.add(topic(KafkaTopics.VIOLATIONS, settings.partitions(), settings.violations()));
    topics.add(topic(KafkaTopics.PASSAGES, settings.partitions(), settings.passages()));
    topics.add(epochKeys(settings.epochKeys()));
    return create(admin, topics);
  }

  /** The definition of {@link KafkaTopics#EPOCH_KEYS}: one partition, {@code retention}. */
  public static NewTopic epochKeys(Duration retention) {
    return topic(KafkaTopics.EPOCH_KEYS, 1, retention);
  }

  /**
   * Creates whichever of {@code topics} are missing.
   *
   * @return the names of the topics this call created
   */
  public static Set<String> create(Admin admin, Collection<NewTopic> topics) {
    Set<String> created = new java.util.TreeSet<>();
    var result = admin.createTopics(topics);
    for (var entry : result.values().entrySet()) {
      try {
        entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        created.add(entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "could not create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "the brokers did not create topic " + entry.getKey() + " within " + TIMEOUT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted creating topic " + entry.getKey(), e);
      }
    }
    return created;
  }

  private static NewTopic topic(String name, int partitions, Duration retention) {
    long ms = retention.toMillis();
    // segments of a sixth of the retention (at least a minute) so that deletion follows closely
    long segment = Math.max(60_000, ms / 6);
    return new NewTopic(name, Optional.of(partitions), Optional.empty())
        .configs(
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(ms),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Math.min(segment, ms))));
  }
}
