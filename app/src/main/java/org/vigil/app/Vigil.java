package org.vigil.app;

import io.helidon.http.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.ClosingPolicy;
import org.vigil.cases.DeliveryRetryPolicy;
import org.vigil.cases.NoticeDeadlinePolicy;
import org.vigil.cases.SecondReviewPolicy;
import org.vigil.contract.SitesJson;
import org.vigil.contract.TariffJson;
import org.vigil.http.BadRequestException;
import org.vigil.http.HttpServices;
import org.vigil.http.VigilServer;
import org.vigil.http.admin.AdminRoutes;
import org.vigil.http.admin.ExemptionRoutes;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.audit.AuditRoutes;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.PasswordHasher;
import org.vigil.http.cameras.CameraHealthRoutes;
import org.vigil.http.cases.CaseRoutes;
import org.vigil.http.cases.PaymentRoutes;
import org.vigil.http.desk.CaseDeskOperatorDesk;
import org.vigil.http.desk.DeskPages;
import org.vigil.http.health.HealthCheck;
import org.vigil.http.health.HealthRoutes;
import org.vigil.http.incidents.IncidentHub;
import org.vigil.http.incidents.IncidentRoutes;
import org.vigil.http.ingest.IngestHandler;
import org.vigil.http.ingest.IngestKeys;
import org.vigil.http.live.LiveRoutes;
import org.vigil.http.metrics.MetricsRoutes;
import org.vigil.http.portal.CaseDeskPortalDesk;
import org.vigil.http.portal.PortalAccess;
import org.vigil.http.portal.PortalPages;
import org.vigil.http.retention.RetentionRoutes;
import org.vigil.http.statistics.StatisticsRoutes;
import org.vigil.http.transparency.TransparencyRoutes;
import org.vigil.http.violations.ViolationRoutes;
import org.vigil.http.web.LanguageChoice;
import org.vigil.http.web.PortalThrottle;
import org.vigil.pipeline.CameraGrant;
import org.vigil.pipeline.DetectionIntake;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.pipeline.IngestItem;
import org.vigil.pipeline.IngestResult;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.postgres.Database;
import org.vigil.postgres.PostgresAuditLog;
import org.vigil.postgres.PostgresCameraKeys;
import org.vigil.postgres.PostgresCases;
import org.vigil.postgres.PostgresExemptions;
import org.vigil.postgres.PostgresIncidents;
import org.vigil.postgres.PostgresRetention;
import org.vigil.postgres.PostgresSites;
import org.vigil.postgres.PostgresTraffic;
import org.vigil.postgres.PostgresTransparency;
import org.vigil.postgres.PostgresUsers;
import org.vigil.postgres.PostgresViolations;
import org.vigil.postgres.TrafficFlusher;
import org.vigil.retention.Envelopes;
import org.vigil.site.InvalidSitesException;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.tariff.TariffBook;
import org.vigil.traffic.PassageSink;
import org.vigil.traffic.TrafficAggregator;
import org.vigil.traffic.incident.IncidentDetector;
import org.vigil.transparency.Policy;

/**
 * One running Vigil: database, embedded pipeline and web server, wired together. This class only
 * wires; every behaviour lives in the modules it wires.
 */
public final class Vigil implements AutoCloseable {
  /** How often the incident detector is advanced. */
  static final Duration INCIDENT_PERIOD = Duration.ofSeconds(2);

  private final List<AutoCloseable> closeInOrder;
  private final VigilServer server;
  private final EmbeddedPipeline pipeline;
  private final TrafficFlusher statistics;
  private final Optional<String> generatedAdminPassword;
  private final CaseDesk caseDesk;

  private Vigil(
      List<AutoCloseable> closeInOrder,
      VigilServer server,
      EmbeddedPipeline pipeline,
      TrafficFlusher statistics,
      Optional<String> generatedAdminPassword,
      CaseDesk caseDesk) {
    this.caseDesk = caseDesk;
    this.closeInOrder = closeInOrder;
    this.server = server;
    this.pipeline = pipeline;
    this.statistics = statistics;
    this.generatedAdminPassword = generatedAdminPassword;
  }

  /**
   * Starts everything and returns once the server answers.
   *
   * @throws InvalidSitesException when the sites file is unusable; nothing is left running
   */
  public static Vigil start(VigilConfig config) {
    return start(config, CasePorts.none());
  }

  /**
   * Starts everything with the case life cycle's outside-world ports {@code ports} (registry,
   * renderer, channels, payments) and returns once the server answers.
   *
   * @throws InvalidSitesException when the sites file is unusable; nothing is left running
   */
  public static Vigil start(VigilConfig config, CasePorts ports) {
    return start(config, ports, null);
  }

