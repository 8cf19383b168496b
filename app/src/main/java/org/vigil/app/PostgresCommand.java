package org.vigil.app;

import java.nio.file.Path;
import org.vigil.postgres.StandalonePostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil postgres}: the embedded PostgreSQL on its own, for several nodes on one machine to
 * share (docs/deploy.md); the city's own PostgreSQL takes its place in production.
 */
@Command(
    name = "postgres",
    mixinStandardHelpOptions = true,
    description = {
      "Runs PostgreSQL from the binaries Vigil carries, for nodes on this machine to share.",
      "Nodes connect with VIGIL_DB_URL=jdbc:postgresql://localhost:PORT/postgres",
      "VIGIL_DB_USER=postgres (no password; it listens on localhost only)."
    })
final class PostgresCommand implements Runnable {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "Its data directory (made on first start, kept afterwards).")
  Path dir;

  @Option(names = "--port", description = "Port on localhost (default: 5432).")
  int port = 5432;

  @Override
  public void run() {
    Logs.init(dir);
    StandalonePostgres postgres = StandalonePostgres.start(dir.resolve("postgres"), port);
    System.out.println("PostgreSQL ready at " + postgres.jdbcUrl() + " (user postgres)");
    ServeCommand.awaitShutdown(postgres);
  }
}
