package org.vigil.http.retention;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.Role;
import org.vigil.postgres.PostgresRetention;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;

/**
 * Retention for staff: {@code GET /api/v1/admin/retention} (administrators and auditors) shows the
 * policy in force, the key-encryption keys alive with their expiry day and how many records each
 * wraps, the legal holds and what was purged so far, never personal data; {@code POST
 * /api/v1/admin/retention/purge} (administrators) purges what is due now; {@code GET|POST
 * /api/v1/admin/legal-holds} and {@code DELETE /api/v1/admin/legal-holds/{id}} (supervisors and
 * administrators; auditors may list) place and release legal holds. Every purge step is recorded as
 * a PURGE, every hold placed or released as a DECISION, by id only.
 */
public final class RetentionRoutes {
  private static final int MAX_BODY = 16 << 10;
  private static final int MAX_REASON = 200;
  private final PostgresRetention retention;
  private final AuditRecorder audit;

  public RetentionRoutes(PostgresRetention retention, AuditRecorder audit) {
    this.retention = retention;
    this.audit = audit;
  }

  public List<Route> routes() {
    Set<Role> overseers = Set.of(Role.ADMINISTRATOR, Role.AUDITOR);
    Set<Role> holders = Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR);
    Set<Role> holdReaders = Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR, Role.AUDITOR);
    return List.of(
        new Route(Method.GET, "/api/v1/admin/retention", overseers, this::status),
        new Route(
            Method.POST, "/api/v1/admin/retention/purge", Set.of(Role.ADMINISTRATOR), this::purge),
        new Route(Method.GET, "/api/v1/admin/legal-holds", holdReaders, this::holds),
        new Route(Method.POST, "/api/v1/admin/legal-holds", holders, this::place),
        new Route(Method.DELETE, "/api/v1/admin/legal-holds/{id}", holders, this::release));
  }

  private void status(ServerRequest req, ServerResponse res) throws Exception {
    Map<String, Object> policy = new LinkedHashMap<>();
    for (RetentionClass c : RetentionClass.values()) {
      policy.put(c.name(), retention.policy().period(c).toString());
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    for (PostgresRetention.AliveKey k : retention.aliveKeys()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kek", k.kek());
      m.put("expiresOn", k.expiresOn() == null ? null : k.expiresOn().toString());
      m.put("records", k.records());
      keys.add(m);
    }
    PostgresRetention.Totals t = retention.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("keysDestroyed", t.keysDestroyed());
    totals.put("recordsShredded", t.recordsShredded());
    totals.put("statisticsRowsDeleted", t.statisticsRowsDeleted());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policy", policy);
    body.put("keys", keys);
    body.put("holds", holdsJson());
    body.put("totals", totals);
    Json.send(res, Status.OK_200, body);
  }

  private void purge(ServerRequest req, ServerResponse res) throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (PostgresRetention.Purged p :
        retention.purge(
            p -> audit.record(req, AuditKind.PURGE, "retention.purge", p.target(), p.purpose()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", p.target());
      m.put("records", p.records());
      m.put("purpose", p.purpose());
      items.add(m);
    }
    Json.send(res, Status.OK_200, Map.of("purged", items));
  }

  private void holds(ServerRequest req, ServerResponse res) throws Exception {
    Json.send(res, Status.OK_200, Map.of("items", holdsJson()));
  }

  /** {@code {"subject":"violation:<uuid>","reason":"appeal 12/2027"}}. */
  private void place(ServerRequest req, ServerResponse res) throws Exception {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(Bodies.read(req, MAX_BODY));
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException(
          "body must be {\"subject\":\"violation:<uuid>\",\"reason\":...}");
    }
    UUID subject = subject(body.path("subject").asText(null));
    String reason = body.path("reason").asText(null);
    if (reason == null || reason.isBlank()) {
      throw new BadRequestException("reason is missing");
    }
    if (reason.length() > MAX_REASON) {
      throw new BadRequestException(
          "reason must have at most " + MAX_REASON + " characters, had " + reason.length());
    }
    PostgresRetention.LegalHold hold;
    try {
      hold = retention.placeHold(subject, reason, Guard.user(req).username());
    } catch (PostgresRetention.Refused e) {
      throw refused(e);
    }
    audit.record(
        req, AuditKind.DECISION, "legal-hold.place", "violation:" + subject, "hold=" + hold.id());
    Json.send(res, Status.CREATED_201, json(hold));
  }

  private void release(ServerRequest req, ServerResponse res) throws Exception {
    String id = req.path().pathParameters().get("id");
    UUID uuid = QueryParams.uuid(id, "a legal hold id");
    KeyId back;
    try {
      back = retention.releaseHold(uuid, Guard.user(req).username());
    } catch (PostgresRetention.Refused e) {
      throw refused(e);
    }
    audit.record(
        req, AuditKind.DECISION, "legal-hold.release", "legal-hold:" + uuid, "kek=" + back);
    res.status(Status.NO_CONTENT_204).send();
  }

  private List<Map<String, Object>> holdsJson() throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (PostgresRetention.LegalHold h : retention.holds()) {
      items.add(json(h));
    }
    return items;
  }

  private static Map<String, Object> json(PostgresRetention.LegalHold h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id().toString());
    m.put("subject", "violation:" + h.subject());
    m.put("reason", h.reason());
    m.put("placedBy", h.placedBy());
    m.put("placedAt", h.placedAt().toString());
    return m;
  }

  private static UUID subject(String subject) {
    if (subject == null) {
      throw new BadRequestException("subject is missing; expected violation:<uuid>");
    }
    if (!subject.startsWith("violation:")) {
      throw new BadRequestException("subject '" + subject + "' is not violation:<uuid>");
    }
    try {
      return UUID.fromString(subject.substring("violation:".length()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("subject '" + subject + "' is not violation:<uuid>");
    }
  }

  private static BadRequestException refused(PostgresRetention.Refused e) {
    return new BadRequestException(
        e.kind() == PostgresRetention.Refused.Kind.NOT_FOUND
            ? Status.NOT_FOUND_404
            : Status.CONFLICT_409,
        e.getMessage());
  }
}
