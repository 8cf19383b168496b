package org.vigil.http.cameras;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.enforcement.CameraClocks;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.http.auth.Role;
import org.vigil.pipeline.EmbeddedPipeline;
import org.vigil.site.Camera;
import org.vigil.site.SiteRules;

/**
 * {@code GET /api/v1/cameras/health}: for every camera, how far its clock is off, whether its
 * calibration certificate is valid, and when it last sent a detection. A camera whose clock drifts
 * more than its site allows, or whose certificate has expired, has its violations held for review.
 */
public final class CameraHealthRoutes {
  /** A certificate expiring within this many days is reported as EXPIRING. */
  static final int EXPIRING_DAYS = 30;

  private final EmbeddedPipeline pipeline;
  private final Clock clock;

  public CameraHealthRoutes(EmbeddedPipeline pipeline, Clock clock) {
    this.pipeline = pipeline;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        new Route(
            Method.GET,
            "/api/v1/cameras/health",
            Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR, Role.AUDITOR),
            this::health));
  }

  private void health(ServerRequest req, ServerResponse res) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Camera camera : pipeline.sites().current().cameras()) {
      items.add(health(camera));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private Map<String, Object> health(Camera camera) {
    SiteRules rules = camera.rules();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cameraId", camera.id());
    m.put("name", camera.name());
    Optional<CameraClocks.ClockReading> reading = pipeline.clocks().reading(camera.id());
    m.put("lastReceivedAt", reading.map(r -> r.lastReceivedAt().toString()).orElse(null));
    m.put("clockOffsetMs", reading.map(r -> r.offset().toMillis()).orElse(null));
    m.put("maxClockDriftMs", rules.maxClockDrift().toMillis());
    String clockStatus =
        reading
            .map(r -> r.driftsMoreThan(rules.maxClockDrift()) ? "DRIFTING" : "OK")
            .orElse("UNKNOWN");
    m.put("clockStatus", clockStatus);
    LocalDate until = rules.calibrationValidUntil();
    LocalDate today = LocalDate.now(clock.withZone(rules.timeZone()));
    String calibration =
        until == null
            ? "NOT_RECORDED"
            : today.isAfter(until)
                ? "EXPIRED"
                : today.plusDays(EXPIRING_DAYS).isAfter(until) ? "EXPIRING" : "VALID";
    m.put("calibrationValidUntil", until == null ? null : until.toString());
    m.put("calibrationStatus", calibration);
    m.put("violationsHeld", clockStatus.equals("DRIFTING") || calibration.equals("EXPIRED"));
    return m;
  }
}
