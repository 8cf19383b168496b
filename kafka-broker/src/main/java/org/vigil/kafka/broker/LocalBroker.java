package org.vigil.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (one process in the broker and controller roles)
 * running inside this JVM, for development and tests. Production runs Kafka's own distribution.
 *
 * <pre>{@code
 * try (LocalBroker broker = LocalBroker.start(LocalBroker.Config.of(dir))) {
 *   producerProps.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>The first start formats {@code dataDir} (a new cluster id); later starts on the same directory
 * keep its topics, offsets and data. Internal topics (consumer offsets, transaction state, share
 * state) have replication factor 1 and a minimum ISR of 1, so idempotent and transactional
 * producers and {@code exactly_once_v2} Streams applications work against the one node; the offsets
 * and transaction-state topics have 5 partitions each (Kafka's 50 would slow the first consumer
 * group and transaction on a small machine); the initial rebalance delay is 0; new topics default
 * to 1 partition. {@link Config#overrides()} replaces any of these.
 *
 * <p>Besides the {@code PLAINTEXT} listener that {@link #bootstrapServers()} names, a broker may
 * have extra {@link Listener}s, each advertising a port of its own choosing. A test gives one
 * client such a listener's advertised port, where a TCP proxy forwards to the listener's real port,
 * and cuts that client alone off the broker by cutting the proxy.
 *
 * <p>Design: the broker is Kafka's own {@code kafka.server.KafkaRaftServer} with {@code
 * kafka.server.KafkaConfig}, and the directory is formatted by Kafka's {@code kafka-storage format}
 * command ({@code kafka.tools.StorageTool}) called in-process with its command-line arguments,
 * their stable interface. The controller quorum is static ({@code controller.quorum.voters}):
 * unlike a dynamic quorum, it writes no controller address into the log, so a restart may take new
 * ports. The configuration Kafka runs with is written to {@code dataDir/server.properties} at each
 * start; Kafka's logs (the records and the metadata log) are in {@code dataDir/data}, so that a
 * program's own log files may go to {@code dataDir/logs}.
 *
 * <p>In-process rather than {@code kafka.Kafka} in a child JVM: a start takes about a second in a
 * warm JVM and a few on a cold one, with no second JVM to find, start and reap. The cost: on a
 * fatal storage error Kafka halts the whole JVM, as it would its own process.
 */
public final class LocalBroker implements AutoCloseable {
  /** The listener that {@link #bootstrapServers()} names; also the inter-broker listener. */
  public static final String LISTENER = "PLAINTEXT";

  /** The controller's listener (KRaft quorum traffic only; clients never use it). */
  public static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final int NODE_ID = 1;

  private final Config config;
  private final Map<String, Integer> ports;
  private final KafkaRaftServer server;
  private boolean closed;

  private LocalBroker(Config config, Map<String, Integer> ports, KafkaRaftServer server) {
    this.config = config;
    this.ports = ports;
    this.server = server;
  }

  /**
   * Formats {@code config.dataDir()} if it is new, starts the broker and returns once it accepts
   * clients (registered with its controller and unfenced).
   *
   * @throws IllegalStateException if Kafka refuses the configuration or the directory, or cannot
   *     start (a port in use, a directory locked by another broker)
   */
  public static LocalBroker start(Config config) {
    Objects.requireNonNull(config, "config");
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put(LISTENER, config.port() == 0 ? freePort() : config.port());
    ports.put(
        CONTROLLER_LISTENER, config.controllerPort() == 0 ? freePort() : config.controllerPort());
    for (Listener l : config.listeners()) {
      ports.put(l.name(), l.port() == 0 ? freePort() : l.port());
    }
    Properties props = properties(config, ports);
    Path propsFile = config.dataDir().resolve("server.properties");
    try {
      Files.createDirectories(config.dataDir());
      try (var w = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
        props.store(w, "Written by Vigil's LocalBroker at each start; edits are overwritten.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + propsFile, e);
    }
    if (!Files.exists(logDir(config).resolve("meta.properties"))) {
      format(propsFile);
    }
    KafkaRaftServer server;
    try {
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Kafka refused the broker in " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      server.startup();
    } catch (RuntimeException e) {
      try {
        server.shutdown();
        server.awaitShutdown();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException(
          "the Kafka broker in " + config.dataDir() + " did not start: " + e.getMessage(), e);
    }
    return new LocalBroker(config, Map.copyOf(ports), server);
  }

  /** {@code host:port} of the {@code PLAINTEXT} listener: what clients bootstrap from. */
  public String bootstrapServers() {
    return config.host() + ":" + port();
  }

  /** The port of the {@code PLAINTEXT} listener. */
  public int port() {
    return ports.get(LISTENER);
  }

  /** The port of the controller's listener. */
  public int controllerPort() {
    return ports.get(CONTROLLER_LISTENER);
  }

  /**
   * The port the extra listener {@code name} is bound to (where a proxy forwards to); not the port
   * it advertises.
   *
   * @throws IllegalArgumentException if the broker has no such listener
   */
  public int listenerPort(String name) {
    Integer port =
        config.listeners().stream().anyMatch(l -> l.name().equals(name)) ? ports.get(name) : null;
    if (port == null) {
      throw new IllegalArgumentException("the broker has no extra listener named " + name);
    }
    return port;
  }

  /** The configuration this broker was started with (ports as given, 0 included). */
  public Config config() {
    return config;
  }

  /** Stops the broker in order (broker, then controller) and waits until it has stopped. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
      server.awaitShutdown();
    }
  }

  @Override
  public String toString() {
    return "LocalBroker[" + bootstrapServers() + ", " + config.dataDir() + "]";
  }

  private static Properties properties(Config config, Map<String, Integer> ports) {
    String host = config.host();
    List<String> listeners = new ArrayList<>();
    List<String> advertised = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      listeners.add(e.getKey() + "://" + host + ":" + e.getValue());
      protocols.add(e.getKey() + ":PLAINTEXT");
    }
    advertised.add(LISTENER + "://" + host + ":" + ports.get(LISTENER));
    for (Listener l : config.listeners()) {
      int adv = l.advertisedPort() == 0 ? ports.get(l.name()) : l.advertisedPort();
      advertised.add(l.name() + "://" + host + ":" + adv);
    }
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    p.setProperty(
        "controller.quorum.voters", NODE_ID + "@" + host + ":" + ports.get(CONTROLLER_LISTENER));
    p.setProperty("listeners", String.join(",", listeners));
    p.setProperty("advertised.listeners", String.join(",", advertised));
    p.setProperty("listener.security.protocol.map", String.join(",", protocols));
    p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
    p.setProperty("inter.broker.listener.name", LISTENER);
    p.setProperty("log.dirs", logDir(config).toAbsolutePath().toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    config.overrides().forEach(p::setProperty);
    return p;
  }

  private static Path logDir(Config config) {
    return config.dataDir().resolve("data");
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      code =
          StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                propsFile.toString()
              },
              print);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Kafka could not format the directory of " + propsFile + ": " + e.getMessage(), e);
    }
    if (code != 0) {
      throw new IllegalStateException(
          "Kafka could not format the directory of "
              + propsFile
              + " (exit "
              + code
              + "): "
              + out.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * A free TCP port on the loopback interface, as the system hands one out; another process may
   * take it before it is used.
   */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("localhost", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * An extra client listener: bound to {@code port} (0: a free port), advertised to the clients
   * that come in on it as {@code advertisedPort} (0: the bound port).
   *
   * @param name the listener's name, in capitals ({@code CUT_A}); neither {@value #LISTENER} nor
   *     {@value #CONTROLLER_LISTENER}
   */
  public record Listener(String name, int port, int advertisedPort) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Listener {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a listener name is capitals, digits and '_', starting with a capital: " + name);
      }
      if (name.equals(LISTENER) || name.equals(CONTROLLER_LISTENER)) {
        throw new IllegalArgumentException("the broker names its own listener " + name);
      }
      checkPort("port", port);
      checkPort("advertisedPort", advertisedPort);
    }
  }

  /**
   * How to run the broker.
   *
   * @param dataDir the broker's directory (created and formatted on first start)
   * @param port the {@code PLAINTEXT} listener's port; 0: a free port
   * @param controllerPort the controller listener's port; 0: a free port
   * @param host the host name the listeners bind to and advertise
   * @param listeners extra client listeners, by distinct names
   * @param overrides Kafka broker settings that replace the defaults above (e.g. {@code
   *     auto.create.topics.enable=false})
   */
  public record Config(
      Path dataDir,
      int port,
      int controllerPort,
      String host,
      List<Listener> listeners,
      Map<String, String> overrides) {
    public Config {
      Objects.requireNonNull(dataDir, "dataDir");
      checkPort("port", port);
      checkPort("controllerPort", controllerPort);
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.contains(":") || host.contains(",")) {
        throw new IllegalArgumentException("not a host name for a listener: '" + host + "'");
      }
      listeners = List.copyOf(listeners);
      Set<String> names = new HashSet<>();
      for (Listener l : listeners) {
        if (!names.add(l.name())) {
          throw new IllegalArgumentException("two listeners named " + l.name());
        }
      }
      overrides = Map.copyOf(overrides);
      if (port != 0 && port == controllerPort) {
        throw new IllegalArgumentException(
            "the listener and the controller cannot share port " + port);
      }
    }

    /** On {@code dataDir}, free ports, {@code localhost}, no extra listener. */
    public static Config of(Path dataDir) {
      return new Config(dataDir, 0, 0);
    }

    /** On {@code dataDir} and these ports (0: free), {@code localhost}, no extra listener. */
    public Config(Path dataDir, int port, int controllerPort) {
      this(dataDir, port, controllerPort, "localhost", List.of(), Map.of());
    }

    /** This configuration with one more extra listener. */
    public Config withListener(Listener listener) {
      List<Listener> more = new ArrayList<>(listeners);
      more.add(listener);
      return new Config(dataDir, port, controllerPort, host, more, overrides);
    }

    /** This configuration with the Kafka broker setting {@code key} set to {@code value}. */
    public Config withOverride(String key, String value) {
      Map<String, String> more = new LinkedHashMap<>(overrides);
      more.put(key, value);
      return new Config(dataDir, port, controllerPort, host, listeners, more);
    }

    /** This configuration with listeners bound to and advertised as {@code host}. */
    public Config withHost(String host) {
      return new Config(dataDir, port, controllerPort, host, listeners, overrides);
    }

    @Override
    public String toString() {
      return "Config[dataDir="
          + dataDir
          + ", port="
          + port
          + ", controllerPort="
          + controllerPort
          + ", host="
          + host
          + ", listeners="
          + listeners.stream().map(Listener::name).collect(Collectors.joining(","))
          + "]";
    }
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 0 (free) to 65535: " + port);
    }
  }
}
