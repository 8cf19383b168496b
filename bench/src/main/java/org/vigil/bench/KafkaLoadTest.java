package org.vigil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;

/**
 * The Kafka mode end to end: {@code java -cp bench/target/benchmarks.jar
 * org.vigil.bench.KafkaLoadTest [options]} ({@code --help} lists them).
 *
 * <p>It starts the deployment of docs/deploy.md on this machine ({@link KafkaDeployment}: broker,
 * PostgreSQL, cases node, processing nodes, one ingest node), pre-generates a simulated city's
 * detections, posts them all to the ingest node with a few clients back to back, and follows the
 * processing nodes' and the cases node's counters until every accepted detection is decided and
 * every violation decided is recorded in PostgreSQL. It reports:
 *
 * <ul>
 *   <li><b>ingest</b>: detections acknowledged per second (an answer means the detections are in
 *       Kafka, replicated) and the post latency;
 *   <li><b>processing</b>: detections decided per second by all processing nodes together, from the
 *       first post to the last decision, and over the middle 80 % of the decisions (without the
 *       start and the tail);
 *   <li><b>end to end</b>: the time until the last violation is in PostgreSQL, and the processing
 *       nodes' own violation latency (arrival at ingest to emission);
 *   <li>CPU used by each process over the run.
 * </ul>
 *
 * <p>Everything runs on this one machine, so the nodes compete for its cores: the figures are those
 * of a trial deployment on one host, not of a cluster. Exit status: 0 when every detection was
 * decided, 1 otherwise or when the run failed, 2 for bad options.
 */
public final class KafkaLoadTest {
  private static final String USAGE =
      """
      Usage: java -cp bench/target/benchmarks.jar org.vigil.bench.KafkaLoadTest [options]

      Starts a broker, PostgreSQL, a cases node, processing nodes and an ingest node from
      app/target/vigil.jar (as docs/deploy.md does), posts a simulated city to the ingest node and
      measures ingest, processing and end-to-end rates. Everything is stopped and deleted at the end.

        --detections N      detections posted (default 300000)
        --process-nodes N   processing nodes (default 2)
        --partitions N      partitions of the topics (default 6)
        --clients N         concurrent posting clients (default 4)
        --batch N           detections per post (default 1000)
        --cameras N         cameras of the simulated city (default 1000)
        --sections N        average-speed sections (default 200)
        --seed N            the city's seed (default 42)
        --max-wait SECONDS  the longest to wait for processing after the last post (default 900)
        --node-jvm "FLAGS"  extra JVM flags for every Vigil node
        --jar PATH          the Vigil jar (default app/target/vigil.jar)
        --keep-data         keep the temporary directory (logs and data)
      """;

  private static final double CITY_RATE = 50_000;
  private static final Duration SAMPLE = Duration.ofSeconds(1);
  private static final Duration STALL = Duration.ofSeconds(120);

  private final Map<String, String> options;
  private final PrintStream out = System.out;
  private final PrintStream progress = System.err;

  private KafkaLoadTest(Map<String, String> options) {
    this.options = options;
  }

