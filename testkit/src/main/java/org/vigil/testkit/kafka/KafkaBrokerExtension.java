package org.vigil.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vigil.kafka.broker.LocalBroker;
import org.vigil.testkit.net.TcpProxy;

/**
 * One real single-node Kafka broker ({@link LocalBroker}, KRaft) for a test class, in a temporary
 * directory deleted after the class's last test:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(1);
 *
 * @Test void survivesACut() {
 *   KAFKA.createTopic("vigil.detections", 3);
 *   var healthy = client(KAFKA.bootstrapServers());
 *   var victim = client(KAFKA.proxiedBootstrapServers(0));
 *   KAFKA.proxy(0).cut();      // only the victim loses the broker
 *   KAFKA.proxy(0).restore();
 * }
 * }</pre>
 *
 * <p>Register it in a {@code static} field: the broker starts before the class's first test and
 * stops after its last (a {@code @Nested} class shares its enclosing class's broker). With {@code
 * proxiedListeners} = n, the broker has n extra listeners ({@code PROXIED_0} …), each advertising
 * the port of its own {@link TcpProxy}: a client bootstrapped from {@link
 * #proxiedBootstrapServers(int)} reaches the broker only through that proxy, so cutting it cuts
 * that client alone. Every proxy is restored before each test.
 */
public final class KafkaBrokerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final int proxiedListeners;
  private final Map<String, String> overrides;
  private final List<TcpProxy> proxies = new ArrayList<>();
  private LocalBroker broker;
  private Path dir;
  private int depth;

  /** A broker with no proxied listener. */
  public KafkaBrokerExtension() {
    this(0);
  }

  /** A broker with {@code proxiedListeners} extra listeners, each behind its own proxy. */
  public KafkaBrokerExtension(int proxiedListeners) {
    this(proxiedListeners, Map.of());
  }

  /**
   * A broker with {@code proxiedListeners} proxied listeners and these Kafka broker settings over
   * {@link LocalBroker}'s defaults.
   */
  public KafkaBrokerExtension(int proxiedListeners, Map<String, String> overrides) {
    if (proxiedListeners < 0) {
      throw new IllegalArgumentException("proxiedListeners must be >= 0: " + proxiedListeners);
    }
    this.proxiedListeners = proxiedListeners;
    this.overrides = Map.copyOf(overrides);
  }

  /** The running broker; only inside the tests of its class. */
  public LocalBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("the broker runs only inside the tests of its class");
    }
    return broker;
  }

  /** {@code host:port} of the broker's own listener, for clients that are never cut. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** The proxy in front of proxied listener {@code i}. */
  public TcpProxy proxy(int i) {
    broker();
    if (i < 0 || i >= proxies.size()) {
      throw new IllegalArgumentException(
          "no proxied listener " + i + " (the broker has " + proxies.size() + ")");
    }
    return proxies.get(i);
  }

  /**
   * {@code host:port} of proxy {@code i}: a client bootstrapped from it reaches the broker only
   * through that proxy.
   */
  public String proxiedBootstrapServers(int i) {
    return broker().config().host() + ":" + proxy(i).port();
  }

  /** An admin client for the broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Creates topic {@code name} with {@code partitions} partitions (replication factor 1). */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /**
   * Creates topic {@code name} with {@code partitions} partitions and these topic settings (e.g.
   * {@code retention.ms}), and waits until the broker has created it.
   *
   * @throws IllegalStateException if the broker refuses (the topic exists, a bad setting)
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the broker did not create topic " + name + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (depth++ > 0) {
      return;
    }
    dir = Files.createTempDirectory("vigil-kafka-");
    LocalBroker.Config config = LocalBroker.Config.of(dir.resolve("broker"));
    List<Integer> proxyPorts = new ArrayList<>();
    for (int i = 0; i < proxiedListeners; i++) {
      int proxyPort = LocalBroker.freePort();
      proxyPorts.add(proxyPort);
      config = config.withListener(new LocalBroker.Listener(listenerName(i), 0, proxyPort));
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      config = config.withOverride(o.getKey(), o.getValue());
    }
    broker = LocalBroker.start(config);
    for (int i = 0; i < proxiedListeners; i++) {
      proxies.add(
          TcpProxy.start(proxyPorts.get(i), config.host(), broker.listenerPort(listenerName(i))));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    proxies.forEach(TcpProxy::restore);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--depth > 0) {
      return;
    }
    proxies.forEach(TcpProxy::close);
    proxies.clear();
    if (broker != null) {
      broker.close();
      broker = null;
    }
    if (dir != null) {
      deleteTree(dir);
      dir = null;
    }
  }

  private static String listenerName(int i) {
    return "PROXIED_" + i;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the broker's directory " + root, e);
    }
  }
}
