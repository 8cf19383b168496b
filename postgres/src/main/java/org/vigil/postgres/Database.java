package org.vigil.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open, migrated database: the embedded server (when configured) and a connection pool. Closing
 * it closes the pool and stops the embedded server.
 */
public final class Database implements AutoCloseable {
  private final EmbeddedServer server;
  private final HikariDataSource dataSource;

  private Database(EmbeddedServer server, HikariDataSource dataSource) {
    this.server = server;
    this.dataSource = dataSource;
  }

  /** Starts the embedded server if needed, connects and brings the schema up to date. */
  public static Database open(DatabaseSettings settings) {
    EmbeddedServer server = null;
    HikariConfig config = new HikariConfig();
    if (settings.isEmbedded()) {
      server = EmbeddedServer.start(settings.dataDir().resolve("postgres"));
      config.setJdbcUrl(server.jdbcUrl());
    } else {
      config.setJdbcUrl(settings.url());
      config.setUsername(settings.user());
      config.setPassword(settings.password());
    }
    config.setPoolName("vigil");
    config.setMaximumPoolSize(8);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "vigil");
    try {
      HikariDataSource dataSource = new HikariDataSource(config);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return new Database(server, dataSource);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * What keeps the database from serving now, for a readiness check: empty when a connection
   * answers within two seconds, else the failure's type and SQL state (never a query or a value).
   */
  public Optional<String> problem() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2) ? Optional.empty() : Optional.of("the database did not answer in 2 s");
    } catch (SQLException e) {
      return Optional.of("no connection to the database (SQL state " + e.getSQLState() + ")");
    }
  }

  @Override
  public void close() {
    dataSource.close();
    if (server != null) {
      server.close();
    }
  }
}
