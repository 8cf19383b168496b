package org.vigil.app;

import io.helidon.http.Method;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.vigil.contract.TariffJson;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.Route;
import org.vigil.http.VigilServer;
import org.vigil.http.health.HealthCheck;
import org.vigil.http.health.HealthRoutes;
import org.vigil.http.ingest.IngestHandler;
import org.vigil.http.ingest.IngestKeys;
import org.vigil.http.metrics.MetricsRoutes;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.ingest.KafkaIngest;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.kafka.runtime.ProcessNode;
import org.vigil.kafka.runtime.Topics;
import org.vigil.kafka.sink.ViolationSink;
import org.vigil.kafka.topology.TopologyMetrics;
import org.vigil.kafka.topology.VigilTopology;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.postgres.Database;
import org.vigil.postgres.PostgresCameraKeys;
import org.vigil.postgres.PostgresExemptions;
import org.vigil.postgres.PostgresSites;
import org.vigil.tariff.Fines;

/**
 * The nodes of the Kafka runtime, one per role, wired from the same configuration as the embedded
 * runtime ({@link VigilConfig}) plus {@link KafkaSettings}. Every node shares one PostgreSQL
 * ({@code VIGIL_DB_URL}): the ingest nodes read the sites and camera keys there, the processing
 * nodes the sites and exemptions, and the cases node writes the violations and runs everything
 * else. Every node serves {@code /health/live}, {@code /health/ready} and {@code /metrics} on its
 * port; the ingest nodes also {@code POST /api/v1/detections}.
 *
 * <p>Ingest and processing nodes follow the administrators' changes (sites, signs, exemptions) made
 * on the cases node by re-reading them every {@link #FOLLOW_INTERVAL}.
 */
final class KafkaNodes {
  /** How often ingest and processing nodes re-read sites and exemptions. */
  static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(5);

  /** How long a readiness probe waits for the brokers. */
  private static final Duration BROKER_PROBE = Duration.ofSeconds(2);

  private KafkaNodes() {}

  /** A running node: its web server and what it closes, in order. */
  static final class Node implements AutoCloseable {
    private final KafkaSettings.Role role;
    private final int port;
    private final List<AutoCloseable> closeInOrder;

    private Node(KafkaSettings.Role role, int port, List<AutoCloseable> closeInOrder) {
      this.role = role;
      this.port = port;
      this.closeInOrder = closeInOrder;
    }

    KafkaSettings.Role role() {
      return role;
    }

    URI url() {
      return URI.create("http://localhost:" + port + "/");
    }

    @Override
    public void close() {
      Opened.closeAll(closeInOrder);
    }
  }

  /**
   * Starts the node of {@code kafka}'s role and returns once it serves.
   *
   * @throws IllegalArgumentException when the configuration is unusable for a Kafka node
   */
  static Node start(VigilConfig config, KafkaSettings kafka, CasePorts ports) {
    if (config.database().url() == null) {
      throw new IllegalArgumentException(
          "a Kafka node needs the PostgreSQL that every node shares: set VIGIL_DB_URL"
              + " (for one machine: vigil postgres --dir DIR, see docs/deploy.md)");
    }
    Map<String, Object> client =
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    ClusterSecret secret = kafka.secret();
    VigilTopology.Settings topology =
        new VigilTopology.Settings(
            config.pipeline().allowedLateness(),
            config.pipeline().dedupWindow(),
            VigilTopology.Settings.defaults().sectionWindow());
    SharedEpochKeys.Settings keySettings = SharedEpochKeys.Settings.defaults();
    try (Admin admin = Admin.create(client)) {
      Topics.ensure(
          admin,
          new Topics.Settings(
              kafka.partitions(),
              topology.sectionRetention(),
              Topics.Settings.defaults(kafka.partitions()).violations(),
              Topics.Settings.defaults(kafka.partitions()).passages(),
              keySettings.retention()));
    }
    return switch (kafka.role()) {
      case CASES -> cases(config, ports, client, secret);
      case INGEST -> ingest(config, client, secret, keySettings);
      case PROCESS -> process(config, client, secret, keySettings, topology);
    };
  }

  private static Node cases(
      VigilConfig config, CasePorts ports, Map<String, Object> client, ClusterSecret secret) {
    Vigil vigil =
        Vigil.startCases(
            config,
            ports,
            (violations, passages, meters) -> {
              ViolationSink sink =
                  ViolationSink.start(
                      client, secret, violations, passages, ViolationSink.Settings.defaults());
              sinkMeters(sink, meters);
              BrokerProbe broker = new BrokerProbe(client);
              return new ViolationFeed.Started(
                  () -> {
                    sink.close();
                    broker.close();
                  },
                  List.of(
                      new HealthCheck(
                          "violation-sink",
                          () ->
                              sink.isLive()
                                  ? Optional.empty()
                                  : Optional.of("the violation sink has stopped")),
                      new HealthCheck("broker", broker::problem)));
            });
    return new Node(KafkaSettings.Role.CASES, vigil.port(), List.of(vigil));
  }

