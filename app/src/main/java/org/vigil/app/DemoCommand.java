package org.vigil.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.vigil.connectors.registry.DemoRegistry;
import org.vigil.contract.StaffClient;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: Vigil with a simulated city feeding it live. The demo's data lives in {@code
 * <data dir>/demo} and starts afresh every time.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Starts Vigil with a simulated city posting detections live, and prints the URL.")
final class DemoCommand implements Runnable {
  /** When the demo's (and, by default, {@code vigil simulate --incident}'s) incident starts. */
  static final Duration INCIDENT_AFTER = Duration.ofMinutes(3);

  /** How long it lasts. */
  static final Duration INCIDENT_LASTS = Duration.ofMinutes(5);

  /** The demo's operator account. */
  static final String OFFICER = "officer";

  @Option(names = "--port", description = "HTTP port (default: VIGIL_PORT or 8080).")
  Integer port;

  @Option(names = "--rate", defaultValue = "200", description = "Detections per second (200).")
  double rate;

  @Option(names = "--seed", defaultValue = "42", description = "The city's random seed (42).")
  long seed;

  @Override
  public void run() {
    VigilConfig env = VigilConfig.fromEnvironment(System.getenv());
    Path dataDir = env.dataDir().resolve("demo");
    deleteRecursively(dataDir);
    Logs.init(dataDir);
    CityConfig cityConfig =
        CityConfig.defaults().withSeed(seed).withRate(rate).withStart(Instant.now());
    String incidentCamera = String.format(Locale.ROOT, "C-%03d", cityConfig.cameras());
    SimulatedCity city =
        new SimulatedCity(
            cityConfig.withIncident(
                new CityConfig.StagedIncident(incidentCamera, INCIDENT_AFTER, INCIDENT_LASTS)));
    Path sites = dataDir.resolve("demo-sites.json");
    String ingestKey = randomKey();
    try {
      Files.createDirectories(dataDir);
      Files.writeString(sites, city.sitesJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    VigilConfig config = env.withDataDir(dataDir).withSitesFile(sites).withIngestKey(ingestKey);
    if (port != null) {
      config = config.withPort(port);
    }
    if (System.getenv("VIGIL_PORTAL_URL") == null) {
      // the notices of the demo name its own portal, on whatever port it runs
      config =
          config.withCases(
              config.cases().withPortal("http://localhost:" + config.port() + "/portal"));
    }
    // The demo's registry invents keepers for the simulated plates; `serve` never does.
    Vigil vigil =
        Vigil.start(
            config,
            OutsideWorld.fromEnvironment(System.getenv(), dataDir, config.clock())
                .withRegistry(DemoRegistry.standard()));
    LiveFeeder feeder =
        new LiveFeeder(city, vigil.url(), ingestKey, Clock.systemUTC(), null, 0).start();
    String password = vigil.generatedAdminPassword().orElse(env.adminPassword());
    String officerPassword = createOfficer(vigil, password);
    System.out.println(
        """

        Vigil demo is running at %s
          A simulated city of %d cameras and %d sections posts about %.0f detections per second;
          violations appear within seconds on the live page.
          An incident is staged at camera %s from %s for %d minutes (a fifth of its traffic,
          crawling); it is raised within a minute: curl -N -u admin:%s '%sapi/v1/incidents/stream'
          Sign in as 'admin' with password %s (configuration, users, keys)
          and as 'officer' (an operator: violations) with password %s
          e.g. curl -u officer:%s '%sapi/v1/violations?limit=5'
          The back office, in a browser: %sdesk (review queue, appeals, notices; sign in as
          'officer'); confirm a case, then open its notice as a citizen would at %sportal
          with the notice number and the plate. Notices for the post: %s
          API description: %sopenapi.yaml
          Data (reset at every demo start): %s
          Stop with Ctrl-C.
        """
            .formatted(
                vigil.url(),
                city.sites().cameras().size(),
                city.sites().sections().size(),
                rate,
                incidentCamera,
                LocalTime.ofInstant(cityConfig.start().plus(INCIDENT_AFTER), ZoneId.systemDefault())
                    .truncatedTo(ChronoUnit.SECONDS),
                INCIDENT_LASTS.toMinutes(),
                password,
                vigil.url(),
                password,
                officerPassword,
                officerPassword,
                vigil.url(),
                vigil.url(),
                vigil.url(),
                dataDir.resolve("print"),
                vigil.url(),
                dataDir));
    ServeCommand.awaitShutdown(feeder, vigil);
  }

  /**
   * Creates the operator account {@value #OFFICER} through the admin API (so the change is on the
   * audit trail), with {@code VIGIL_OFFICER_PASSWORD} or a generated password, and answers it.
   */
  private static String createOfficer(Vigil vigil, String adminPassword) {
    String given = System.getenv("VIGIL_OFFICER_PASSWORD");
    String officerPassword = given == null || given.isBlank() ? randomKey() : given;
    StaffClient.Response r =
        new StaffClient(vigil.url(), "admin", adminPassword)
            .post(
                "/api/v1/admin/users",
                "{\"username\":\""
                    + OFFICER
                    + "\",\"password\":"
                    + quoted(officerPassword)
                    + ",\"role\":\"OPERATOR\"}");
    if (r.status() != 201) {
      throw new IllegalStateException(
          "could not create the demo's operator account: " + r.status() + " " + r.body());
    }
    return officerPassword;
  }

  private static String quoted(String s) {
    try {
      return new ObjectMapper().writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomKey() {
    byte[] raw = new byte[24];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset the demo data in " + dir, e);
    }
  }
}
