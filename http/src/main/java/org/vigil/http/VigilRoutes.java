package org.vigil.http;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.SessionRoutes;
import org.vigil.site.InvalidSitesException;

/**
 * Builds Vigil's HTTP routing: the one function that the application and every HTTP test use, so
 * that what is tested is what runs.
 */
public final class VigilRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(VigilRoutes.class);

  private VigilRoutes() {}

  /** Every route of {@code services}, in registration order. */
  public static List<Route> all(HttpServices services) {
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.open(
            Method.POST, "/api/v1/detections", services.metrics().timedIngest(services.ingest())));
    routes.addAll(services.violations().routes());
    routes.addAll(services.admin().routes());
    routes.addAll(services.live().routes());
    routes.addAll(services.exemptions().routes());
    routes.addAll(services.cameraHealth().routes());
    routes.addAll(services.statistics().routes());
    routes.addAll(services.incidents().routes());
    routes.addAll(services.audit().routes());
    routes.addAll(services.metrics().routes());
    routes.addAll(services.transparency().routes());
    routes.addAll(new SessionRoutes(services.accounts(), services.languages()).routes());
    routes.addAll(services.retention().routes());
    routes.addAll(services.cases().routes());
    routes.addAll(services.payments().routes());
    routes.addAll(services.desk().routes());
    routes.addAll(services.portal().routes());
    routes.addAll(services.health().routes());
    return routes;
  }

  /**
   * Registers every route and the error mapping on {@code routing}. Every route with roles is
   * wrapped by the one {@link Guard}: who is calling (Basic or session), CSRF, roles, break-glass.
   */
  public static void register(HttpRouting.Builder routing, HttpServices services) {
    Guard guard = new Guard(services.accounts());
    for (Route r : all(services)) {
      routing.route(
          r.method(),
          r.path(),
          r.roles().isEmpty()
              ? r.handler()
              : guard.require(r.roles(), r.personalData(), r.handler()));
    }
    registerErrors(routing);
  }

  /**
   * Registers {@code routes}, which must all be open (a node of the Kafka runtime that has no
   * accounts: ingest, health, metrics), and the error mapping on {@code routing}.
   *
   * @throws IllegalArgumentException when a route needs roles
   */
  public static void registerOpen(HttpRouting.Builder routing, List<Route> routes) {
    for (Route r : routes) {
      if (!r.roles().isEmpty()) {
        throw new IllegalArgumentException(
            r.method().text() + " " + r.path() + " needs roles, and this node has no accounts");
      }
      routing.route(r.method(), r.path(), r.handler());
    }
    registerErrors(routing);
  }

  private static void registerErrors(HttpRouting.Builder routing) {
    routing.error(
        BadRequestException.class, (req, res, e) -> Json.error(res, e.status(), e.getMessage()));
    routing.error(
        InvalidSitesException.class,
        (req, res, e) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", 400);
          body.put("error", "invalid site configuration");
          body.put("problems", e.problems());
          Json.send(res, Status.BAD_REQUEST_400, body);
        });
    routing.error(
        IllegalArgumentException.class,
        (req, res, e) -> Json.error(res, Status.BAD_REQUEST_400, e.getMessage()));
    routing.error(
        Exception.class,
        (req, res, e) -> {
          // Only the type and message: our messages carry no personal data by contract.
          LOG.error("{} {} failed: {}", req.prologue().method(), req.path().path(), e.toString());
          Json.error(
              res,
              Status.INTERNAL_SERVER_ERROR_500,
              "the server failed to handle this request; the failure is in its log");
        });
  }
}
