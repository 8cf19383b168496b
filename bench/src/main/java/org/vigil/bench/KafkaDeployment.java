package org.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The deployment of docs/deploy.md as child processes of the load test, started from the packaged
 * jar with the guide's commands: a broker ({@code vigil kafka-broker}), PostgreSQL ({@code vigil
 * postgres}), the cases node, {@code processNodes} processing nodes and one ingest node ({@code
 * vigil serve --kafka … --role …}), all on loopback ports, in one fresh temporary directory.
 *
 * <p>{@link #close} stops them in reverse order (SIGTERM, then by force after a grace period, with
 * the PostgreSQL server that detached from its JVM) and deletes the directory unless asked to keep
 * it, or unless the deployment failed to start (its logs tell why). Every process's output goes to
 * {@code NAME.log} in that directory; none of it is echoed.
 */
final class KafkaDeployment implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final Path dir;
  private boolean keepDir;
  private final List<Node> started = new ArrayList<>();
  private final String ingestKey = ChildServer.randomSecret();
  private Node cases;
  private Node ingest;
  private final List<Node> processNodes = new ArrayList<>();
  private boolean closed;

  /**
   * One started process.
   *
   * @param name e.g. {@code process-1}
   * @param process the JVM
   * @param url its HTTP base URL (for the broker and PostgreSQL: their port, unused)
   * @param log where its output goes
   * @param dataDir its data directory, by which a detached PostgreSQL is found
   */
  record Node(String name, Process process, URI url, Path log, Path dataDir) {

    /** Its JVM and everything it started, the detached PostgreSQL server included. */
    List<ProcessHandle> processes() {
      List<ProcessHandle> all = new ArrayList<>();
      all.add(process.toHandle());
      all.addAll(process.descendants().toList());
      String marker = dataDir + "/";
      ProcessHandle.allProcesses()
          .filter(p -> !all.contains(p))
          .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
          .forEach(p -> all.add(p));
      return all;
    }
  }

  private KafkaDeployment(Path dir, boolean keepDir) {
    this.dir = dir;
    this.keepDir = keepDir;
  }

  /**
   * Starts the whole deployment and waits until every node answers {@code /health/ready} with 200.
   *
   * @param jar {@code app/target/vigil.jar}
   * @param sitesJson the site configuration the cases node puts in force
   * @param processNodes how many processing nodes
   * @param partitions {@code VIGIL_KAFKA_PARTITIONS}
   * @param jvmOptions extra JVM options for every Vigil node (not the broker or PostgreSQL)
   * @param keepDir whether {@link #close} keeps the directory
   */
  static KafkaDeployment start(
      Path jar,
      String sitesJson,
      int processNodes,
      int partitions,
      List<String> jvmOptions,
      boolean keepDir)
      throws IOException, InterruptedException {
    KafkaDeployment d =
        new KafkaDeployment(Files.createTempDirectory("vigil-kafka-load-"), keepDir);
    try {
      d.startAll(jar, sitesJson, processNodes, partitions, jvmOptions);
      return d;
    } catch (IOException | InterruptedException | RuntimeException e) {
      d.keepDir = true; // the logs the message points to
      d.close();
      throw e;
    }
  }

  private void startAll(
      Path jar, String sitesJson, int processCount, int partitions, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path sites = Files.writeString(dir.resolve("sites.json"), sitesJson, StandardCharsets.UTF_8);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path secretFile = Files.write(dir.resolve("vigil-kafka.secret"), secret);

    int brokerPort = ChildServer.freeLoopbackPort();
    Node broker =
        launch(
            jar,
            "broker",
            List.of(),
            List.of(
                "kafka-broker",
                "--dir",
                dir.resolve("broker").toString(),
                "--port",
                Integer.toString(brokerPort),
                "--controller-port",
                Integer.toString(ChildServer.freeLoopbackPort())),
            brokerPort,
            dir.resolve("broker"),
            Map.of());
    int pgPort = ChildServer.freeLoopbackPort();
    Node postgres =
        launch(
            jar,
            "postgres",
            List.of(),
            List.of("postgres", "--dir", dir.resolve("pg").toString(), "--port", "" + pgPort),
            pgPort,
            dir.resolve("pg"),
            Map.of());
    awaitLine(broker, "Kafka broker ready at");
    awaitLine(postgres, "PostgreSQL ready at");

    Map<String, String> env =
        Map.of(
            "VIGIL_DB_URL",
            "jdbc:postgresql://localhost:" + pgPort + "/postgres",
            "VIGIL_DB_USER",
            "postgres",
            "VIGIL_KAFKA_SECRET_FILE",
            secretFile.toString(),
            "VIGIL_INGEST_KEY",
            ingestKey,
            "VIGIL_ADMIN_PASSWORD",
            ChildServer.randomSecret(),
            "VIGIL_KAFKA_PARTITIONS",
            Integer.toString(partitions));
    String bootstrap = "localhost:" + brokerPort;
    // The cases node first: it creates the schema and puts the sites in force, which the others
    // read from the database.
    cases =
        node(jar, jvmOptions, env, bootstrap, "cases", List.of("--sites", sites.toString()), "");
    awaitReady(cases);
    for (int i = 1; i <= processCount; i++) {
      processNodes.add(node(jar, jvmOptions, env, bootstrap, "process", List.of(), "-" + i));
    }
    ingest = node(jar, jvmOptions, env, bootstrap, "ingest", List.of(), "");
    for (Node n : processNodes) {
      awaitReady(n);
    }
    awaitReady(ingest);
  }

  /** The cases node. */
  Node cases() {
    return cases;
  }

  /** The ingest node, to which cameras post. */
  Node ingest() {
    return ingest;
  }

  /** The processing nodes. */
  List<Node> processNodes() {
    return List.copyOf(processNodes);
  }

  /** Every started process, broker and PostgreSQL included, in start order. */
  List<Node> all() {
    return List.copyOf(started);
  }

  /** The ingest key every camera uses. */
  String ingestKey() {
    return ingestKey;
  }

  /** The temporary directory: logs, data, sites and secret. */
  Path dir() {
    return dir;
  }

  private Node node(
      Path jar,
      List<String> jvmOptions,
      Map<String, String> env,
      String bootstrap,
      String role,
      List<String> extra,
      String suffix)
      throws IOException {
    int port = ChildServer.freeLoopbackPort();
    List<String> args =
        new ArrayList<>(
            List.of("serve", "--kafka", bootstrap, "--role", role, "--port", "" + port));
    args.addAll(extra);
    Path data = dir.resolve(role + suffix);
    return launch(jar, role + suffix, jvmOptions, args, port, data, env);
  }

  private Node launch(
      Path jar,
      String name,
      List<String> jvmOptions,
      List<String> args,
      int port,
      Path dataDir,
      Map<String, String> env)
      throws IOException {
    Files.createDirectories(dataDir);
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(ChildServer.jarCommand(jar, jvmOptions, args)).directory(dir.toFile());
    builder.environment().keySet().removeIf(v -> v.startsWith("VIGIL_"));
    builder.environment().putAll(env);
    builder.environment().put("VIGIL_DATA_DIR", dataDir.toString());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Node node =
        new Node(name, builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log, dataDir);
    started.add(node);
    return node;
  }

  private static void awaitLine(Node node, String line) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!Files.exists(node.log())
        || !Files.readString(node.log(), StandardCharsets.UTF_8).contains(line)) {
      checkAlive(node);
      if (System.nanoTime() > deadline) {
        throw new IOException(node.name() + " did not start in time; see " + node.log());
      }
      Thread.sleep(200);
    }
  }

  private static void awaitReady(Node node) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (true) {
        checkAlive(node);
        Optional<Integer> status = readiness(http, node.url());
        if (status.isPresent() && status.get() == 200) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(node.name() + " was not ready in time; see " + node.log());
        }
        Thread.sleep(250);
      }
    }
  }

  private static void checkAlive(Node node) throws IOException {
    if (!node.process().isAlive()) {
      throw new IOException(
          node.name()
              + " exited with status "
              + node.process().exitValue()
              + "; see "
              + node.log());
    }
  }

  private static Optional<Integer> readiness(HttpClient http, URI url) throws InterruptedException {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(url.resolve("/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return Optional.of(r.statusCode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stops every process, last started first; see the class comment. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Node node : started.reversed()) {
      List<ProcessHandle> tree = node.processes();
      node.process().destroy();
      try {
        if (!node.process().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
          node.process().destroyForcibly();
          node.process().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        node.process().destroyForcibly();
      }
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
    if (!keepDir) {
      ChildServer.deleteTree(dir);
    }
  }
}
