package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.http.admin.AdminRoutes;
import org.vigil.http.admin.ExemptionRoutes;
import org.vigil.http.audit.AuditRoutes;
import org.vigil.http.cameras.CameraHealthRoutes;
import org.vigil.http.cases.CaseRoutes;
import org.vigil.http.cases.PaymentRoutes;
import org.vigil.http.desk.DeskPages;
import org.vigil.http.health.HealthRoutes;
import org.vigil.http.incidents.IncidentRoutes;
import org.vigil.http.ingest.IngestHandler;
import org.vigil.http.live.LiveRoutes;
import org.vigil.http.metrics.MetricsRoutes;
import org.vigil.http.portal.PortalPages;
import org.vigil.http.retention.RetentionRoutes;
import org.vigil.http.statistics.StatisticsRoutes;
import org.vigil.http.transparency.TransparencyRoutes;
import org.vigil.http.violations.ViolationRoutes;
import org.vigil.http.web.LanguageChoice;
import org.vigil.notice.Language;

/** Every route that is registered is described in the published OpenAPI document. */
class OpenApiCoverageTest {

  @Test
  void everyRouteIsDescribed() throws IOException {
    HttpServices services =
        new HttpServices(
            new IngestHandler(null, null),
            new ViolationRoutes(null, null),
            new AdminRoutes(null, null, null, Clock.systemUTC(), null),
            new LiveRoutes(null, Clock.systemUTC()),
            new ExemptionRoutes(null, null),
            new CameraHealthRoutes(null, Clock.systemUTC()),
            new StatisticsRoutes(null, Clock.systemUTC()),
            new IncidentRoutes(null, null),
            new AuditRoutes(null),
            new MetricsRoutes(null),
            new TransparencyRoutes(null, null, null, null, Clock.systemUTC()),
            new RetentionRoutes(null, null),
            null,
            new CaseRoutes(null, null, null, Clock.systemUTC()),
            new PaymentRoutes(null, Optional.empty(), Optional.empty(), null),
            new DeskPages(null, ZoneOffset.UTC, new LanguageChoice(Language.EN)),
            new PortalPages(null, null, null, new LanguageChoice(Language.EN)),
            new HealthRoutes("embedded", List.of()),
            Language.EN);
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/org/vigil/http/openapi.yaml")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<String> missing = new ArrayList<>();
    for (Route r : VigilRoutes.all(services)) {
      if (!describes(lines, r.path(), r.method().text().toLowerCase(Locale.ROOT))) {
        missing.add(r.method().text() + " " + r.path());
      }
    }
    assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
  }

  private static boolean describes(List<String> lines, String path, String method) {
    int start = lines.indexOf("  " + path + ":");
    if (start < 0) {
      return false;
    }
    for (int i = start + 1; i < lines.size() && !lines.get(i).matches("^  \\S.*"); i++) {
      if (lines.get(i).equals("    " + method + ":")) {
        return true;
      }
    }
    return false;
  }
}
