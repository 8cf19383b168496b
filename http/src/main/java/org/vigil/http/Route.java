package org.vigil.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import java.util.Set;
import org.vigil.http.auth.Role;

/**
 * One endpoint: method, path (Helidon's {@code {name}} syntax for parameters), the roles that may
 * call it (empty: anyone; camera keys are checked by the ingest handler itself) and its handler.
 * {@link VigilRoutes} registers these, and a test checks that the OpenAPI document describes each.
 */
public record Route(Method method, String path, Set<Role> roles, Handler handler) {
  public Route {
    roles = Set.copyOf(roles);
  }

  /** A route anyone may call. */
  public static Route open(Method method, String path, Handler handler) {
    return new Route(method, path, Set.of(), handler);
  }
}
