package org.vigil.http.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.vigil.http.Json;

/**
 * Guards a handler with HTTP Basic authentication and a set of allowed roles: 401 without valid
 * credentials, 403 with a role that is not allowed. The signed-in user is put in the request's
 * context for the handler.
 */
public final class BasicAuth {
  private final Accounts accounts;

  public BasicAuth(Accounts accounts) {
    this.accounts = accounts;
  }

  /** {@code handler}, callable only by users with one of {@code roles}. */
  public Handler require(Set<Role> roles, Handler handler) {
    return (req, res) -> {
      Optional<Accounts.SignedIn> user = authenticate(req);
      if (user.isEmpty()) {
        res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"vigil\", charset=\"UTF-8\"");
        Json.error(res, Status.UNAUTHORIZED_401, "sign in with a user name and password");
        return;
      }
      if (!roles.contains(user.get().role())) {
        Json.error(
            res,
            Status.FORBIDDEN_403,
            "role " + user.get().role() + " may not do this; it needs one of " + roles);
        return;
      }
      req.context().register(user.get());
      handler.handle(req, res);
    };
  }

  private Optional<Accounts.SignedIn> authenticate(ServerRequest req) throws Exception {
    Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return accounts.signIn(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** The user signed in for this request; only inside a handler guarded by {@link #require}. */
  public static Accounts.SignedIn user(ServerRequest req) {
    return req.context().get(Accounts.SignedIn.class).orElseThrow();
  }
}
