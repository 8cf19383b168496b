package org.vigil.http.live;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.pipeline.LiveCounters;
import org.vigil.traffic.incident.Incident;

/**
 * The public status routes: {@code /health}, the live page at {@code /} and its numbers at {@code
 * /api/v1/live}, and the OpenAPI document. Nothing here is personal data.
 */
public final class LiveRoutes {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private final EmbeddedPipeline pipeline;
  private final Clock clock;
  private final Supplier<List<Incident>> openIncidents;
  private final Instant started;
  private final Deque<Sample> samples = new ArrayDeque<>();

  private record Sample(Instant at, long accepted) {}

  public LiveRoutes(EmbeddedPipeline pipeline, Clock clock) {
    this(pipeline, List::of, clock);
  }

  /**
   * @param openIncidents the incidents under way, shown on the public page: they describe traffic
   *     at a camera, never a vehicle
   */
  public LiveRoutes(
      EmbeddedPipeline pipeline, Supplier<List<Incident>> openIncidents, Clock clock) {
    this.openIncidents = openIncidents;
    this.pipeline = pipeline;
    this.clock = clock;
    this.started = clock.instant();
    samples.add(new Sample(started, 0));
  }

  public List<Route> routes() {
    return List.of(
        Route.open(Method.GET, "/health", this::health),
        Route.open(Method.GET, "/api/v1/live", this::live),
        Route.open(Method.GET, "/", resource("index.html", "text/html; charset=UTF-8")),
        Route.open(
            Method.GET,
            "/openapi.yaml",
            resource("openapi.yaml", "application/yaml; charset=UTF-8")));
  }

  private void health(ServerRequest req, ServerResponse res) {
    Json.send(res, Status.OK_200, Map.of("status", "UP"));
  }

  private void live(ServerRequest req, ServerResponse res) {
    LiveCounters.Snapshot now = pipeline.counters().snapshot();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detectionsPerSecond", rate(now.accepted()));
    body.put("accepted", now.accepted());
    body.put("duplicates", now.duplicates());
    body.put("rejected", now.rejected());
    body.put("late", now.late());
    body.put("duplicateReads", now.duplicateReads());
    body.put("exempt", now.exempt());
    body.put("held", now.held());
    Map<String, Long> violations = new LinkedHashMap<>();
    now.violations().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> violations.put(e.getKey().name(), e.getValue()));
    body.put("violations", violations);
    List<Map<String, Object>> incidents = new ArrayList<>();
    for (Incident i : openIncidents.get()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cameraId", i.cameraId());
      m.put("kind", i.kind().name());
      m.put("startedAt", i.startedAt().toString());
      m.put("detail", i.detail());
      incidents.add(m);
    }
    body.put("openIncidents", incidents);
    body.put("waitingSectionSightings", pipeline.waitingSightings());
    body.put("cameras", pipeline.sites().current().cameras().size());
    body.put("sections", pipeline.sites().current().sections().size());
    body.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
    Json.send(res, Status.OK_200, body);
  }

  /**
   * Detections accepted per second over about the last {@link #RATE_WINDOW}: the oldest sample kept
   * is the newest one at least that old (or the start), so however often the page is polled the
   * rate spans a window of seconds, and samples closer together than 250 ms are not kept.
   */
  synchronized double rate(long accepted) {
    Instant now = clock.instant();
    if (Duration.between(samples.peekLast().at(), now).toMillis() >= 250) {
      samples.addLast(new Sample(now, accepted));
    }
    Instant horizon = now.minus(RATE_WINDOW);
    while (samples.size() > 1
        && !samples.stream().skip(1).findFirst().orElseThrow().at().isAfter(horizon)) {
      samples.removeFirst();
    }
    Sample first = samples.peekFirst();
    double seconds = Duration.between(first.at(), now).toMillis() / 1000.0;
    return seconds < 0.5 ? 0 : Math.round((accepted - first.accepted()) / seconds * 10) / 10.0;
  }

  private static Handler resource(String name, String contentType) {
    byte[] bytes;
    try (InputStream in = LiveRoutes.class.getResourceAsStream("/org/vigil/http/" + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the build");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (req, res) -> {
      res.header(HeaderNames.CONTENT_TYPE, contentType);
      res.send(bytes);
    };
  }
}
