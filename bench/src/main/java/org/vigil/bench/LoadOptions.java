package org.vigil.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of {@link LoadTest}, checked.
 *
 * @param url an existing server to load instead of starting one, or null; loopback only
 * @param key the ingest key of that server; required with {@code url}
 * @param jar the server jar to start as a child process when {@code url} is null
 * @param serverJvmOptions extra JVM options for the child server, e.g. a JFR recording
 * @param clients concurrent clients of the max-throughput phase
 * @param batch detections per post
 * @param warmup the unmeasured warm-up of the max-throughput phase
 * @param duration how long each phase is measured
 * @param rate the offered rate of the fixed-rate phase, detections per second
 * @param maxDetections the most detections the max-throughput phase may post, warm-up included
 * @param cameras cameras of the simulated city
 * @param sections average-speed sections of the simulated city
 * @param cityRate the simulated city's rate, detections per second of simulated time
 * @param seed the simulated city's seed
 * @param parseTime how long each one-core parse rate is measured (after as long a warm-up)
 * @param keepData whether to keep the child server's temporary directory (data and log)
 */
record LoadOptions(
    URI url,
    String key,
    Path jar,
    List<String> serverJvmOptions,
    int clients,
    int batch,
    Duration warmup,
    Duration duration,
    int rate,
    long maxDetections,
    int cameras,
    int sections,
    double cityRate,
    long seed,
    Duration parseTime,
    boolean keepData) {

  static final String USAGE =
      """
      Usage: java -cp bench/target/benchmarks.jar org.vigil.bench.LoadTest [options]

      Starts Vigil (app/target/vigil.jar) as a child process on a loopback port with a fresh data
      directory and a simulated city's sites, then measures: the one-core parse rate of the bytes,
      max throughput (closed loop) and latency at a fixed rate (open loop). Stops the server at the
      end. Every phase is bounded in time and in count.

        --url URL            load an existing server instead (loopback addresses only)
        --key KEY            its ingest key (required with --url)
        --jar FILE           the server jar (default: app/target/vigil.jar, found from the
                             current directory or from this jar's location)
        --server-jvm FLAGS   extra JVM flags for the child server, space-separated, e.g.
                             "-XX:StartFlightRecording=filename=/tmp/vigil.jfr,settings=profile"
        --clients N          concurrent clients in the max-throughput phase (default 4)
        --batch N            detections per post, 1 to 20000 (default 1000)
        --warmup SECONDS     unmeasured warm-up of the max-throughput phase (default 10)
        --duration SECONDS   measured time of each phase (default 30)
        --rate N             offered detections per second in the fixed-rate phase (default 20000)
        --max-detections N   most detections the max-throughput phase may post (default 8000000)
        --cameras N          cameras of the simulated city (default 1000)
        --sections N         average-speed sections, each joining two cameras (default 200)
        --city-rate N        the city's detections per second of simulated time (default 50000)
        --seed N             the city's seed (default 42)
        --parse-seconds S    measured time of each one-core parse rate (default 5)
        --keep-data          keep the child server's directory (database, log, sites file)
        --help               this text
      """;

  private static final Set<String> WITH_VALUE =
      Set.of(
          "--url",
          "--key",
          "--jar",
          "--server-jvm",
          "--clients",
          "--batch",
          "--warmup",
          "--duration",
          "--rate",
          "--max-detections",
          "--cameras",
          "--sections",
          "--city-rate",
          "--seed",
          "--parse-seconds");

  /**
   * Reads {@code args}.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  static LoadOptions parse(String[] args) {
    URI url = null;
    String key = null;
    Path jar = null;
    List<String> jvm = List.of();
    int clients = 4;
    int batch = 1000;
    long warmup = 10;
    long duration = 30;
    int rate = 20_000;
    long maxDetections = 8_000_000;
    int cameras = 1000;
    int sections = 200;
    double cityRate = 50_000;
    long seed = 42;
    long parseSeconds = 5;
    boolean keepData = false;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String arg = rest.removeFirst();
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--keep-data")) {
        keepData = true;
        continue;
      }
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      if (!WITH_VALUE.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (value == null) {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = rest.removeFirst();
      }
      switch (name) {
        case "--url" -> url = uri(value);
        case "--key" -> key = value;
        case "--jar" -> jar = Path.of(value);
        case "--server-jvm" ->
            jvm = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        case "--clients" -> clients = (int) number(name, value, 1, 256);
        case "--batch" -> batch = (int) number(name, value, 1, 20_000);
        case "--warmup" -> warmup = number(name, value, 0, 3600);
        case "--duration" -> duration = number(name, value, 1, 3600);
        case "--rate" -> rate = (int) number(name, value, 1, 10_000_000);
        case "--max-detections" -> maxDetections = number(name, value, 1, 100_000_000);
        case "--cameras" -> cameras = (int) number(name, value, 2, 9_999);
        case "--sections" -> sections = (int) number(name, value, 0, 4_999);
        case "--city-rate" -> cityRate = number(name, value, 1, 10_000_000);
        case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--parse-seconds" -> parseSeconds = number(name, value, 1, 600);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (sections > cameras / 2) {
      throw new IllegalArgumentException(
          "--sections must be at most --cameras / 2 = " + cameras / 2 + ", was " + sections);
    }
    if (url != null && key == null) {
      throw new IllegalArgumentException("--url needs --key, the server's ingest key");
    }
    if (url == null) {
      jar = jar == null ? defaultJar() : jar.toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException(
            "no server jar at "
                + jar
                + "; build it first (./vigil --help builds it) or pass --jar or --url");
      }
    }
    return new LoadOptions(
        url,
        key,
        jar,
        jvm,
        clients,
        batch,
        Duration.ofSeconds(warmup),
        Duration.ofSeconds(duration),
        rate,
        maxDetections,
        cameras,
        sections,
        cityRate,
        seed,
        Duration.ofSeconds(parseSeconds),
        keepData);
  }

  /** Whether the server is started here. */
  boolean startsServer() {
    return url == null;
  }

  private static long number(String name, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be between %d and %d, was %d", name, min, max, n));
    }
    return n;
  }

  /** A loopback http(s) URL; anything else is refused. */
  private static URI uri(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("--url must be http://HOST:PORT/, was '" + value + "'");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "--url must name a loopback address (127.0.0.0/8, ::1, localhost); "
                  + uri.getHost()
                  + " is not one");
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--url names an unknown host: " + uri.getHost());
    }
    return uri;
  }

  /** app/target/vigil.jar, from the current directory or from the jar this class runs from. */
  private static Path defaultJar() {
    Path here = Path.of("app", "target", "vigil.jar").toAbsolutePath();
    if (Files.isRegularFile(here)) {
      return here;
    }
    try {
      Path self =
          Path.of(LoadOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // bench/target/benchmarks.jar -> <root>/app/target/vigil.jar
      Path root = self.toRealPath().getParent().getParent().getParent();
      Path beside = root.resolve(Path.of("app", "target", "vigil.jar"));
      return Files.isRegularFile(beside) ? beside : here;
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return here;
    }
  }
}
