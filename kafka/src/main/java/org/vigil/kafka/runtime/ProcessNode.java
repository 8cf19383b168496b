package org.vigil.kafka.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.kafka.topology.TopologyMetrics;
import org.vigil.kafka.topology.VigilTopology;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;

/**
 * A processing node: the rules as the Kafka Streams application {@value
 * KafkaTopics#APPLICATION_ID}, built by {@link VigilTopology#build} and configured by {@link
 * VigilTopology#streamsConfig} ({@code exactly_once_v2}), with this node's state directory and the
 * deployment's {@link SharedEpochKeys} as the source of its epoch keys.
 *
 * <p>Any number of nodes run the same application; Kafka Streams spreads the partitions between
 * them and moves a stopped node's tasks (with their state, restored from the changelog) to the
 * others. A stream thread that dies of an unexpected exception is replaced ({@code
 * REPLACE_THREAD}); its uncommitted transaction is aborted, so the replacement decides those
 * records again and nothing is written twice.
 *
 * <p>Health: {@link #isLive()} while the application has not failed; {@link #isReady()} while it
 * runs (state {@code RUNNING}, not rebalancing).
 */
public final class ProcessNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessNode.class);

  /**
   * A snapshot for metrics.
   *
   * @param state the Streams state ({@code RUNNING}, {@code REBALANCING}, ...)
   * @param consumerLag the largest lag in records of any partition this node reads, as of its last
   *     fetch ({@code records-lag-max})
   * @param processRate records processed per second, over this node's threads
   * @param rebalances how often the node has entered {@code REBALANCING} since start
   */
  public record Metrics(String state, double consumerLag, double processRate, long rebalances) {}

  private final KafkaStreams streams;
  private final EpochKeys keys;
  private final TopologyMetrics topologyMetrics;
  private final byte[] violationKey;
  private final java.util.concurrent.atomic.LongAdder rebalances =
      new java.util.concurrent.atomic.LongAdder();

  private ProcessNode(KafkaStreams streams, EpochKeys keys, TopologyMetrics metrics, byte[] key) {
    this.streams = streams;
    this.keys = keys;
    this.topologyMetrics = metrics;
    this.violationKey = key;
  }

  /**
   * Builds the topology and starts the Streams application.
   *
   * @param client the Kafka client settings every role shares: {@code bootstrap.servers} and any
   *     security settings; they are added to the Streams configuration
   * @param stateDir this node's state directory (one per node on a machine)
   * @param overrides Streams settings that replace {@link VigilTopology#streamsConfig}'s (e.g.
   *     {@code num.stream.threads}); empty in production
   */
  public static ProcessNode start(
      Map<String, Object> client,
      Path stateDir,
      VigilTopology.Settings settings,
      Supplier<Sites> sites,
      Exemptions exemptions,
      Supplier<Fines> fines,
      SharedEpochKeys shared,
      ClusterSecret secret,
      Clock clock,
      Map<String, Object> overrides) {
    EpochKeys keys = new EpochKeys(shared, shared.settings().epochLength());
    TopologyMetrics metrics = new TopologyMetrics();
    byte[] violationKey = secret.derive("violations");
    Properties config =
        VigilTopology.streamsConfig(
            (String) client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
            KafkaTopics.APPLICATION_ID,
            stateDir,
            settings);
    config.putAll(client);
    config.putAll(overrides);
    KafkaStreams streams =
        new KafkaStreams(
            VigilTopology.build(
                settings, sites, exemptions, fines, keys, violationKey, clock, metrics),
            config);
    ProcessNode node = new ProcessNode(streams, keys, metrics, violationKey);
    streams.setStateListener(
        (next, before) -> {
          if (next == KafkaStreams.State.REBALANCING) {
            node.rebalances.increment();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("a stream thread died; replacing it", e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.start();
    return node;
  }

  /** Whether the application has not failed: not {@code ERROR}, {@code PENDING_ERROR}, stopped. */
  public boolean isLive() {
    return switch (streams.state()) {
      case CREATED, REBALANCING, RUNNING -> true;
      case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> false;
    };
  }

  /** Whether it processes records now ({@code RUNNING}). */
  public boolean isReady() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Decisions by rule, dropped records, end-to-end latency: the topology's own counters. */
  public TopologyMetrics topologyMetrics() {
    return topologyMetrics;
  }

  /** The Streams application's lag and process rate, from its client metrics. */
  public Metrics metrics() {
    double lag = 0;
    double rate = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      Object value = e.getValue().metricValue();
      if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
        continue;
      }
      if (name.group().equals("consumer-fetch-manager-metrics")
          && name.name().equals("records-lag-max")
          && !name.tags().getOrDefault("client-id", "").endsWith("restore-consumer")) {
        lag = Math.max(lag, n.doubleValue());
      } else if (name.group().equals("stream-thread-metrics")
          && name.name().equals("process-rate")) {
        rate += n.doubleValue();
      }
    }
    return new Metrics(streams.state().name(), lag, rate, rebalances.sum());
  }

  /**
   * Stops the application within {@code timeout}: the running transactions commit or abort, the
   * node leaves the group, so that its tasks move to the other nodes at once rather than after the
   * session timeout. Zeroes this node's keys.
   *
   * @return whether it stopped within {@code timeout}
   */
  public boolean close(Duration timeout) {
    boolean stopped =
        streams.close(
            CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    keys.destroyBefore(java.time.Instant.ofEpochMilli(Long.MAX_VALUE));
    Arrays.fill(violationKey, (byte) 0);
    return stopped;
  }

  /** {@link #close(Duration)} with 30 s. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
