package org.vigil.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.vigil.cases.ClosingPolicy;
import org.vigil.notice.Language;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.postgres.DatabaseSettings;
import org.vigil.retention.RetentionPolicy;

/**
 * Everything a Vigil process is started with.
 *
 * @param dataDir where the embedded database and the log live ({@code VIGIL_DATA_DIR}, default
 *     {@code ./vigil-data})
 * @param database the embedded database under {@code dataDir}, or an external one ({@code
 *     VIGIL_DB_URL}, {@code VIGIL_DB_USER}, {@code VIGIL_DB_PASSWORD})
 * @param port the HTTP port ({@code VIGIL_PORT}, default 8080; 0 for any free port)
 * @param sitesFile a site configuration to put in force at start, or null to keep the stored one
 * @param ingestKey a key accepted for every camera ({@code VIGIL_INGEST_KEY}), or null
 * @param adminPassword the first administrator's password ({@code VIGIL_ADMIN_PASSWORD}), or null
 *     to generate one on first start
 * @param pipeline tuning of the embedded runtime
 * @param clock the clock (a test clock in tests)
 * @param retention the retention policy, how often it is enforced, and where its keys live
 * @param cases the case life cycle's settings: {@code VIGIL_OUTBOX_INTERVAL} (how often due notice
 *     deliveries are attempted, default PT30S), {@code VIGIL_DEADLINE_INTERVAL} (how often the
 *     deadline sweep runs, default PT1H), {@code VIGIL_PORTAL_URL} (the citizen portal printed on
 *     notices), {@code VIGIL_SECOND_REVIEW_WINDOW} and {@code VIGIL_SECOND_REVIEW_SHARE} (a
 *     reviewer's rejections need a second reviewer when more than the share of their last window
 *     decisions are rejections; default 20 and 0.30), {@code VIGIL_NOTICE_FLAG_DAYS} (cases are
 *     flagged this many days before their notice deadline; default 3), {@code VIGIL_CLOSE_AFTER}
 *     (how long a finished case stays open after its last transition before the sweep closes it;
 *     default P30D)
 * @param language the web pages' language when the visitor's choice, cookie and browser name none
 *     of Kazakh, Russian and English ({@code VIGIL_LANGUAGE}: {@code kk}, {@code ru} or {@code en};
 *     default {@code ru})
 */
