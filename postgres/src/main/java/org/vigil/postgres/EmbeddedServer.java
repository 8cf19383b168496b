package org.vigil.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process from the binaries packaged on Maven Central (zonky), with
 * its files in a data directory that outlives the process.
 *
 * <p>After a {@code kill -9} of Vigil the server it started may still be running on the old data
 * directory; starting again stops that orphan first (it still holds every committed row), then
 * starts a fresh server on the same files.
 */
final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

  /** Settings that keep statements, and so their values, out of the server's log. */
  private static final Map<String, String> SERVER_CONFIG =
      Map.of(
          "log_min_error_statement", "panic",
          "log_statement", "none",
          "log_min_messages", "warning",
          "synchronous_commit", "on",
          "fsync", "on",
          "max_connections", "100");

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedServer start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts a server on {@code dataDir}, listening on {@code port} of localhost (0: a free port).
   */
  static EmbeddedServer start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      stopOrphan(dataDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60));
      if (port != 0) {
        builder.setPort(port);
      }
      SERVER_CONFIG.forEach(builder::setServerConfig);
      return new EmbeddedServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  private static void stopOrphan(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> orphan =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
    if (orphan.isEmpty() || !orphan.get().isAlive()) {
      return;
    }
    LOG.warn("stopping PostgreSQL (pid {}) left running on {}", orphan.get().pid(), dataDir);
    orphan.get().destroy(); // SIGTERM: a smart shutdown, its clients died with the old process
    try {
      orphan.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      orphan.get().destroyForcibly();
      orphan.get().onExit().join();
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
