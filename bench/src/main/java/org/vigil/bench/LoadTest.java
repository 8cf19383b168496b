package org.vigil.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;

/**
 * The end-to-end load test: {@code java -cp bench/target/benchmarks.jar org.vigil.bench.LoadTest
 * [options]} ({@code --help} lists them).
 *
 * <p>By default it starts the real server ({@code app/target/vigil.jar serve}) as a child process
 * on a loopback port, with a fresh temporary data directory, a simulated city's sites and a random
 * ingest key, and stops it at the end, also on failure or interruption; {@code --url} and {@code
 * --key} load an existing server on a loopback address instead. It then
 *
 * <ol>
 *   <li>pre-generates every detection it will post with the simulator (3 % speeders, sections in
 *       steady state), as NDJSON batches; their {@code observedAt} all lie in the recent past, so
 *       the server admits them;
 *   <li>measures the one-core parse rate of those bytes, with plain Jackson streaming (tokens only)
 *       and with the server's {@code DetectionParser};
 *   <li>runs the max-throughput phase ({@link ClosedLoopPhase}) and the fixed-rate phase ({@link
 *       FixedRatePhase}), each bounded in time and in count;
 *   <li>prints a plain-text report on standard output, with the targets met or missed, and as its
 *       last line the same figures as one JSON object.
 * </ol>
 *
 * <p>Progress goes to standard error. No plate is ever printed. Exit status: 0 when the run
 * completed (whether or not the targets were met), 1 when it could not be completed, 2 for bad
 * options.
 */
public final class LoadTest {
  /** Sustained end-to-end throughput aimed at, detections per second. */
  static final double TARGET_THROUGHPUT = 50_000;

  /** The p99 latency aimed at in the fixed-rate phase, milliseconds. */
  static final double TARGET_P99_MS = 250;

  /** End-to-end throughput aimed at, as a share of the one-core parse rate. */
  static final double STRETCH_SHARE = 0.30;

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration PAUSE = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one pre-generated detection takes in memory, as NDJSON with its share of overhead. */
  private static final long BYTES_PER_DETECTION = 220;

  /** The share of the heap the pre-generated detections may take. */
  private static final double HEAP_SHARE = 0.5;

  private final LoadOptions options;
  private final PrintStream out = System.out;
  private final PrintStream progress = System.err;

  private LoadTest(LoadOptions options) {
    this.options = options;
  }

  /** Runs the load test; see the class comment. */
  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(LoadOptions.USAGE);
      return;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vigil-load: " + e.getMessage());
      System.err.print(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    runAndExit("vigil-load", new LoadTest(options)::run);
  }

  /** A load command's run: its exit status. */
  interface Run {
    int run() throws IOException, InterruptedException;
  }

  /**
   * Runs {@code run} and exits the JVM with its status, or with 1 when it fails or is interrupted,
   * after saying so on standard error after {@code name}.
   */
  static void runAndExit(String name, Run run) {
    int status;
    try {
      status = run.run();
    } catch (IOException | RuntimeException e) {
      System.err.println(name + ": failed: " + e);
      status = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println(name + ": interrupted");
      status = 1;
    }
    System.exit(status);
  }

