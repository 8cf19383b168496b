package org.vigil.http.violations;

import static org.vigil.http.QueryParams.bool;
import static org.vigil.http.QueryParams.instant;
import static org.vigil.http.QueryParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.audit.AuditKind;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Hold;
import org.vigil.enforcement.Observation;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.Role;
import org.vigil.plate.Plate;
import org.vigil.postgres.PostgresViolations;
import org.vigil.postgres.ViolationCursor;
import org.vigil.postgres.ViolationPage;
import org.vigil.postgres.ViolationQuery;

/**
 * {@code GET /api/v1/violations}: recorded violations, filtered and paged by cursor, for signed-in
 * staff; {@code GET /api/v1/manual-reads} and {@code POST /api/v1/manual-reads/{id}}: the
 * violations whose plate a person must read, and the read. There is deliberately no filter by
 * plate: a plate is reached through a violation, never the other way round. Every page shown is
 * recorded as a PERSONAL_DATA_VIEW (how many, and the first and last violation id, never a plate),
 * every manual read as a DECISION, before the response is sent.
 */
public final class ViolationRoutes {
  private final PostgresViolations violations;
  private final AuditRecorder audit;

  public ViolationRoutes(PostgresViolations violations, AuditRecorder audit) {
    this.violations = violations;
    this.audit = audit;
  }

  public List<Route> routes() {
    // Administrators only by break-glass: these show plates (see Role#seesPersonalDataRoutinely).
    Set<Role> staff = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR);
    return List.of(
        Route.personalData(Method.GET, "/api/v1/violations", staff, this::list),
        Route.personalData(Method.GET, "/api/v1/manual-reads", staff, this::manualReads),
        Route.personalData(Method.POST, "/api/v1/manual-reads/{id}", staff, this::read));
  }

  private void list(ServerRequest req, ServerResponse res) throws Exception {
    send(req, res, "violations.list", query(req.query(), bool(req.query(), "manualRead")));
  }

  private void manualReads(ServerRequest req, ServerResponse res) throws Exception {
    send(req, res, "manual-reads.list", query(req.query(), Boolean.TRUE));
  }

  /** {@code {"plate":{"text":"555 KKK 02","country":"KZ"}}}: the plate as a person read it. */
  private void read(ServerRequest req, ServerResponse res) throws Exception {
    String id = req.path().pathParameters().get("id");
    UUID uuid = QueryParams.uuid(id, "a violation id");
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(Bodies.read(req, 16 << 10));
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (body == null || !body.path("plate").isObject()) {
      throw new BadRequestException("body must be {\"plate\":{\"text\":...,\"country\":...}}");
    }
    JsonNode plate = body.get("plate");
    Plate read = Plate.of(plate.path("text").asText(null), plate.path("country").asText(null));
    Violation v =
        violations
            .resolveManualRead(uuid, read, Guard.user(req).username())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        Status.NOT_FOUND_404, "no violation '" + id + "' waits for a manual read"));
    audit.record(req, AuditKind.DECISION, "manual-read.resolve", "violation:" + uuid, "");
    Json.send(res, Status.OK_200, json(v));
  }

  private static ViolationQuery query(UriQuery q, Boolean manualRead) {
    try {
      return new ViolationQuery(
          instant(q, "from"),
          instant(q, "to"),
          type(q),
          text(q, "cameraId"),
          text(q, "sectionId"),
          bool(q, "held"),
          manualRead,
          limit(q),
          q.contains("cursor") ? ViolationCursor.decode(q.get("cursor")) : null);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private void send(ServerRequest req, ServerResponse res, String action, ViolationQuery query)
      throws Exception {
    ViolationPage page = violations.find(query);
    List<Violation> shown = page.items();
    audit.record(
        req,
        AuditKind.PERSONAL_DATA_VIEW,
        action,
        shown.isEmpty()
            ? "violations:none"
            : "violations:" + shown.getFirst().id() + ".." + shown.getLast().id(),
        shown.size() + " violations");
    List<Map<String, Object>> items = new ArrayList<>(page.items().size());
    for (Violation v : page.items()) {
      items.add(json(v));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("nextCursor", page.next() == null ? null : page.next().encode());
    Json.send(res, Status.OK_200, body);
  }

  /**
   * The JSON form of a violation, as the API documents it. A violation shredded at the end of its
   * retention has {@code "shredded": true}, {@code "plate": null} and no event ids; its facts stay.
   */
  public static Map<String, Object> json(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id().toString());
    m.put("type", v.type().name());
    m.put("cameraId", v.cameraId());
    m.put("sectionId", v.sectionId());
    if (v.shredded()) {
      m.put("plate", null);
    } else {
      Map<String, Object> plate = new LinkedHashMap<>();
      plate.put("text", v.plate().text());
      plate.put("country", v.plate().country());
      m.put("plate", plate);
    }
    m.put("shredded", v.shredded());
    m.put("observedAt", v.observedAt().toString());
    m.put("measuredSpeedKmh", Double.isNaN(v.measuredSpeedKmh()) ? null : v.measuredSpeedKmh());
    m.put("limitKmh", v.limit().limitKmh());
    m.put("toleranceKmh", v.limit().toleranceKmh());
    m.put("eventIds", v.eventIds());
    if (v.passage() != null) {
      m.put("entryAt", v.passage().entryAt().toString());
      m.put("distanceM", v.passage().distanceM());
    }
    Observation o = v.observation();
    m.put("vehicleClass", o.vehicleClass().name());
    m.put("lane", o.lane() == 0 ? null : o.lane());
    m.put("confidence", o.confidence());
    if (o.signal() != null) {
      Map<String, Object> signal = new LinkedHashMap<>();
      signal.put("state", o.signal().state().name());
      signal.put("redElapsedMs", o.signal().redElapsedMs());
      m.put("signal", signal);
    }
    m.put("direction", o.direction() == null ? null : o.direction().name());
    m.put("detail", v.detail());
    List<Map<String, Object>> holds = new ArrayList<>();
    for (Hold h : v.holds()) {
      holds.add(Map.of("kind", h.kind().name(), "reason", h.reason()));
    }
    m.put("held", v.held());
    m.put("holds", holds);
    Fine f = v.fine();
    if (f != null) {
      Map<String, Object> fine = new LinkedHashMap<>();
      fine.put("outcome", f.outcome());
      fine.put(
          "retainedSpeedKmh", Double.isNaN(f.retainedSpeedKmh()) ? null : f.retainedSpeedKmh());
      fine.put("amount", f.amount());
      fine.put("currency", f.currency());
      fine.put("discountedAmount", f.discountedAmount());
      fine.put("discountWithinDays", f.discountWithinDays());
      fine.put("basis", f.basis());
      fine.put("explanation", f.explanation());
      m.put("fine", fine);
    }
    return m;
  }

  private static int limit(UriQuery q) {
    Integer limit = QueryParams.whole(q, "limit");
    return limit == null ? ViolationQuery.DEFAULT_LIMIT : limit;
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
}
