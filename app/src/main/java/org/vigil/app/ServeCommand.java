package org.vigil.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil serve}: runs Vigil until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Vigil: database, rules and web server.",
      "Environment: VIGIL_DATA_DIR, VIGIL_PORT, VIGIL_DB_URL, VIGIL_DB_USER, VIGIL_DB_PASSWORD,",
      "VIGIL_INGEST_KEY, VIGIL_ADMIN_PASSWORD.",
      "On Kafka (--kafka): VIGIL_DB_URL (every node shares it), VIGIL_KAFKA_SECRET_FILE,",
      "VIGIL_KAFKA_PARTITIONS; see docs/deploy.md."
    })
final class ServeCommand implements Runnable {
  @Option(
      names = "--sites",
      paramLabel = "FILE",
      description = "Site configuration (JSON) to put in force at start.")
  Path sites;

  @Option(names = "--port", description = "HTTP port (default: VIGIL_PORT or 8080).")
  Integer port;

  @Option(
      names = "--kafka",
      paramLabel = "BOOTSTRAP",
      description =
          "Run as one node of the Kafka runtime, with these brokers (host:port[,host:port...]).")
  String kafka;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "With --kafka: ingest, process or cases.")
  String role;

  @Override
  public void run() {
    VigilConfig config = VigilConfig.fromEnvironment(System.getenv());
    Logs.init(config.dataDir());
    if (port != null) {
      config = config.withPort(port);
    }
    if (sites != null) {
      config = config.withSitesFile(sites);
    }
    if (kafka == null && role != null) {
      throw new IllegalArgumentException("--role needs --kafka BOOTSTRAP");
    }
    CasePorts ports =
        OutsideWorld.fromEnvironment(System.getenv(), config.dataDir(), config.clock());
    if (kafka != null) {
      KafkaNodes.Node node =
          KafkaNodes.start(config, KafkaSettings.of(kafka, role, System.getenv()), ports);
      System.out.println(
          "Vigil (Kafka, role " + node.role().word() + ") is ready at " + node.url());
      awaitShutdown(node);
      return;
    }
    Vigil vigil = Vigil.start(config, ports);
    vigil
        .generatedAdminPassword()
        .ifPresent(
            p ->
                System.out.println(
                    "First start: sign in as 'admin' with password "
                        + p
                        + " (shown this once; set VIGIL_ADMIN_PASSWORD to choose it)."));
    System.out.println("Vigil is ready at " + vigil.url());
    awaitShutdown(vigil);
  }

  /** Blocks until the process is asked to stop, then stops {@code vigil} cleanly. */
  static void awaitShutdown(AutoCloseable... toClose) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable c : toClose) {
                    try {
                      c.close();
                    } catch (Exception e) {
                      System.err.println("vigil: while stopping: " + e);
                    }
                  }
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