  private int run() throws IOException, InterruptedException {
    Instant began = Instant.now();
    long fixedCount = (long) options.rate() * options.duration().toSeconds();
    long throughputCount = affordable(options.maxDetections(), fixedCount);
    Instant start = Workload.recentStart(began, throughputCount + fixedCount, options.cityRate());
    CityConfig config =
        new CityConfig(
            options.seed(),
            options.cameras(),
            options.sections(),
            options.cityRate(),
            CityConfig.DEFAULT_SPEEDER_SHARE,
            start);

    ChildServer server = null;
    Thread stopOnExit = null;
    try {
      if (options.startsServer()) {
        progress.println("vigil-load: starting " + options.jar() + " serve ...");
        server =
            ChildServer.launch(
                options.jar(),
                options.serverJvmOptions(),
                new SimulatedCity(config).sitesJson(),
                options.keepData());
        ChildServer toStop = server;
        stopOnExit = new Thread(toStop::close, "vigil-load-stop-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
      }

      progress.printf(
          Locale.ROOT,
          "vigil-load: generating %,d + %,d detections (%d cameras, %d sections)...%n",
          throughputCount,
          fixedCount,
          options.cameras(),
          options.sections());
      long genBegin = System.nanoTime();
      SimulatedCity city = Workload.steadyCity(config);
      List<Workload.Batch> throughputBatches =
          Workload.batches(city, throughputCount, options.batch());
      List<Workload.Batch> fixedBatches = Workload.batches(city, fixedCount, options.batch());
      Instant lastObserved = city.nextObservedAt();
      progress.printf(
          Locale.ROOT,
          "vigil-load: generated in %.1f s; newest observedAt is %d s before now%n",
          (System.nanoTime() - genBegin) / 1e9,
          Duration.between(lastObserved, Instant.now()).toSeconds());

      URI url = options.url();
      String key = options.key();
      ProcessHandle serverProcess = null;
      ProcessHandle database = null;
      if (server != null) {
        server.awaitReady(READY_TIMEOUT);
        url = server.url();
        key = server.key();
        serverProcess = server.handle();
        database = server.database().orElse(null);
        progress.println("vigil-load: server ready at " + url + " (log: " + server.log() + ")");
      }

      progress.println("vigil-load: measuring the one-core parse rate...");
      ParseRate.Rate tokens =
          ParseRate.measure(
              "Jackson tokens", ParseRate.JACKSON_TOKENS, throughputBatches, options.parseTime());
      ParseRate.Rate parser =
          ParseRate.measure(
              "DetectionParser",
              ParseRate.DETECTION_PARSER,
              throughputBatches,
              options.parseTime());

      Poster poster = new Poster(url, key);
      progress.printf(
          Locale.ROOT,
          "vigil-load: max throughput, %d clients, %d s warm-up + %d s...%n",
          options.clients(),
          options.warmup().toSeconds(),
          options.duration().toSeconds());
      ClosedLoopPhase.Result max =
          ClosedLoopPhase.run(
              poster,
              throughputBatches,
              options.clients(),
              options.warmup(),
              options.duration(),
              serverProcess,
              database);
      throughputBatches = null; // about 1.5 GB that the next phase does not need
      Thread.sleep(PAUSE);
      progress.printf(
          Locale.ROOT,
          "vigil-load: fixed rate, %,d detections/s for %d s...%n",
          options.rate(),
          options.duration().toSeconds());
      FixedRatePhase.Result fixed =
          FixedRatePhase.run(poster, fixedBatches, options.rate(), serverProcess, database);

      Report report = new Report(began, url, server != null, config, tokens, parser, max, fixed);
      report.print(out);
      out.println(report.json());
      return max.tally().detections() > 0 && fixed.tally().detections() > 0 ? 0 : 1;
    } finally {
      if (server != null) {
        progress.println("vigil-load: stopping the server...");
        server.close();
        if (options.keepData()) {
          progress.println("vigil-load: kept " + server.dir());
        }
        try {
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
          // Already shutting down: the hook runs, and close() is idempotent.
        }
      }
    }
  }

  /**
   * {@code wanted} detections for the max-throughput phase, or fewer when they and the {@code
   * fixed} ones would not fit in {@link #HEAP_SHARE} of this JVM's heap.
   */
  private long affordable(long wanted, long fixed) {
    long fit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE / BYTES_PER_DETECTION) - fixed;
    if (fit < 1) {
      throw new IllegalStateException(
          "the fixed-rate phase alone needs more memory than this JVM has; run it with a larger"
              + " -Xmx or lower --rate or --duration");
    }
    if (wanted <= fit) {
      return wanted;
    }
    progress.printf(
        Locale.ROOT,
        "vigil-load: only %,d of --max-detections %,d fit in this JVM's heap; run it with a"
            + " larger -Xmx for more%n",
        fit,
        wanted);
    return fit;
  }

  /** Everything measured, printed for people and as one JSON line. */
  private final class Report {
    private final Instant began;
    private final URI url;
    private final boolean child;
    private final CityConfig city;
    private final ParseRate.Rate tokens;
    private final ParseRate.Rate parser;
    private final ClosedLoopPhase.Result max;
    private final FixedRatePhase.Result fixed;

