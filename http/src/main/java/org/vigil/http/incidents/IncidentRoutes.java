package org.vigil.http.incidents;

import static org.vigil.http.QueryParams.bool;
import static org.vigil.http.QueryParams.instant;
import static org.vigil.http.QueryParams.text;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.auth.Role;
import org.vigil.postgres.IncidentQuery;
import org.vigil.postgres.PostgresIncidents;
import org.vigil.postgres.RecordedIncident;
import org.vigil.traffic.incident.Incident;
import org.vigil.traffic.incident.IncidentEvent;

/**
 * {@code GET /api/v1/incidents}: the recorded incidents, newest start first, filtered by time,
 * camera and whether open; {@code GET /api/v1/incidents/stream}: server-sent events {@code
 * incident-raised} and {@code incident-cleared} as they happen, with a comment every heartbeat
 * interval. For signed-in staff of every role; incidents carry no personal data.
 */
public final class IncidentRoutes {
  private final PostgresIncidents incidents;
  private final IncidentHub hub;

  public IncidentRoutes(PostgresIncidents incidents, IncidentHub hub) {
    this.incidents = incidents;
    this.hub = hub;
  }

  public List<Route> routes() {
    Set<Role> staff = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR);
    return List.of(
        new Route(Method.GET, "/api/v1/incidents", staff, this::list),
        new Route(Method.GET, "/api/v1/incidents/stream", staff, this::stream));
  }

  private void list(ServerRequest req, ServerResponse res) throws Exception {
    IncidentQuery query = query(req.query());
    List<Map<String, Object>> items = new ArrayList<>();
    for (RecordedIncident r : incidents.find(query)) {
      items.add(json(r.incident(), r.clearedAt()));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void stream(ServerRequest req, ServerResponse res) {
    IncidentHub.Subscriber subscriber = hub.subscribe();
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=UTF-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    res.header("X-Accel-Buffering", "no");
    try (OutputStream out = res.outputStream()) {
      write(out, "retry: 5000\n: incidents as they are raised and cleared\n\n");
      while (true) {
        IncidentEvent event = subscriber.next();
        if (subscriber.ended()) {
          return;
        }
        write(out, event == null ? ": heartbeat\n\n" : frame(event));
      }
    } catch (IOException | UncheckedIOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscriber.end();
    }
  }

  /** One event in the text/event-stream format: its name and the incident as one line of JSON. */
  static String frame(IncidentEvent event) {
    String name;
    Map<String, Object> data;
    switch (event) {
      case IncidentEvent.Raised r -> {
        name = "incident-raised";
        data = json(r.incident(), null);
      }
      case IncidentEvent.Cleared c -> {
        name = "incident-cleared";
        data = json(c.incident(), c.clearedAt());
      }
    }
    try {
      return "event: " + name + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The JSON form of an incident, as the API documents it. */
  public static Map<String, Object> json(Incident i, Instant clearedAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id().toString());
    m.put("cameraId", i.cameraId());
    m.put("kind", i.kind().name());
    m.put("startedAt", i.startedAt().toString());
    m.put("detectedAt", i.detectedAt().toString());
    m.put("clearedAt", clearedAt == null ? null : clearedAt.toString());
    m.put("observedFlowPerMinute", round(i.observedFlowPerMinute()));
    m.put("usualFlowPerMinute", round(i.usualFlowPerMinute()));
    m.put("observedSpeedKmh", round(i.observedSpeedKmh()));
    m.put("usualSpeedKmh", round(i.usualSpeedKmh()));
    m.put("detail", i.detail());
    return m;
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
  }

  private static IncidentQuery query(UriQuery q) {
    try {
      return new IncidentQuery(
          instant(q, "from"), instant(q, "to"), text(q, "cameraId"), bool(q, "open"), limit(q));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static int limit(UriQuery q) {
    Integer limit = QueryParams.whole(q, "limit");
    return limit == null ? IncidentQuery.DEFAULT_LIMIT : limit;
  }
}
