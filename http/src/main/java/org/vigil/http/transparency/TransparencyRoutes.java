package org.vigil.http.transparency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.audit.LogKey;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRoutes;
import org.vigil.postgres.PostgresAuditLog;
import org.vigil.transparency.CaseFigures;
import org.vigil.transparency.EnforcementFigures;
import org.vigil.transparency.Policy;
import org.vigil.transparency.PublicCheckpoint;
import org.vigil.transparency.ReportPeriod;
import org.vigil.transparency.TransparencyReport;

/**
 * The public transparency report, open to anyone without signing in: {@code GET
 * /api/v1/transparency} as JSON, or as CSV with {@code format=csv} or {@code Accept: text/csv}, and
 * the page {@code GET /transparency}. Parameters {@code from} and {@code to} are months such as
 * {@code 2026-11} (default: the last 12 months up to the current one; at most 60 months).
 *
 * <p>Reading the report is not a view of personal data and is not audited: it holds aggregates
 * only. Since anyone may ask, a report is compiled at most once per period every {@link #FRESHNESS}
 * and served from memory in between.
 */
public final class TransparencyRoutes {
  /** How long a compiled report is served before its figures are read again. */
  public static final Duration FRESHNESS = Duration.ofSeconds(60);

  private final EnforcementFigures enforcement;
  private final CaseFigures cases;
  private final PostgresAuditLog log;
  private final Policy policy;
  private final Clock clock;
  private final Cache<ReportPeriod, TransparencyReport> compiled =
      Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(64).build();

  /**
   * @param log the audit log whose latest checkpoint the report shows
   * @param policy what the page says Vigil collects and keeps
   */
  public TransparencyRoutes(
      EnforcementFigures enforcement,
      CaseFigures cases,
      PostgresAuditLog log,
      Policy policy,
      Clock clock) {
    this.enforcement = enforcement;
    this.cases = cases;
    this.log = log;
    this.policy = policy;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.open(Method.GET, "/api/v1/transparency", this::data),
        Route.open(Method.GET, "/transparency", this::page));
  }

  private void data(ServerRequest req, ServerResponse res) {
    boolean csv = QueryParams.wantsCsv(req.query(), req.headers().values(HeaderNames.ACCEPT));
    TransparencyReport r = report(req.query());
    cacheable(res);
    if (csv) {
      res.status(Status.OK_200);
      res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
      res.header(
          HeaderNames.CONTENT_DISPOSITION,
          "attachment; filename=\"vigil-transparency-"
              + r.period().from()
              + "-"
              + r.period().to()
              + ".csv\"");
      res.send(TransparencyFormats.csv(r).getBytes(StandardCharsets.UTF_8));
      return;
    }
    Json.send(res, Status.OK_200, TransparencyFormats.json(r));
  }

  private void page(ServerRequest req, ServerResponse res) {
    TransparencyReport r = report(req.query());
    cacheable(res);
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
    String query = "?from=" + r.period().from() + "&to=" + r.period().to();
    res.send(TransparencyPage.html(r, query).getBytes(StandardCharsets.UTF_8));
  }

  private static void cacheable(ServerResponse res) {
    res.header(HeaderNames.CACHE_CONTROL, "public, max-age=" + FRESHNESS.toSeconds());
  }

  /** The report of the period the query asks for, compiled or from memory. */
  TransparencyReport report(UriQuery q) {
    ReportPeriod period = period(q, clock);
    return compiled.get(period, this::compile);
  }

  static ReportPeriod period(UriQuery q, Clock clock) {
    try {
      return ReportPeriod.parse(
          QueryParams.text(q, "from"), QueryParams.text(q, "to"), clock.instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private TransparencyReport compile(ReportPeriod period) {
    return TransparencyReport.compile(
        period, clock.instant(), enforcement, cases, policy, checkpoint());
  }

  private Optional<PublicCheckpoint> checkpoint() {
    try {
      LogKey key = log.key();
      return log.latestCheckpoint()
          .map(
              c ->
                  new PublicCheckpoint(
                      c, LogKey.verifierKey(key.origin(), key.publicKey()), AuditRoutes.pem(key)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the latest checkpoint: " + e.getMessage(), e);
    }
  }
}
