package org.vigil.postgres;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL run on its own, for nodes on one machine that share it (the Kafka
 * runtime's development and test deployment, {@code vigil postgres}). Production points every node
 * at the city's own PostgreSQL with {@code VIGIL_DB_URL}.
 */
public final class StandalonePostgres implements AutoCloseable {
  private final EmbeddedServer server;

  private StandalonePostgres(EmbeddedServer server) {
    this.server = server;
  }

  /**
   * Starts PostgreSQL on the files in {@code dataDir} (made on first start, kept afterwards),
   * listening on localhost {@code port} (0: a free one).
   */
  public static StandalonePostgres start(Path dataDir, int port) {
    return new StandalonePostgres(EmbeddedServer.start(dataDir, port));
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The URL nodes connect with, as user {@code postgres}: the value of {@code VIGIL_DB_URL}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  @Override
  public void close() {
    server.close();
  }
}