    Report(
        Instant began,
        URI url,
        boolean child,
        CityConfig city,
        ParseRate.Rate tokens,
        ParseRate.Rate parser,
        ClosedLoopPhase.Result max,
        FixedRatePhase.Result fixed) {
      this.began = began;
      this.url = url;
      this.child = child;
      this.city = city;
      this.tokens = tokens;
      this.parser = parser;
      this.max = max;
      this.fixed = fixed;
    }

    void print(PrintStream o) {
      o.println();
      o.println("Vigil end-to-end load test, " + began.truncatedTo(ChronoUnit.SECONDS));
      o.printf(Locale.ROOT, "machine      %s%n", machine());
      o.printf(
          Locale.ROOT,
          "server       %s%s%n",
          url,
          child ? " (child process: " + options.jar().getFileName() + " serve, fresh data)" : "");
      o.printf(
          Locale.ROOT,
          "workload     city seed %d: %d cameras, %d sections, %.0f %% speeders; batches of %d"
              + " detections (%.0f bytes per detection)%n",
          city.seed(),
          city.cameras(),
          city.sections(),
          city.speederShare() * 100,
          options.batch(),
          tokens.megabytesPerSecond() * 1e6 / tokens.detectionsPerSecond());
      o.println();
      o.println("One-core parse rate of the same bytes (single thread, no server work)");
      o.printf(
          Locale.ROOT,
          "  %-18s %,12.0f detections/s  %8.1f MB/s%n",
          tokens.reader(),
          tokens.detectionsPerSecond(),
          tokens.megabytesPerSecond());
      o.printf(
          Locale.ROOT,
          "  %-18s %,12.0f detections/s  %8.1f MB/s%n",
          parser.reader(),
          parser.detectionsPerSecond(),
          parser.megabytesPerSecond());
      o.println();
      o.printf(
          Locale.ROOT,
          "Max throughput: %d clients posting back to back, %d s warm-up, %.1f s measured%n",
          max.clients(),
          options.warmup().toSeconds(),
          max.seconds());
      o.printf(
          Locale.ROOT,
          "  sustained    %,.0f detections/s, %,.0f violations/s (%.2f %% of detections)%n",
          max.detectionsPerSecond(),
          max.violationsPerSecond(),
          share(max.tally().violations(), max.tally().detections()));
      o.printf(
          Locale.ROOT,
          "  latency      %s (%,d posts)%n",
          max.latency().text(),
          max.tally().posts());
      o.printf(Locale.ROOT, "  answers      %s%n", answers(max.tally()));
      o.printf(Locale.ROOT, "  cpu (cores)  %s%n", max.cpu().text());
      if (max.ranOut()) {
        o.println(
            "  note         the pre-generated detections ran out before the end: raise"
                + " --max-detections");
      }
      if (max.aborted() != null) {
        o.println("  aborted      " + max.aborted());
      }
      o.printf(
          Locale.ROOT,
          "  target       >= %,.0f detections/s: %s (%.0f %% of it)%n",
          TARGET_THROUGHPUT,
          verdict(max.detectionsPerSecond() >= TARGET_THROUGHPUT),
          max.detectionsPerSecond() / TARGET_THROUGHPUT * 100);
      o.println();
      o.printf(
          Locale.ROOT,
          "Fixed rate: %,d detections/s offered open loop in batches of %d for %.1f s%n",
          fixed.rate(),
          options.batch(),
          fixed.scheduledSeconds());
      o.printf(
          Locale.ROOT,
          "  latency      %s (due time to committed answer, %,d posts)%n",
          fixed.latency().text(),
          fixed.tally().posts());
      o.printf(Locale.ROOT, "  service      %s (sent to answer)%n", fixed.service().text());
      o.printf(
          Locale.ROOT,
          "  rate         %,.0f detections/s acknowledged: %s; sends at most %.1f ms late%n",
          fixed.achievedRate(),
          fixed.held() ? "held" : "NOT held",
          fixed.maxSendLagMs());
      o.printf(Locale.ROOT, "  answers      %s%n", answers(fixed.tally()));
      o.printf(Locale.ROOT, "  cpu (cores)  %s%n", fixed.cpu().text());
      o.printf(
          Locale.ROOT,
          "  target       p99 < %.0f ms at %,d detections/s: %s%n",
          TARGET_P99_MS,
          fixed.rate(),
          verdict(fixed.held() && fixed.latency().p99Ms() < TARGET_P99_MS));
      o.println();
      o.printf(
          Locale.ROOT,
          "End-to-end throughput against the one-core parse rate (stretch: >= %.0f %%)%n",
          STRETCH_SHARE * 100);
      for (ParseRate.Rate rate : List.of(tokens, parser)) {
        o.printf(
            Locale.ROOT,
            "  / %-16s %6.1f %%  %s%n",
            rate.reader(),
            share(max.detectionsPerSecond(), rate.detectionsPerSecond()),
            verdict(max.detectionsPerSecond() >= STRETCH_SHARE * rate.detectionsPerSecond()));
      }
      o.println();
    }