public record VigilConfig(
    Path dataDir,
    DatabaseSettings database,
    int port,
    Path sitesFile,
    String ingestKey,
    String adminPassword,
    EmbeddedPipeline.Settings pipeline,
    Clock clock,
    Retention retention,
    Cases cases,
    Language language) {

  public static final int DEFAULT_PORT = 8080;

  public VigilConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
  }

  /** The configuration the environment describes. */
  public static VigilConfig fromEnvironment(Map<String, String> env) {
    Path dataDir = dataDir(env);
    return new VigilConfig(
        dataDir,
        DatabaseSettings.from(env, dataDir),
        port(env.get("VIGIL_PORT")),
        null,
        blankToNull(env.get("VIGIL_INGEST_KEY")),
        blankToNull(env.get("VIGIL_ADMIN_PASSWORD")),
        pipeline(env.get("VIGIL_ALLOWED_LATENESS")),
        Clock.systemUTC(),
        Retention.fromEnvironment(env),
        Cases.fromEnvironment(env),
        language(env.get("VIGIL_LANGUAGE")));
  }

  private static EmbeddedPipeline.Settings pipeline(String lateness) {
    EmbeddedPipeline.Settings defaults = EmbeddedPipeline.Settings.defaults();
    if (lateness == null || lateness.isBlank()) {
      return defaults;
    }
    Duration d;
    try {
      d = Duration.parse(lateness.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "VIGIL_ALLOWED_LATENESS must be an ISO-8601 duration such as PT5M, was '"
              + lateness
              + "'");
    }
    if (d.isNegative() || d.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "VIGIL_ALLOWED_LATENESS must be between PT0S and PT24H, was '" + lateness + "'");
    }
    return defaults.withAllowedLateness(d);
  }

  /** {@code VIGIL_DATA_DIR}, or {@code ./vigil-data}. */
  public static Path dataDir(Map<String, String> env) {
    String dir = blankToNull(env.get("VIGIL_DATA_DIR"));
    return Path.of(dir == null ? "vigil-data" : dir).toAbsolutePath();
  }

  public VigilConfig withPort(int port) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withSitesFile(Path sitesFile) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withIngestKey(String ingestKey) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withAdminPassword(String adminPassword) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withDataDir(Path dataDir) {
    DatabaseSettings db = database.isEmbedded() ? DatabaseSettings.embedded(dataDir) : database;
    return new VigilConfig(
        dataDir,
        db,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withPipeline(EmbeddedPipeline.Settings pipeline) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  public VigilConfig withRetention(Retention retention) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  /**
   * Retention settings.
   *
   * @param policy the period of each data class ({@code VIGIL_RETENTION_*}, see {@link
   *     RetentionPolicy#fromEnvironment})
   * @param purgeInterval how often the purge runs ({@code VIGIL_PURGE_INTERVAL}, default PT1H)
   * @param keyDir where the key-encryption keys live ({@code VIGIL_KEY_DIR}), or null for {@code
   *     dataDir/keys}
   */
  public record Retention(RetentionPolicy policy, Duration purgeInterval, Path keyDir) {
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

    public Retention {
      if (purgeInterval.compareTo(Duration.ofSeconds(1)) < 0
          || purgeInterval.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "VIGIL_PURGE_INTERVAL must be between PT1S and P1D, was " + purgeInterval);
      }
    }

    static Retention fromEnvironment(Map<String, String> env) {
      String interval = blankToNull(env.get("VIGIL_PURGE_INTERVAL"));
      Duration d = DEFAULT_PURGE_INTERVAL;
      if (interval != null) {
        try {
          d = Duration.parse(interval.trim());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "VIGIL_PURGE_INTERVAL must be an ISO-8601 duration such as PT1H, was '"
                  + interval
                  + "'");
        }
      }
      String keys = blankToNull(env.get("VIGIL_KEY_DIR"));
      return new Retention(
          RetentionPolicy.fromEnvironment(env),
          d,
          keys == null ? null : Path.of(keys).toAbsolutePath());
    }

    /** The key directory for {@code dataDir}. */
    public Path keyDir(Path dataDir) {
      return keyDir == null ? dataDir.resolve("keys") : keyDir;
    }
  }

  public VigilConfig withLanguage(Language language) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  private static Language language(String value) {
    if (value == null || value.isBlank()) {
      return Language.RU;
    }
    try {
      return Language.ofTag(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "VIGIL_LANGUAGE must be kk, ru or en, was '" + value + "'", e);
    }
  }

  public VigilConfig withCases(Cases cases) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  /**
   * The case life cycle's settings; see the record's javadoc for the variables.
   *
   * @param outboxInterval how often due deliveries are attempted, PT1S to P1D
   * @param deadlineInterval how often the deadline sweep runs, PT1S to P1D
   * @param portal the citizen portal's address, http(s)
   * @param secondReviewWindow how many of a reviewer's latest decisions count
   * @param secondReviewShare the share of rejections above which a second reviewer is needed
   * @param noticeFlagDays how many days before the notice deadline a case is flagged
   * @param zone the time zone of the desk's pages, print batches and bank statements ({@code
   *     VIGIL_TIME_ZONE}, default Asia/Almaty)
   * @param closeAfter how long a finished case stays open after its last transition before the
   *     deadline sweep closes it ({@code VIGIL_CLOSE_AFTER}, PT1S to P3650D, default P30D: long
   *     enough for a refund to be paid out and a late appeal or payment to find the case open)
   */
  public record Cases(
      Duration outboxInterval,
      Duration deadlineInterval,
      String portal,
      int secondReviewWindow,
      double secondReviewShare,
      int noticeFlagDays,
      ZoneId zone,
      Duration closeAfter) {
    public static final Duration DEFAULT_OUTBOX_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE_INTERVAL = Duration.ofHours(1);
    public static final String DEFAULT_PORTAL = "http://localhost:8080/portal";

    public Cases {
      interval("VIGIL_OUTBOX_INTERVAL", outboxInterval);
      interval("VIGIL_DEADLINE_INTERVAL", deadlineInterval);
      if (closeAfter.compareTo(Duration.ofSeconds(1)) < 0
          || closeAfter.compareTo(Duration.ofDays(3650)) > 0) {
        throw new IllegalArgumentException(
            "VIGIL_CLOSE_AFTER must be between PT1S and P3650D, was " + closeAfter);
      }
      if (portal == null || !portal.matches("https?://\\S+")) {
        throw new IllegalArgumentException(
            "VIGIL_PORTAL_URL must be an http(s) address, was '" + portal + "'");
      }
    }

    private static void interval(String name, Duration d) {
      if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(name + " must be between PT1S and P1D, was " + d);
      }
    }

    static Cases fromEnvironment(Map<String, String> env) {
      String portal = blankToNull(env.get("VIGIL_PORTAL_URL"));
      return new Cases(
          duration(env, "VIGIL_OUTBOX_INTERVAL", DEFAULT_OUTBOX_INTERVAL),
          duration(env, "VIGIL_DEADLINE_INTERVAL", DEFAULT_DEADLINE_INTERVAL),
          portal == null ? DEFAULT_PORTAL : portal.trim(),
          (int) number(env, "VIGIL_SECOND_REVIEW_WINDOW", 20),
          number(env, "VIGIL_SECOND_REVIEW_SHARE", 0.30),
          (int) number(env, "VIGIL_NOTICE_FLAG_DAYS", 3),
          OutsideWorld.zone(env),
          duration(env, "VIGIL_CLOSE_AFTER", ClosingPolicy.DEFAULT_SETTLE));
    }

    /** The same, with the portal at {@code portalUrl}. */
    public Cases withPortal(String portalUrl) {
      return new Cases(
          outboxInterval,
          deadlineInterval,
          portalUrl,
          secondReviewWindow,
          secondReviewShare,
          noticeFlagDays,
          zone,
          closeAfter);
    }

    public Cases withIntervals(Duration outbox, Duration deadline) {
      return new Cases(
          outbox,
          deadline,
          portal,
          secondReviewWindow,
          secondReviewShare,
          noticeFlagDays,
          zone,
          closeAfter);
    }

    /** The same, with finished cases closed {@code after} their last transition. */
    public Cases withCloseAfter(Duration after) {
      return new Cases(
          outboxInterval,
          deadlineInterval,
          portal,
          secondReviewWindow,
          secondReviewShare,
          noticeFlagDays,
          zone,
          after);
    }

    private static Duration duration(Map<String, String> env, String name, Duration dflt) {
      String v = blankToNull(env.get(name));
      if (v == null) {
        return dflt;
      }
      try {
        return Duration.parse(v.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            name + " must be an ISO-8601 duration such as PT30S, was '" + v + "'");
      }
    }

    private static double number(Map<String, String> env, String name, double dflt) {
      String v = blankToNull(env.get(name));
      if (v == null) {
        return dflt;
      }
      try {
        return Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
      }
    }
  }

  public VigilConfig withClock(Clock clock) {
    return new VigilConfig(
        dataDir,
        database,
        port,
        sitesFile,
        ingestKey,
        adminPassword,
        pipeline,
        clock,
        retention,
        cases,
        language);
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("VIGIL_PORT must be a number, was '" + value + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "VigilConfig[" + database + ", port " + port + ", sites " + sitesFile + "]";
  }
}
