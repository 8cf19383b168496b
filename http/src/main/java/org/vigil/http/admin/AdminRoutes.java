package org.vigil.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.audit.AuditKind;
import org.vigil.contract.SitesJson;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.Role;
import org.vigil.http.ingest.IngestKeys;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.site.Camera;
import org.vigil.site.Section;
import org.vigil.site.SignSetting;
import org.vigil.site.Sites;

/**
 * The administrator's routes: sites, variable limits, camera keys and users. Every change is
 * recorded on the audit trail as a CONFIG_CHANGE before the response is sent. A user's new password
 * or role, or the user's removal, ends all of the user's sessions.
 */
public final class AdminRoutes {
  private static final int MAX_BODY = 4 << 20;

  private final SiteRegistry sites;
  private final IngestKeys keys;
  private final Accounts accounts;
  private final Clock clock;
  private final AuditRecorder audit;

  public AdminRoutes(
      SiteRegistry sites, IngestKeys keys, Accounts accounts, Clock clock, AuditRecorder audit) {
    this.sites = sites;
    this.keys = keys;
    this.accounts = accounts;
    this.clock = clock;
    this.audit = audit;
  }

  /** Every admin route; each needs the ADMINISTRATOR role. */
  public List<Route> routes() {
    Set<Role> admin = Set.of(Role.ADMINISTRATOR);
    Set<Role> signs = Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR);
    return List.of(
        new Route(Method.GET, "/api/v1/admin/sites", admin, this::getSites),
        new Route(Method.PUT, "/api/v1/admin/sites", admin, this::putSites),
        new Route(Method.PUT, "/api/v1/admin/cameras/{id}", admin, this::putCamera),
        new Route(Method.DELETE, "/api/v1/admin/cameras/{id}", admin, this::deleteCamera),
        new Route(Method.PUT, "/api/v1/admin/sections/{id}", admin, this::putSection),
        new Route(Method.DELETE, "/api/v1/admin/sections/{id}", admin, this::deleteSection),
        new Route(Method.POST, "/api/v1/admin/cameras/{id}/keys", admin, this::issueKey),
        new Route(Method.DELETE, "/api/v1/admin/cameras/{id}/keys", admin, this::revokeKeys),
        new Route(Method.POST, "/api/v1/admin/users", admin, this::addUser),
        new Route(Method.PUT, "/api/v1/admin/users/{username}", admin, this::changeUser),
        new Route(Method.DELETE, "/api/v1/admin/users/{username}", admin, this::removeUser),
        new Route(Method.PUT, "/api/v1/admin/cameras/{id}/variable-limit", signs, this::cameraSign),
        new Route(
            Method.PUT, "/api/v1/admin/sections/{id}/variable-limit", signs, this::sectionSign));
  }

  /**
   * {@code PUT .../variable-limit} with {@code {"limitKmh":60,"from":"2026-11-02T07:00:00Z"}}: the
   * sign shows this limit from {@code from} (default: now) on; 0 blanks it. Supervisors may set
   * signs, as a traffic control room does.
   */
  private void cameraSign(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    requireCamera(id);
    SignSetting setting = signSetting(req);
    Camera next = sites.signAtCamera(id, setting);
    changed(req, "variable-limit.set", AuditRecorder.ref("camera", id), sign(setting));
    Json.send(res, Status.OK_200, SitesJson.tree(next));
  }

  private void sectionSign(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    if (sites.current().section(id).isEmpty()) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no section '" + id + "'");
    }
    SignSetting setting = signSetting(req);
    Section next = sites.signAtSection(id, setting);
    changed(req, "variable-limit.set", AuditRecorder.ref("section", id), sign(setting));
    Json.send(res, Status.OK_200, SitesJson.tree(next));
  }

  private SignSetting signSetting(ServerRequest req) {
    ObjectNode body = (ObjectNode) readObject(Bodies.read(req, MAX_BODY));
    if (!body.hasNonNull("from")) {
      body.put("from", clock.instant().toString());
    }
    return SitesJson.signSetting(body);
  }

  private void getSites(ServerRequest req, ServerResponse res) {
    Json.send(res, Status.OK_200, SitesJson.tree(sites.current()));
  }

  private void putSites(ServerRequest req, ServerResponse res) {
    Sites next = sites.replace(SitesJson.read(Bodies.read(req, MAX_BODY)));
    changed(
        req,
        "sites.replace",
        "sites:all",
        next.cameras().size() + " cameras, " + next.sections().size() + " sections");
    Json.send(res, Status.OK_200, SitesJson.tree(next));
  }

  private void putCamera(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    Camera camera = SitesJson.readCamera(withId(Bodies.read(req, MAX_BODY), id));
    boolean existed = sites.current().camera(id).isPresent();
    sites.putCamera(camera);
    changed(req, "camera.put", AuditRecorder.ref("camera", id), existed ? "replaced" : "added");
    Json.send(res, existed ? Status.OK_200 : Status.CREATED_201, SitesJson.tree(camera));
  }

  private void deleteCamera(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    requireCamera(id);
    sites.removeCamera(id);
    changed(req, "camera.delete", AuditRecorder.ref("camera", id), "");
    res.status(Status.NO_CONTENT_204).send();
  }

  private void putSection(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    Section section = SitesJson.readSection(withId(Bodies.read(req, MAX_BODY), id));
    boolean existed = sites.current().section(id).isPresent();
    sites.putSection(section);
    changed(req, "section.put", AuditRecorder.ref("section", id), existed ? "replaced" : "added");
    Json.send(res, existed ? Status.OK_200 : Status.CREATED_201, SitesJson.tree(section));
  }

  private void deleteSection(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    if (sites.current().section(id).isEmpty()) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no section '" + id + "'");
    }
    sites.removeSection(id);
    changed(req, "section.delete", AuditRecorder.ref("section", id), "");
    res.status(Status.NO_CONTENT_204).send();
  }

  private void issueKey(ServerRequest req, ServerResponse res) throws Exception {
    String id = req.path().pathParameters().get("id");
    requireCamera(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cameraId", id);
    body.put("key", keys.issue(id));
    changed(req, "ingest-key.issue", AuditRecorder.ref("camera", id), "");
    body.put("note", "this key is shown once; store it in the camera's configuration");
    Json.send(res, Status.CREATED_201, body);
  }

  private void revokeKeys(ServerRequest req, ServerResponse res) throws Exception {
    String id = req.path().pathParameters().get("id");
    int revoked = keys.revoke(id);
    changed(req, "ingest-key.revoke", AuditRecorder.ref("camera", id), revoked + " revoked");
    Json.send(res, Status.OK_200, Map.of("cameraId", id, "revoked", revoked));
  }

  private void addUser(ServerRequest req, ServerResponse res) throws Exception {
    JsonNode body = readObject(Bodies.read(req, MAX_BODY));
    String username = body.path("username").asText(null);
    Role role = Role.parse(body.path("role").asText(""));
    accounts.add(username, body.path("password").asText(null), role);
    changed(req, "user.add", audit.pseudonym(username), "role " + role.name());
    Json.send(res, Status.CREATED_201, Map.of("username", username, "role", role.name()));
  }

  /**
   * {@code {"password":"...","role":"SUPERVISOR"}}, either or both: the user's new password or
   * role. Either change ends all of the user's sessions.
   */
  private void changeUser(ServerRequest req, ServerResponse res) throws Exception {
    String username = req.path().pathParameters().get("username");
    JsonNode body = readObject(Bodies.read(req, MAX_BODY));
    if (!body.hasNonNull("password") && !body.hasNonNull("role")) {
      throw new BadRequestException("body must hold a new \"password\", a new \"role\" or both");
    }
    Role role = body.hasNonNull("role") ? Role.parse(body.get("role").asText()) : null;
    String password = body.hasNonNull("password") ? body.get("password").asText() : null;
    if (password != null) {
      Accounts.requireUsablePassword(password); // before any change, so none is half made
    }
    boolean found =
        (role == null || accounts.changeRole(username, role))
            && (password == null || accounts.changePassword(username, password));
    if (!found) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no user '" + username + "'");
    }
    String what =
        (password == null ? "" : "password") + (password != null && role != null ? ", " : "");
    changed(
        req,
        "user.change",
        audit.pseudonym(username),
        what + (role == null ? "" : "role " + role.name()) + "; sessions ended");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("username", username);
    answer.put("passwordChanged", password != null);
    answer.put("role", role == null ? null : role.name());
    answer.put("sessionsEnded", true);
    Json.send(res, Status.OK_200, answer);
  }

  private void removeUser(ServerRequest req, ServerResponse res) throws Exception {
    String username = req.path().pathParameters().get("username");
    if (!accounts.remove(username)) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no user '" + username + "'");
    }
    changed(req, "user.remove", audit.pseudonym(username), "sessions ended");
    res.status(Status.NO_CONTENT_204).send();
  }

  private void changed(ServerRequest req, String action, String subject, String purpose) {
    audit.record(req, AuditKind.CONFIG_CHANGE, action, subject, purpose);
  }

  private static String sign(SignSetting s) {
    return s.blank() ? "blank from " + s.from() : s.limitKmh() + " km/h from " + s.from();
  }

  private void requireCamera(String id) {
    if (sites.current().camera(id).isEmpty()) {
      throw new BadRequestException(Status.NOT_FOUND_404, "no camera '" + id + "'");
    }
  }

  /** The body with its "id" set to the path's, refusing a body that names another id. */
  private static byte[] withId(byte[] body, String id) {
    JsonNode node = readObject(body);
    JsonNode given = node.get("id");
    if (given != null && !given.isNull() && !given.asText().equals(id)) {
      throw new BadRequestException(
          "id '" + given.asText() + "' in the body differs from '" + id + "' in the path");
    }
    ((ObjectNode) node).put("id", id);
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readObject(byte[] body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new BadRequestException("body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
  }
}
