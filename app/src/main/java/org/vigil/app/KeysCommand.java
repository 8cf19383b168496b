package org.vigil.app;

import java.net.URI;
import org.vigil.contract.StaffClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil keys issue CAMERA}: issues an ingest key through the admin API. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Issues an ingest key for a camera (shown once; stored hashed).")
final class KeysCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "issue", description = "The action: issue.")
  String action;

  @Parameters(index = "1", paramLabel = "CAMERA", description = "The camera's id.")
  String camera;

  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Vigil's URL.")
  URI url;

  @Option(names = "--user", defaultValue = "admin", description = "An administrator.")
  String user;

  @Option(
      names = "--password",
      description = "The administrator's password (default: VIGIL_ADMIN_PASSWORD).")
  String password;

  @Override
  public void run() {
    if (!"issue".equals(action)) {
      throw new IllegalArgumentException("unknown action '" + action + "'; the action is: issue");
    }
    String secret = password != null ? password : System.getenv("VIGIL_ADMIN_PASSWORD");
    if (secret == null) {
      throw new IllegalArgumentException("give --password or set VIGIL_ADMIN_PASSWORD");
    }
    StaffClient.Response r =
        new StaffClient(url, user, secret).post("/api/v1/admin/cameras/" + camera + "/keys", "{}");
    if (r.status() != 201) {
      throw new IllegalStateException("the server answered " + r.status() + ": " + r.body());
    }
    System.out.println(r.json().get("key").asText());
  }
}
