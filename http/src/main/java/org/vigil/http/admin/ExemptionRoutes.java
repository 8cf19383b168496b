package org.vigil.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.audit.AuditKind;
import org.vigil.enforcement.Exemption;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.Role;
import org.vigil.plate.Plate;
import org.vigil.postgres.PostgresExemptions;

/**
 * Exempt vehicles (emergency services), each for a period: {@code GET|POST
 * /api/v1/admin/exemptions} and {@code DELETE /api/v1/admin/exemptions/{id}}, for administrators.
 * An exempt vehicle's detections leave nothing behind, so no record of its movements exists. The
 * list shows plates, so each listing is recorded as a PERSONAL_DATA_VIEW; each change as a
 * CONFIG_CHANGE naming the exemption's id, never its plate or label.
 */
public final class ExemptionRoutes {
  private static final int MAX_BODY = 64 << 10;
  private final PostgresExemptions exemptions;
  private final AuditRecorder audit;

  public ExemptionRoutes(PostgresExemptions exemptions, AuditRecorder audit) {
    this.exemptions = exemptions;
    this.audit = audit;
  }

  public List<Route> routes() {
    Set<Role> admin = Set.of(Role.ADMINISTRATOR);
    return List.of(
        new Route(Method.GET, "/api/v1/admin/exemptions", admin, this::list),
        new Route(Method.POST, "/api/v1/admin/exemptions", admin, this::add),
        new Route(Method.DELETE, "/api/v1/admin/exemptions/{id}", admin, this::remove));
  }

  private void list(ServerRequest req, ServerResponse res) throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Exemption e : exemptions.all()) {
      items.add(json(e));
    }
    audit.record(
        req,
        AuditKind.PERSONAL_DATA_VIEW,
        "exemptions.list",
        "exemptions:all",
        items.size() + " exemptions");
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  /** {@code {"plate":"A 123 BC","label":"Ambulance 12","validFrom":"...Z","validUntil":"...Z"}}. */
  private void add(ServerRequest req, ServerResponse res) throws Exception {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(Bodies.read(req, MAX_BODY));
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException("body must be a JSON object");
    }
    Exemption e =
        new Exemption(
            UUID.randomUUID(),
            Plate.of(body.path("plate").asText(null), null),
            body.path("label").asText(null),
            instant(body, "validFrom"),
            instant(body, "validUntil"));
    exemptions.add(e, Guard.user(req).username());
    audit.record(req, AuditKind.CONFIG_CHANGE, "exemption.add", "exemption:" + e.id(), "");
    Json.send(res, Status.CREATED_201, json(e));
  }

  private void remove(ServerRequest req, ServerResponse res) throws Exception {
    String id = req.path().pathParameters().get("id");
    UUID uuid = QueryParams.uuid(id, "an exemption id");
    if (!exemptions.remove(uuid)) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no exemption '" + id + "'");
    }
    audit.record(req, AuditKind.CONFIG_CHANGE, "exemption.remove", "exemption:" + uuid, "");
    res.status(Status.NO_CONTENT_204).send();
  }

  private static Map<String, Object> json(Exemption e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id().toString());
    m.put("plate", e.plate().text());
    m.put("label", e.label());
    m.put("validFrom", e.validFrom().toString());
    m.put("validUntil", e.validUntil().toString());
    return m;
  }

  private static Instant instant(JsonNode body, String field) {
    String v = body.path(field).asText(null);
    if (v == null) {
      throw new BadRequestException(field + " is missing");
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          field + " '" + v + "' is not an ISO-8601 instant such as 2026-11-02T07:30:00Z");
    }
  }
}