  /** Runs the load test; see the class comment. */
  public static void main(String[] args) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vigil-kafka-load: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.containsKey("help")) {
      System.out.print(USAGE);
      return;
    }
    LoadTest.runAndExit("vigil-kafka-load", new KafkaLoadTest(options)::run);
  }

  private static final List<String> VALUED =
      List.of(
          "detections",
          "process-nodes",
          "partitions",
          "clients",
          "batch",
          "cameras",
          "sections",
          "seed",
          "max-wait",
          "node-jvm",
          "jar");

  /** The options by name without their dashes; flags map to "true". */
  static Map<String, String> parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (name.equals("help") || name.equals("keep-data")) {
        o.put(name, "true");
      } else if (VALUED.contains(name) && i + 1 < args.length) {
        o.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option or missing value: '" + args[i] + "'");
      }
    }
    for (String n : VALUED) {
      if (o.containsKey(n) && !n.equals("node-jvm") && !n.equals("jar")) {
        try {
          if (Long.parseLong(o.get(n)) < 1) {
            throw new IllegalArgumentException("--" + n + " must be at least 1, was " + o.get(n));
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--" + n + " must be a whole number, was '" + o.get(n) + "'", e);
        }
      }
    }
    return o;
  }

  private long number(String name, long otherwise) {
    return options.containsKey(name) ? Long.parseLong(options.get(name)) : otherwise;
  }

  private int run() throws IOException, InterruptedException {
    Instant began = Instant.now();
    long count = number("detections", 300_000);
    int batch = (int) number("batch", 1_000);
    Path jar = Path.of(options.getOrDefault("jar", "app/target/vigil.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no Vigil jar at " + jar + "; build it first (docs/benchmarks.md)");
    }
    Instant start = Workload.recentStart(began, count, CITY_RATE);
    CityConfig config =
        new CityConfig(
            number("seed", 42),
            (int) number("cameras", 1_000),
            (int) number("sections", 200),
            CITY_RATE,
            CityConfig.DEFAULT_SPEEDER_SHARE,
            start);
    List<String> nodeJvm =
        options.containsKey("node-jvm")
            ? List.of(options.get("node-jvm").trim().split("\\s+"))
            : List.of();

    progress.println("vigil-kafka-load: starting broker, PostgreSQL and the nodes...");
    try (KafkaDeployment d =
        KafkaDeployment.start(
            jar,
            new SimulatedCity(config).sitesJson(),
            (int) number("process-nodes", 2),
            (int) number("partitions", 6),
            nodeJvm,
            options.containsKey("keep-data"))) {
      Thread stopOnExit = new Thread(d::close, "vigil-kafka-load-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      progress.printf(Locale.ROOT, "vigil-kafka-load: generating %,d detections...%n", count);
      List<Workload.Batch> batches = Workload.batches(Workload.steadyCity(config), count, batch);

      Map<String, Duration> cpuBefore = cpu(d);
      long t0 = System.nanoTime();
      progress.println("vigil-kafka-load: posting to the ingest node " + d.ingest().url());
      Posted posted =
          post(new Poster(d.ingest().url(), d.ingestKey()), batches, (int) number("clients", 4));
      double postSeconds = (posted.lastAnswer - t0) / 1e9;
      progress.printf(
          Locale.ROOT,
          "vigil-kafka-load: %,d accepted in %.1f s; waiting for the processing nodes...%n",
          posted.tally.accepted(),
          postSeconds);

      List<long[]> decidedSeries = new ArrayList<>();
      long handled = follow(d, posted.tally.accepted(), t0, decidedSeries);
      long doneAt = System.nanoTime();
      double violationsDecided = sum(d.processNodes(), List.of("vigil_violations_total"));
      double recorded = awaitRecorded(d.cases(), violationsDecided);
      long recordedAt = System.nanoTime();
      Map<String, Duration> cpuAfter = cpu(d);

      Report r =
          new Report(
              began,
              config,
              d,
              (int) number("partitions", 6),
              posted,
              postSeconds,
              handled,
              (doneAt - t0) / 1e9,
              middleRate(decidedSeries),
              violationsDecided,
              recorded,
              (recordedAt - t0) / 1e9,
              max(d.processNodes(), "vigil_violation_latency_max_seconds"),
              cpuShares(cpuBefore, cpuAfter, (recordedAt - t0) / 1e9));
      r.print(out);
      if (options.containsKey("keep-data")) {
        progress.println("vigil-kafka-load: kept " + d.dir());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs, and close() is idempotent.
      }
      return handled >= posted.tally.accepted() ? 0 : 1;
    }
  }

  /** What the posting clients measured. */
  private record Posted(Tally tally, Latency latency, long lastAnswer) {}

  private static Posted post(Poster poster, List<Workload.Batch> batches, int clients)
      throws InterruptedException {
    AtomicInteger cursor = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    Tally[] tallies = new Tally[clients];
    Histogram[] latencies = new Histogram[clients];
    long[] last = new long[clients];
    for (int c = 0; c < clients; c++) {
      int me = c;
      tallies[me] = Tally.ZERO;
      latencies[me] = Latency.histogram();
      Thread.ofPlatform()
          .name("kafka-load-client-" + c)
          .daemon()
          .start(
              () -> {
                try {
                  int i;
                  while ((i = cursor.getAndIncrement()) < batches.size()) {
                    long sent = System.nanoTime();
                    Poster.Outcome o = poster.post(batches.get(i));
                    last[me] = System.nanoTime();
                    latencies[me].recordValue(
                        Math.min((last[me] - sent) / 1000, Latency.HIGHEST_MICROS));
                    tallies[me] = tallies[me].plus(batches.get(i), o);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              });
    }
    done.await();
    Tally tally = Tally.ZERO;
    Histogram latency = Latency.histogram();
    long lastAnswer = 0;
    for (int c = 0; c < clients; c++) {
      tally = tally.plus(tallies[c]);
      latency.add(latencies[c]);
      lastAnswer = Math.max(lastAnswer, last[c]);
    }
    return new Posted(tally, Latency.of(latency), lastAnswer);
  }

  /** What processing nodes count for a detection they are done with, whatever became of it. */
  private static final List<String> HANDLED =
      List.of(
          "vigil_detections_decided_total",
          "vigil_detections_duplicate_total",
          "vigil_detections_late_total",
          "vigil_detections_duplicate_read_total");

  /**
   * Samples the processing nodes until they have handled {@code accepted} detections or made no
   * progress for {@link #STALL} or {@code --max-wait} has passed; every sample (nanos since t0,
   * handled) is added to {@code series}. Returns how many were handled.
   */
  private long follow(KafkaDeployment d, long accepted, long t0, List<long[]> series)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(number("max-wait", 900)).toNanos();
    long handled = 0;
    long lastProgress = System.nanoTime();
    long lastReport = 0;
    while (handled < accepted && System.nanoTime() < deadline) {
      Thread.sleep(SAMPLE);
      long now = (long) sum(d.processNodes(), HANDLED);
      long t = System.nanoTime();
      series.add(new long[] {t - t0, now});
      if (now > handled) {
        lastProgress = t;
      } else if (t - lastProgress > STALL.toNanos()) {
        progress.println("vigil-kafka-load: no progress for " + STALL.toSeconds() + " s");
        break;
      }
      handled = now;
      if (t - lastReport > Duration.ofSeconds(10).toNanos()) {
        progress.printf(Locale.ROOT, "vigil-kafka-load: %,d of %,d handled%n", handled, accepted);
        lastReport = t;
      }
    }
    return handled;
  }

  /** Detections handled per second between 10 % and 90 % of the final count. */
  private static double middleRate(List<long[]> series) {
    if (series.isEmpty()) {
      return Double.NaN;
    }
    long total = series.getLast()[1];
    long[] from = null;
    long[] to = null;
    for (long[] s : series) {
      if (from == null && s[1] >= total / 10) {
        from = s;
      }
      if (to == null && s[1] >= total * 9 / 10) {
        to = s;
      }
    }
    if (from == null || to == null || to[0] <= from[0]) {
      return Double.NaN;
    }
    return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
  }

  private double awaitRecorded(KafkaDeployment.Node cases, double decided)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    double recorded = 0;
    while (System.nanoTime() < deadline) {
      recorded = sum(List.of(cases), List.of("vigil_sink_violations_recorded_total"));
      if (recorded >= decided) {
        break;
      }
      Thread.sleep(SAMPLE);
    }
    return recorded;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * The sum over {@code nodes} of every sample of {@code metrics} (any labels), with one scrape of
   * each node; 0 if missing.
   */
  static double sum(List<KafkaDeployment.Node> nodes, List<String> metrics)
      throws InterruptedException {
    double total = 0;
    for (KafkaDeployment.Node n : nodes) {
      for (double v : samples(n.url(), metrics)) {
        total += v;
      }
    }
    return total;
  }

  private static double max(List<KafkaDeployment.Node> nodes, String metric)
      throws InterruptedException {
    double m = 0;
    for (KafkaDeployment.Node n : nodes) {
      for (double v : samples(n.url(), List.of(metric))) {
        m = Math.max(m, v);
      }
    }
    return m;
  }

  /** Every value of {@code metrics} on the node's {@code /metrics}, any labels. */
  static List<Double> samples(URI node, List<String> metrics) throws InterruptedException {
    String body;
    try {
      body =
          HTTP.send(
                  HttpRequest.newBuilder(node.resolve("/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      return List.of();
    }
    List<Double> values = new ArrayList<>();
    for (String metric : metrics) {
      values.addAll(samplesIn(body, metric));
    }
    return values;
  }

  /** Every value of {@code metric} in a Prometheus text exposition, any labels. */
  static List<Double> samplesIn(String exposition, String metric) {
    List<Double> values = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith(metric)
          && line.length() > metric.length()
          && (line.charAt(metric.length()) == ' ' || line.charAt(metric.length()) == '{')) {
        values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    return values;
  }

  private static Map<String, Duration> cpu(KafkaDeployment d) {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    for (KafkaDeployment.Node n : d.all()) {
      Duration total = Duration.ZERO;
      for (ProcessHandle p : n.processes()) {
        total = total.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
      }
      cpu.put(n.name(), total);
    }
    cpu.put("load client", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    return cpu;
  }

  private static Map<String, Double> cpuShares(
      Map<String, Duration> before, Map<String, Duration> after, double seconds) {
    Map<String, Double> cores = new LinkedHashMap<>();
    after.forEach(
        (name, t) ->
            cores.put(
                name, t.minus(before.getOrDefault(name, Duration.ZERO)).toNanos() / 1e9 / seconds));
    return cores;
  }

  /** Everything measured, printed for people and then as one JSON line. */
  private record Report(
      Instant began,
      CityConfig city,
      KafkaDeployment d,
      int partitions,
      Posted posted,
      double postSeconds,
      long handled,
      double handledSeconds,
      double middleRate,
      double violationsDecided,
      double violationsRecorded,
      double recordedSeconds,
      double violationLatencyMaxSeconds,
      Map<String, Double> cores) {

    void print(PrintStream o) {
      Tally t = posted.tally();
      double ingestRate = t.accepted() / postSeconds;
      double processRate = handled / handledSeconds;
      o.println();
      o.println("Vigil Kafka-mode load test, " + began.truncatedTo(ChronoUnit.SECONDS));
      o.printf(
          Locale.ROOT,
          "deployment   1 broker · PostgreSQL · cases · %d processing · 1 ingest node, %d"
              + " partitions, all on this machine (%d cores)%n",
          d.processNodes().size(),
          partitions,
          Runtime.getRuntime().availableProcessors());
      o.printf(
          Locale.ROOT,
          "workload     city seed %d: %d cameras, %d sections; %,d detections in %,d posts%n",
          city.seed(),
          city.cameras(),
          city.sections(),
          t.detections(),
          t.posts());
      o.printf(
          Locale.ROOT,
          "ingest       %,.0f det/s acknowledged (%,d accepted, %,d rejected, %d failed posts) ·"
              + " %s%n",
          ingestRate,
          t.accepted(),
          t.rejected(),
          t.failedPosts(),
          posted.latency().text());
      o.printf(
          Locale.ROOT,
          "processing   %,.0f det/s from first post to last decision (%,d handled in %.1f s);"
              + " %,.0f det/s over the middle 80 %%%n",
          processRate,
          handled,
          handledSeconds,
          middleRate);
      o.printf(
          Locale.ROOT,
          "violations   %,.0f decided, %,.0f recorded in PostgreSQL %.1f s after the first post;"
              + " longest arrival → emission %.1f s%n",
          violationsDecided,
          violationsRecorded,
          recordedSeconds,
          violationLatencyMaxSeconds);
      StringBuilder cpu = new StringBuilder();
      cores.forEach(
          (name, c) ->
              cpu.append(cpu.isEmpty() ? "" : " · ")
                  .append(String.format(Locale.ROOT, "%s %.2f", name, c)));
      o.println("cores        " + cpu);
      if (t.firstProblem() != null) {
        o.println("first problem " + t.firstProblem());
      }
      o.printf(
          Locale.ROOT,
          "{\"ingestPerSecond\":%.0f,\"processPerSecond\":%.0f,\"processMiddlePerSecond\":%.0f,"
              + "\"accepted\":%d,\"handled\":%d,\"violationsDecided\":%.0f,"
              + "\"violationsRecorded\":%.0f,\"recordedSeconds\":%.1f,\"postP99Ms\":%.1f}%n",
          ingestRate,
          processRate,
          middleRate,
          t.accepted(),
          handled,
          violationsDecided,
          violationsRecorded,
          recordedSeconds,
          posted.latency().p99Ms());
    }
  }
}
