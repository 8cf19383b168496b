package org.vigil.postgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is: an embedded server with its files under {@code dataDir}, or an external
 * one at {@code url}.
 *
 * @param dataDir the data directory of the embedded server; ignored when {@code url} is set
 * @param url a JDBC URL of an external PostgreSQL, or {@code null} for the embedded one
 * @param user the external server's user
 * @param password the external server's password
 */
public record DatabaseSettings(Path dataDir, String url, String user, String password) {
  public DatabaseSettings {
    if (url == null) {
      Objects.requireNonNull(dataDir, "dataDir is needed for the embedded database");
    } else if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "VIGIL_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
              + url
              + "'");
    }
  }

  /** An embedded database under {@code dataDir}. */
  public static DatabaseSettings embedded(Path dataDir) {
    return new DatabaseSettings(dataDir, null, null, null);
  }

  /**
   * Reads {@code VIGIL_DB_URL}, {@code VIGIL_DB_USER} and {@code VIGIL_DB_PASSWORD} from {@code
   * env}; without a URL, the embedded database under {@code dataDir}.
   */
  public static DatabaseSettings from(Map<String, String> env, Path dataDir) {
    String url = env.get("VIGIL_DB_URL");
    if (url == null || url.isBlank()) {
      return embedded(dataDir);
    }
    return new DatabaseSettings(
        dataDir, url, env.getOrDefault("VIGIL_DB_USER", "vigil"), env.get("VIGIL_DB_PASSWORD"));
  }

  public boolean isEmbedded() {
    return url == null;
  }

  @Override
  public String toString() {
    return isEmbedded() ? "embedded PostgreSQL in " + dataDir : "PostgreSQL at " + url;
  }
}