  /**
   * Starts a cases node of the Kafka runtime: everything but the rules, with its violations and
   * passages from {@code feed}; cameras' posts are refused with a pointer to the ingest nodes.
   *
   * @throws InvalidSitesException when the sites file is unusable; nothing is left running
   */
  static Vigil startCases(VigilConfig config, CasePorts ports, ViolationFeed feed) {
    return start(config, ports, feed);
  }

  private static Vigil start(VigilConfig config, CasePorts ports, ViolationFeed feed) {
    Sites fromFile = config.sitesFile() == null ? null : readSites(config);
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Database database = Database.open(config.database());
      opened.add(database);
      SecureRandom random = new SecureRandom();
      VigilConfig.Retention retention = config.retention();
      Envelopes envelopes =
          new Envelopes(new FileKeyVault(retention.keyDir(config.dataDir()), random), random);
      PostgresViolations violations =
          new PostgresViolations(database.dataSource(), envelopes, retention.policy());
      opened.add(violations);
      violations.sealClearRows();
      SiteRegistry sites = new SiteRegistry(new PostgresSites(database.dataSource()));
      if (fromFile != null) {
        sites.replace(fromFile);
      }
      PostgresExemptions exemptions = new PostgresExemptions(database.dataSource());
      TrafficAggregator traffic = new TrafficAggregator();
      PostgresTraffic trafficStore = new PostgresTraffic(database.dataSource());
      // closed after the pipeline, so that its last flush holds every passage
      TrafficFlusher statistics =
          new TrafficFlusher(traffic, trafficStore, TrafficFlusher.DEFAULT_INTERVAL);
      opened.add(statistics);
      IncidentDetector incidentDetector = new IncidentDetector(config.clock());
      TariffBook tariffs = TariffJson.builtIn();
      EmbeddedPipeline pipeline =
          new EmbeddedPipeline(
              sites,
              violations,
              PassageSink.all(traffic, incidentDetector),
              exemptions,
              new Fines(tariffs),
              config.clock(),
              config.pipeline());
      opened.add(pipeline);
      PostgresIncidents incidents = new PostgresIncidents(database.dataSource());
      IncidentHub incidentHub = new IncidentHub();
      opened.add(new IncidentMonitor(incidentDetector, incidents, incidentHub, INCIDENT_PERIOD));
      IngestKeys keys =
          new IngestKeys(new PostgresCameraKeys(database.dataSource()), config.ingestKey(), random);
      Path auditDir = config.dataDir().resolve("audit");
      PostgresAuditLog auditLog =
          new PostgresAuditLog(
              database.dataSource(), AuditKeys.signingKey(auditDir), config.clock());
      opened.add(new AuditCheckpointer(auditLog, AuditCheckpointer.PERIOD));
      AuditRecorder audit = new AuditRecorder(auditLog, AuditKeys.pseudonymKey(auditDir, random));
      MetricsRoutes metrics = new MetricsRoutes(feed == null ? pipeline.counters() : null);
      opened.add(metrics);
      List<HealthCheck> checks = new ArrayList<>();
      checks.add(new HealthCheck("database", database::problem));
      DetectionIntake intake = pipeline;
      if (feed != null) {
        ViolationFeed.Started started =
            feed.start(violations, PassageSink.all(traffic, incidentDetector), metrics.registry());
        opened.add(started.handle());
        checks.addAll(started.checks());
        intake = Vigil::refuseDetections;
      }
      Accounts accounts =
          new Accounts(
              new PostgresUsers(database.dataSource()),
              new PasswordHasher(random),
              random,
              config.clock(),
              audit::pseudonym);
      Optional<String> generated = accounts.ensureFirstAdministrator(config.adminPassword());
      PostgresRetention purges =
          new PostgresRetention(
              database.dataSource(), envelopes, retention.policy(), config.clock());
      opened.add(new RetentionJob(purges, auditLog, retention.purgeInterval()));
      PostgresCases caseStore =
          new PostgresCases(database.dataSource(), violations, envelopes, config.clock());
      VigilConfig.Cases caseSettings = config.cases();
      SiteCaseFacts caseSites = new SiteCaseFacts(sites, pipeline.clocks());
      CaseDesk desk =
          new CaseDesk(
              caseStore,
              caseStore,
              new FileReviewerKeys(retention.keyDir(config.dataDir()).resolve("reviewers")),
              ports.registry(),
              caseSites,
              tariffs,
              auditLog,
              config.clock(),
              random,
              new CaseDesk.Settings(
                  new SecondReviewPolicy(
                      caseSettings.secondReviewWindow(), caseSettings.secondReviewShare()),
                  new NoticeDeadlinePolicy(caseSettings.noticeFlagDays()),
                  DeliveryRetryPolicy.defaults(),
                  caseSettings.portal(),
                  new ClosingPolicy(caseSettings.closeAfter()),
                  retention.policy()));
      opened.add(
          new CaseJobs(
              desk,
              ports.renderer(),
              ports.byChannel(),
              caseSettings.outboxInterval(),
              caseSettings.deadlineInterval()));
      LanguageChoice languages = new LanguageChoice(config.language());
      HttpServices services =
          new HttpServices(
              new IngestHandler(intake, keys),
              new ViolationRoutes(violations, audit),
              new AdminRoutes(sites, keys, accounts, config.clock(), audit),
              new LiveRoutes(pipeline, incidentDetector::open, config.clock()),
              new ExemptionRoutes(exemptions, audit),
              new CameraHealthRoutes(pipeline, config.clock()),
              new StatisticsRoutes(trafficStore, config.clock()),
              new IncidentRoutes(incidents, incidentHub),
              new AuditRoutes(auditLog),
              metrics,
              new TransparencyRoutes(
                  new PostgresTransparency(database.dataSource(), config.clock()),
                  caseStore,
                  auditLog,
                  Policy.of(retention.policy()),
                  config.clock()),
              new RetentionRoutes(purges, audit),
              accounts,
              new CaseRoutes(desk, caseSites, audit, config.clock()),
              new PaymentRoutes(desk, ports.webhook(), ports.statements(), audit),
              new DeskPages(
                  new CaseDeskOperatorDesk(desk, caseSites, auditLog, audit::pseudonym),
                  caseSettings.zone(),
                  languages),
              new PortalPages(
                  new CaseDeskPortalDesk(
                      desk,
                      ports.renderer(),
                      ports.paymentPage().orElse(null),
                      auditLog,
                      config.clock()),
                  new PortalThrottle(config.clock()),
                  new PortalAccess(portalKey(random), config.clock()),
                  languages),
              new HealthRoutes(feed == null ? "embedded" : "cases", checks),
              config.language());
      VigilServer server = VigilServer.start(config.port(), services);
      opened.add(server);
      opened.add(incidentHub); // closed first, so that no event stream holds the server up
      return new Vigil(opened.reversed(), server, pipeline, statistics, generated, desk);
    } catch (SQLException | RuntimeException e) {
      throw Opened.failedStart(opened, e);
    }
  }

  /** The ingest route of a cases node: detections go to the ingest nodes of the Kafka runtime. */
  private static IngestResult refuseDetections(List<IngestItem> items, CameraGrant grant) {
    throw new BadRequestException(
        Status.NOT_FOUND_404,
        "this node (role cases) takes no detections; post them to an ingest node");
  }

  /**
   * The key of the portal's access cookies, new at every start: a citizen's portal session lasts
   * minutes, and a restart asks them to enter the notice number and plate again.
   */
  private static byte[] portalKey(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  private static Sites readSites(VigilConfig config) {
    try {
      return SitesJson.read(Files.readAllBytes(config.sitesFile()));
    } catch (NoSuchFileException e) {
      throw new InvalidSitesException(
          List.of("sites file " + config.sitesFile() + " does not exist"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sites file " + config.sitesFile(), e);
    } catch (InvalidSitesException e) {
      List<String> named = new ArrayList<>();
      for (String p : e.problems()) {
        named.add(config.sitesFile() + ": " + p);
      }
      throw new InvalidSitesException(named);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** Where to reach it from this machine. */
  public URI url() {
    return URI.create("http://localhost:" + port() + "/");
  }

  /** The first administrator's password when this start generated it; show it once. */
  public Optional<String> generatedAdminPassword() {
    return generatedAdminPassword;
  }

  /**
   * The case desk: the service the citizen portal and the operator pages call (portal view by
   * notice number and plate, appeals, and everything the case routes do).
   */
  public CaseDesk caseDesk() {
    return caseDesk;
  }

  public EmbeddedPipeline pipeline() {
    return pipeline;
  }

  /** The flusher of traffic statistics; {@link TrafficFlusher#flush} stores them now. */
  public TrafficFlusher statistics() {
    return statistics;
  }

  /**
   * Stops the server, then the pipeline, then stores the last statistics, then writes what is
   * queued, then the database.
   */
  @Override
  public void close() {
    Opened.closeAll(closeInOrder);
  }
}
