package org.vigil.http.health;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.http.Json;
import org.vigil.http.Route;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, for load balancers and orchestrators,
 * open like {@code /metrics} because they name no vehicle and no person.
 *
 * <ul>
 *   <li><b>live</b>: 200 as long as the process serves requests; restart it when this fails.
 *   <li><b>ready</b>: 200 when every check of the node's role passes, else 503 with each failing
 *       check and its problem; send it no traffic meanwhile. The body always names the role.
 * </ul>
 */
public final class HealthRoutes {
  private final String role;
  private final List<HealthCheck> checks;

  /**
   * @param role the node's role, shown in every answer: {@code embedded}, {@code ingest}, {@code
   *     process} or {@code cases}
   * @param checks what must hold for the node to be ready
   */
  public HealthRoutes(String role, List<HealthCheck> checks) {
    this.role = role;
    this.checks = List.copyOf(checks);
  }

  public List<Route> routes() {
    return List.of(
        Route.open(Method.GET, "/health/live", this::live),
        Route.open(Method.GET, "/health/ready", this::ready));
  }

  /** Every failing check by name with its problem; empty when the node is ready. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    for (HealthCheck check : checks) {
      Optional<String> problem = check.run();
      problem.ifPresent(p -> problems.put(check.name(), p));
    }
    return problems;
  }

  private void live(ServerRequest req, ServerResponse res) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("role", role);
    send(res, Status.OK_200, body);
  }

  private void ready(ServerRequest req, ServerResponse res) {
    Map<String, String> problems = problems();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", problems.isEmpty() ? "READY" : "NOT_READY");
    body.put("role", role);
    body.put("checks", checks.stream().map(HealthCheck::name).toList());
    body.put("problems", problems);
    send(res, problems.isEmpty() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
  }

  private static void send(ServerResponse res, Status status, Map<String, Object> body) {
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    Json.send(res, status, body);
  }
}
