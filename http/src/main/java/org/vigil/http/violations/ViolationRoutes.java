package org.vigil.http.violations;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.http.auth.Role;
import org.vigil.postgres.PostgresViolations;
import org.vigil.postgres.ViolationCursor;
import org.vigil.postgres.ViolationPage;
import org.vigil.postgres.ViolationQuery;

/**
 * {@code GET /api/v1/violations}: recorded violations, filtered and paged by cursor, for signed-in
 * staff. There is deliberately no filter by plate: a plate is reached through a violation, never
 * the other way round.
 */
public final class ViolationRoutes {
  private final PostgresViolations violations;

  public ViolationRoutes(PostgresViolations violations) {
    this.violations = violations;
  }

  public List<Route> routes() {
    return List.of(
        new Route(
            Method.GET,
            "/api/v1/violations",
            Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR),
            this::list));
  }

  private void list(ServerRequest req, ServerResponse res) throws Exception {
    UriQuery q = req.query();
    ViolationQuery query;
    try {
      query =
          new ViolationQuery(
              instant(q, "from"),
              instant(q, "to"),
              type(q),
              text(q, "cameraId"),
              text(q, "sectionId"),
              limit(q),
              q.contains("cursor") ? ViolationCursor.decode(q.get("cursor")) : null);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ViolationPage page = violations.find(query);
    List<Map<String, Object>> items = new ArrayList<>(page.items().size());
    for (Violation v : page.items()) {
      items.add(json(v));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("nextCursor", page.next() == null ? null : page.next().encode());
    Json.send(res, Status.OK_200, body);
  }

  /** The JSON form of a violation, as the API documents it. */
  public static Map<String, Object> json(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id().toString());
    m.put("type", v.type().name());
    m.put("cameraId", v.cameraId());
    m.put("sectionId", v.sectionId());
    Map<String, Object> plate = new LinkedHashMap<>();
    plate.put("text", v.plate().text());
    plate.put("country", v.plate().country());
    m.put("plate", plate);
    m.put("observedAt", v.observedAt().toString());
    m.put("measuredSpeedKmh", v.measuredSpeedKmh());
    m.put("limitKmh", v.limit().limitKmh());
    m.put("toleranceKmh", v.limit().toleranceKmh());
    m.put("eventIds", v.eventIds());
    if (v.passage() != null) {
      m.put("entryAt", v.passage().entryAt().toString());
      m.put("distanceM", v.passage().distanceM());
    }
    return m;
  }

  private static Instant instant(UriQuery q, String name) {
    if (!q.contains(name)) {
      return null;
    }
    String v = q.get(name);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " '" + v + "' is not an ISO-8601 instant such as 2026-11-02T07:30:00Z");
    }
  }

  private static ViolationType type(UriQuery q) {
    if (!q.contains("type")) {
      return null;
    }
    String v = q.get("type");
    try {
      return ViolationType.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "type '" + v + "' is not one of " + List.of(ViolationType.values()));
    }
  }

  private static String text(UriQuery q, String name) {
    return q.contains(name) ? q.get(name) : null;
  }

  private static int limit(UriQuery q) {
    if (!q.contains("limit")) {
      return ViolationQuery.DEFAULT_LIMIT;
    }
    String v = q.get("limit");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit '" + v + "' is not a whole number");
    }
  }
}
