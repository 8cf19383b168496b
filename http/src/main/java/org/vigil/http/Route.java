package org.vigil.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import java.util.Set;
import org.vigil.http.auth.Role;

/**
 * One endpoint: method, path (Helidon's {@code {name}} syntax for parameters), the roles that may
 * call it (empty: anyone; camera keys are checked by the ingest handler itself), whether it shows
 * personal data, and its handler. {@link VigilRoutes} registers these behind the one {@link
 * org.vigil.http.auth.Guard}, and a test checks that the OpenAPI document describes each.
 *
 * @param personalData whether it shows personal data (violations, plates; later cases and keepers):
 *     a role that does not see such data routinely reaches it only by break-glass
 */
public record Route(
    Method method, String path, Set<Role> roles, boolean personalData, Handler handler) {
  public Route {
    roles = Set.copyOf(roles);
    if (personalData && roles.isEmpty()) {
      throw new IllegalArgumentException(
          method.text() + " " + path + " shows personal data, so it needs roles");
    }
  }

  /** A route that shows no personal data. */
  public Route(Method method, String path, Set<Role> roles, Handler handler) {
    this(method, path, roles, false, handler);
  }

  /** A route that shows personal data to {@code roles}. */
  public static Route personalData(Method method, String path, Set<Role> roles, Handler handler) {
    return new Route(method, path, roles, true, handler);
  }

  /** A route anyone may call. */
  public static Route open(Method method, String path, Handler handler) {
    return new Route(method, path, Set.of(), handler);
  }
}