    String json() throws JsonProcessingException {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("benchmark", "vigil-load");
      j.put("began", began.truncatedTo(ChronoUnit.SECONDS).toString());
      j.put("cores", Runtime.getRuntime().availableProcessors());
      j.put("java", Runtime.version().toString());
      j.put("cameras", city.cameras());
      j.put("sections", city.sections());
      j.put("batch", options.batch());
      j.put("parseJacksonTokensPerSecond", round(tokens.detectionsPerSecond()));
      j.put("parseJacksonTokensMBps", round1(tokens.megabytesPerSecond()));
      j.put("parseDetectionParserPerSecond", round(parser.detectionsPerSecond()));
      j.put("parseDetectionParserMBps", round1(parser.megabytesPerSecond()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("clients", max.clients());
      m.put("seconds", round1(max.seconds()));
      m.put("detectionsPerSecond", round(max.detectionsPerSecond()));
      m.put("violationsPerSecond", round(max.violationsPerSecond()));
      m.put("posts", max.tally().posts());
      m.put("failedPosts", max.tally().failedPosts());
      m.put("rejected", max.tally().rejected());
      m.put("duplicates", max.tally().duplicates());
      m.put("p50Ms", round1(max.latency().p50Ms()));
      m.put("p99Ms", round1(max.latency().p99Ms()));
      m.put("maxMs", round1(max.latency().maxMs()));
      m.put("ranOut", max.ranOut());
      j.put("maxThroughput", m);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("rate", fixed.rate());
      f.put("seconds", round1(fixed.scheduledSeconds()));
      f.put("achievedPerSecond", round(fixed.achievedRate()));
      f.put("held", fixed.held());
      f.put("posts", fixed.tally().posts());
      f.put("failedPosts", fixed.tally().failedPosts());
      f.put("p50Ms", round1(fixed.latency().p50Ms()));
      f.put("p99Ms", round1(fixed.latency().p99Ms()));
      f.put("maxMs", round1(fixed.latency().maxMs()));
      j.put("fixedRate", f);
      j.put(
          "endToEndOverDetectionParser",
          round3(max.detectionsPerSecond() / parser.detectionsPerSecond()));
      j.put(
          "endToEndOverJacksonTokens",
          round3(max.detectionsPerSecond() / tokens.detectionsPerSecond()));
      return JSON.writeValueAsString(j);
    }

    private String machine() {
      long memory = 0;
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        memory = os.getTotalMemorySize();
      }
      return String.format(
          Locale.ROOT,
          "%d cores, %.1f GiB, Java %s (%s), %s %s",
          Runtime.getRuntime().availableProcessors(),
          memory / (double) (1L << 30),
          Runtime.version(),
          System.getProperty("java.vendor"),
          System.getProperty("os.name"),
          System.getProperty("os.arch"));
    }
  }

  private static String answers(Tally t) {
    return String.format(
        Locale.ROOT,
        "%,d accepted, %,d duplicates, %,d rejected, %,d violations stored, %,d failed posts%s",
        t.accepted(),
        t.duplicates(),
        t.rejected(),
        t.violations(),
        t.failedPosts(),
        t.firstProblem() == null ? "" : " (first: " + t.firstProblem() + ")");
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole * 100;
  }

  private static long round(double v) {
    return Math.round(v);
  }

  private static double round1(double v) {
    return Double.isNaN(v) ? -1 : Math.round(v * 10) / 10.0;
  }

  private static double round3(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? -1 : Math.round(v * 1000) / 1000.0;
  }
}
