package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vigil.contract.IngestClient;
import org.vigil.contract.SitesJson;
import org.vigil.contract.StaffClient;
import org.vigil.detection.Detection;
import org.vigil.site.Sites;

/**
 * The whole of Vigil for an integration test: a fresh data directory, a free port, the sites in
 * force, one ingest key for every camera and a known administrator password. Real PostgreSQL, real
 * HTTP.
 */
final class TestVigil {
  static final String KEY = "integration-test-ingest-key";
  static final String PASSWORD = "integration-test-admin-password";
  static final String OPERATOR = "officer";
  static final String OPERATOR_PASSWORD = "integration-test-officer-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestVigil() {}

  /** The configuration of such a Vigil in {@code dir}; tests add what they need, then start it. */
  static VigilConfig config(Path dir, Sites sites) throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(file, SitesJson.write(sites));
    return VigilConfig.fromEnvironment(Map.of())
        .withDataDir(dir.resolve("data"))
        .withPort(0)
        .withSitesFile(file)
        .withIngestKey(KEY)
        .withAdminPassword(PASSWORD);
  }

  /** The administrator's client. */
  static StaffClient admin(Vigil vigil) {
    return new StaffClient(vigil.url(), "admin", PASSWORD);
  }

  /**
   * An operator's client, the role that reads violations as routine work (an administrator needs
   * break-glass); the account is created on first use.
   */
  static StaffClient operator(Vigil vigil) {
    return operator(vigil.url(), PASSWORD);
  }

  /** The same, for a Vigil at {@code url} whose administrator has {@code adminPassword}. */
  static StaffClient operator(URI url, String adminPassword) {
    StaffClient.Response r =
        new StaffClient(url, "admin", adminPassword)
            .post(
                "/api/v1/admin/users",
                "{\"username\":\""
                    + OPERATOR
                    + "\",\"password\":\""
                    + OPERATOR_PASSWORD
                    + "\",\"role\":\"OPERATOR\"}");
    assertThat(r.status() == 201 || r.body().contains("is taken")).as(r.body()).isTrue();
    return new StaffClient(url, OPERATOR, OPERATOR_PASSWORD);
  }

  /** Posts {@code detections} as one batch, expects 200 and answers the body. */
  static JsonNode post(Vigil vigil, List<Detection> detections) throws Exception {
    IngestClient.Result r = new IngestClient(vigil.url(), KEY).post(detections);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
