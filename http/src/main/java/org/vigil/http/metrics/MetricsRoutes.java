package org.vigil.http.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.Route;
import org.vigil.pipeline.LiveCounters;

/**
 * {@code GET /metrics}: Prometheus metrics of the running process, open like the live page because
 * nothing in them is personal data. Every metric is a count, a duration or a gauge of the process;
 * labels are fixed codes (a violation type, a JVM memory pool), never a plate, an event id or a
 * user name, so no label value can carry a vehicle.
 *
 * <p>The pipeline's totals are read from {@link LiveCounters} when scraped (function counters), so
 * the ingest path pays nothing for them; the only meter on that path is the timer of the ingest
 * request ({@link #timedIngest}).
 */
public final class MetricsRoutes implements AutoCloseable {
  /** The Prometheus text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer ingest;

  /**
   * @param counters the pipeline's running totals, or null where there is no pipeline (tests of the
   *     routes alone)
   */
  public MetricsRoutes(LiveCounters counters) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ingest =
        Timer.builder("vigil.ingest.request")
            .description("Time to decide a camera's batch and commit its violations")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    if (counters != null) {
      bindCounters(counters);
    }
  }

  private void bindCounters(LiveCounters counters) {
    counter(counters, "vigil.detections.accepted", "Detections accepted", s -> s.accepted());
    counter(
        counters,
        "vigil.detections.duplicate",
        "Detections sent again (same camera and event id), acknowledged once",
        s -> s.duplicates());
    counter(counters, "vigil.detections.rejected", "Detections refused", s -> s.rejected());
    counter(
        counters,
        "vigil.detections.late",
        "Detections refused for arriving later than the allowed lateness",
        s -> s.late());
    counter(
        counters,
        "vigil.detections.duplicate.read",
        "Accepted detections that were a second read of one sighting",
        s -> s.duplicateReads());
    counter(counters, "vigil.detections.exempt", "Detections of exempt vehicles", s -> s.exempt());
    counter(
        counters,
        "vigil.violations.held",
        "Violations held for a person to look at",
        s -> s.held());
    for (ViolationType type : ViolationType.values()) {
      FunctionCounter.builder(
              "vigil.violations",
              counters,
              c -> c.snapshot().violations().getOrDefault(type, 0L).doubleValue())
          .description("Violations decided, by type")
          .tag("type", type.name())
          .register(registry);
    }
  }

  private void counter(
      LiveCounters counters,
      String name,
      String description,
      ToLongFunction<LiveCounters.Snapshot> value) {
    FunctionCounter.builder(name, counters, c -> value.applyAsLong(c.snapshot()))
        .description(description)
        .register(registry);
  }

  /**
   * The registry behind {@code /metrics}, for a node to add its own meters to (the Kafka runtime's
   * lag, rates and latencies). Labels must be fixed codes, as for every meter here.
   */
  public MeterRegistry registry() {
    return registry;
  }

  public List<Route> routes() {
    return List.of(Route.open(Method.GET, "/metrics", this::scrape));
  }

  /** {@code handler}, with the time each request takes recorded as the ingest timer. */
  public Handler timedIngest(Handler handler) {
    return (req, res) -> {
      long start = System.nanoTime();
      try {
        handler.handle(req, res);
      } finally {
        ingest.record(Duration.ofNanos(System.nanoTime() - start));
      }
    };
  }

  /** The metrics as Prometheus text, as {@code GET /metrics} answers them. */
  public String scrape() {
    return registry.scrape();
  }

  private void scrape(ServerRequest req, ServerResponse res) {
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(scrape());
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
