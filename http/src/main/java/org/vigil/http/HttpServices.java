package org.vigil.http;

import org.vigil.http.admin.AdminRoutes;
import org.vigil.http.admin.ExemptionRoutes;
import org.vigil.http.audit.AuditRoutes;
import org.vigil.http.auth.Accounts;
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

/**
 * The handlers behind Vigil's routes, wired by the application (or a test).
 *
 * @param language the language of the web pages when the visitor's choice, cookie and browser name
 *     none of Kazakh, Russian and English ({@code VIGIL_LANGUAGE})
 */
public record HttpServices(
    IngestHandler ingest,
    ViolationRoutes violations,
    AdminRoutes admin,
    LiveRoutes live,
    ExemptionRoutes exemptions,
    CameraHealthRoutes cameraHealth,
    StatisticsRoutes statistics,
    IncidentRoutes incidents,
    AuditRoutes audit,
    MetricsRoutes metrics,
    TransparencyRoutes transparency,
    RetentionRoutes retention,
    Accounts accounts,
    CaseRoutes cases,
    PaymentRoutes payments,
    DeskPages desk,
    PortalPages portal,
    HealthRoutes health,
    Language language) {

  /** How the web pages choose their language. */
  public LanguageChoice languages() {
    return new LanguageChoice(language);
  }
}