  private static Node ingest(
      VigilConfig config,
      Map<String, Object> client,
      ClusterSecret secret,
      SharedEpochKeys.Settings keySettings) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Database database = Database.open(config.database());
      opened.add(database);
      SiteRegistry sites = new SiteRegistry(new PostgresSites(database.dataSource()));
      SecureRandom random = new SecureRandom();
      SharedEpochKeys shared =
          SharedEpochKeys.start(client, secret, keySettings, config.clock(), random);
      opened.add(shared);
      KafkaIngest intake =
          new KafkaIngest(
              client,
              sites::current,
              shared,
              config.clock(),
              new KafkaIngest.Settings(
                  config.pipeline().maxClockAhead(),
                  KafkaIngest.Settings.defaults().sendTimeout(),
                  KafkaIngest.Settings.defaults().linger()));
      opened.add(intake);
      opened.add(follow(sites::reload));
      IngestKeys keys =
          new IngestKeys(new PostgresCameraKeys(database.dataSource()), config.ingestKey(), random);
      MetricsRoutes metrics = new MetricsRoutes(null);
      opened.add(metrics);
      ingestMeters(intake, metrics.registry());
      BrokerProbe broker = new BrokerProbe(client);
      opened.add(broker);
      HealthRoutes health =
          new HealthRoutes(
              "ingest",
              List.of(
                  new HealthCheck("database", database::problem),
                  new HealthCheck("broker", broker::problem)));
      List<Route> routes = new ArrayList<>();
      routes.add(
          Route.open(
              Method.POST,
              "/api/v1/detections",
              metrics.timedIngest(new IngestHandler(intake, keys))));
      routes.addAll(metrics.routes());
      routes.addAll(health.routes());
      return serve(KafkaSettings.Role.INGEST, config, routes, opened);
    } catch (SQLException | RuntimeException e) {
      throw Opened.failedStart(opened, e);
    }
  }

  private static Node process(
      VigilConfig config,
      Map<String, Object> client,
      ClusterSecret secret,
      SharedEpochKeys.Settings keySettings,
      VigilTopology.Settings topology) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Database database = Database.open(config.database());
      opened.add(database);
      SiteRegistry sites = new SiteRegistry(new PostgresSites(database.dataSource()));
      PostgresExemptions exemptions = new PostgresExemptions(database.dataSource());
      SharedEpochKeys shared =
          SharedEpochKeys.start(client, secret, keySettings, config.clock(), new SecureRandom());
      opened.add(shared);
      Fines fines = new Fines(TariffJson.builtIn());
      ProcessNode node =
          ProcessNode.start(
              client,
              config.dataDir().resolve("kafka-streams"),
              topology,
              sites::current,
              exemptions,
              () -> fines,
              shared,
              secret,
              config.clock(),
              Map.of());
      opened.add(node);
      opened.add(
          follow(
              () -> {
                sites.reload();
                exemptions.reload();
              }));
      MetricsRoutes metrics = new MetricsRoutes(null);
      opened.add(metrics);
      processMeters(node, metrics.registry());
      HealthRoutes health =
          new HealthRoutes(
              "process",
              List.of(
                  new HealthCheck("database", database::problem),
                  new HealthCheck(
                      "stream-processors",
                      () ->
                          node.isReady()
                              ? Optional.empty()
                              : Optional.of("the stream processors are " + node.state()))));
      List<Route> routes = new ArrayList<>(metrics.routes());
      routes.addAll(health.routes());
      return serve(KafkaSettings.Role.PROCESS, config, routes, opened);
    } catch (SQLException | RuntimeException e) {
      throw Opened.failedStart(opened, e);
    }
  }

  private static Node serve(
      KafkaSettings.Role role, VigilConfig config, List<Route> routes, List<AutoCloseable> opened) {
    VigilServer server = VigilServer.startOpen(config.port(), routes);
    opened.add(server);
    return new Node(role, server.port(), List.copyOf(opened.reversed()));
  }

  /** A task re-reading what the cases node changes; its failures wait for the next round. */
  private interface Reload {
    void run() throws SQLException;
  }

  private static AutoCloseable follow(Reload reload) {
    ScheduledExecutorService follower =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("follow-cases-node").daemon().factory());
    long every = FOLLOW_INTERVAL.toMillis();
    follower.scheduleWithFixedDelay(
        () -> {
          try {
            reload.run();
          } catch (SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KafkaNodes.class)
                .warn("could not re-read sites or exemptions: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return follower::shutdownNow;
  }

  /** Whether the brokers answer: an admin client asked for the cluster at each probe. */
  private static final class BrokerProbe implements AutoCloseable {
    private final Admin admin;

    BrokerProbe(Map<String, Object> client) {
      this.admin = Admin.create(client);
    }

    Optional<String> problem() {
      try {
        admin.describeCluster().nodes().get(BROKER_PROBE.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while asking the brokers");
      } catch (ExecutionException | TimeoutException e) {
        return Optional.of("the brokers did not answer in " + BROKER_PROBE.toSeconds() + " s");
      }
    }

    @Override
    public void close() {
      admin.close(Duration.ofSeconds(5));
    }
  }

  private static void ingestMeters(KafkaIngest intake, MeterRegistry registry) {
    counter(
        registry,
        "vigil.detections.accepted",
        "Detections written to Kafka",
        intake,
        i -> i.metrics().accepted());
    counter(
        registry,
        "vigil.detections.rejected",
        "Detections refused",
        intake,
        i -> i.metrics().rejected());
    counter(
        registry,
        "vigil.ingest.send.failures",
        "Batches refused because the brokers did not acknowledge them",
        intake,
        i -> i.metrics().sendFailures());
    gauge(
        registry,
        "vigil.ingest.send.max.seconds",
        "The longest time from a batch's first send to its last acknowledgement",
        intake,
        i -> i.metrics().maxSendNanos() / 1e9);
  }

  private static void processMeters(ProcessNode node, MeterRegistry registry) {
    TopologyMetrics t = node.topologyMetrics();
    gauge(
        registry,
        "vigil.kafka.consumer.lag",
        "The largest lag in records of a partition this node reads",
        node,
        n -> n.metrics().consumerLag());
    gauge(
        registry,
        "vigil.kafka.process.rate",
        "Records processed per second",
        node,
        n -> n.metrics().processRate());
    counter(
        registry, "vigil.detections.decided", "Detections decided", t, TopologyMetrics::decided);
    counter(
        registry,
        "vigil.detections.duplicate",
        "Detections sent again (same camera and event id), decided once",
        t,
        TopologyMetrics::duplicateEvents);
    counter(
        registry,
        "vigil.detections.late",
        "Detections refused for arriving later than the allowed lateness",
        t,
        TopologyMetrics::tooLate);
    counter(
        registry,
        "vigil.detections.duplicate.read",
        "Detections that were a second read of one sighting",
        t,
        TopologyMetrics::duplicateReads);
    counter(
        registry,
        "vigil.detections.exempt",
        "Detections of exempt vehicles",
        t,
        TopologyMetrics::exempt);
    counter(
        registry,
        "vigil.section.placements.routed",
        "Section sightings sent to the partition of their tag",
        t,
        TopologyMetrics::placementsRouted);
    counter(
        registry,
        "vigil.section.placements.placed",
        "Section sightings placed under their tag",
        t,
        TopologyMetrics::placementsPlaced);
    counter(
        registry,
        "vigil.records.dropped",
        "Records that did not open or decode, dropped",
        t,
        TopologyMetrics::dropped);
    for (ViolationType type : ViolationType.values()) {
      FunctionCounter.builder("vigil.violations", t, m -> m.violations(type))
          .description("Violations decided, by type")
          .tag("type", type.name())
          .register(registry);
    }
    gauge(
        registry,
        "vigil.violation.latency.max.seconds",
        "The longest time from a detection's arrival at an ingest node to its violation's"
            + " emission",
        t,
        m -> m.violationLatency().maxMicros() / 1e6);
    gauge(
        registry,
        "vigil.violation.latency.mean.seconds",
        "The mean time from a detection's arrival at an ingest node to its violation's emission",
        t,
        m -> mean(m.violationLatency()));
  }

  private static void sinkMeters(ViolationSink sink, MeterRegistry registry) {
    counter(
        registry,
        "vigil.sink.violations.read",
        "Violations read from Kafka",
        sink,
        s -> s.metrics().violationsRead());
    counter(
        registry,
        "vigil.sink.violations.recorded",
        "Violations newly recorded (a violation read twice is recorded once)",
        sink,
        s -> s.metrics().violationsRecorded());
    counter(
        registry,
        "vigil.sink.records.unopened",
        "Records that did not open, skipped",
        sink,
        s -> s.metrics().unopened());
    gauge(
        registry,
        "vigil.kafka.consumer.lag",
        "Violation and passage records not yet read",
        sink,
        s -> s.metrics().lag());
    gauge(
        registry,
        "vigil.sink.latency.max.seconds",
        "The longest time from a detection's write by an ingest node to its violation being"
            + " stored",
        sink,
        s -> s.metrics().latencyNanosMax() / 1e9);
  }

  private static double mean(TopologyMetrics.Latency l) {
    return l.count() == 0 ? 0 : l.sumMicros() / 1e6 / l.count();
  }

  private static <T> void counter(
      MeterRegistry r, String name, String description, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value).description(description).register(r);
  }

  private static <T> void gauge(
      MeterRegistry r, String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(r);
  }
}
