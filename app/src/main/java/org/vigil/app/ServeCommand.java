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
      "VIGIL_INGEST_KEY, VIGIL_ADMIN_PASSWORD."
    })
final class ServeCommand implements Runnable {
  @Option(
      names = "--sites",
      paramLabel = "FILE",
      description = "Site configuration (JSON) to put in force at start.")
  Path sites;

  @Option(names = "--port", description = "HTTP port (default: VIGIL_PORT or 8080).")
  Integer port;

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
    Vigil vigil =
        Vigil.start(
            config,
            OutsideWorld.fromEnvironment(System.getenv(), config.dataDir(), config.clock()));
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
