package org.vigil.http.cases;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.audit.AuditKind;
import org.vigil.audit.Hash;
import org.vigil.cases.CaseDesk;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Role;
import org.vigil.payment.BankStatementParser;
import org.vigil.payment.IncomingPayment;
import org.vigil.payment.PaymentWebhook;

/**
 * Payments by reference: {@code POST /api/v1/payments/webhook} for the provider (no staff role: the
 * {@link PaymentWebhook} checks its signature) and {@code POST /api/v1/payments/statements} for a
 * bank statement (CSV, read by the {@link BankStatementParser}). Either port may be absent: its
 * route then answers 503. Duplicates (same source and id, e.g. a replayed webhook) are answered as
 * such and change nothing.
 */
public final class PaymentRoutes {
  private static final int MAX_WEBHOOK = 64 << 10;
  private static final int MAX_STATEMENT = 8 << 20;

  private final CaseDesk desk;
  private final Optional<PaymentWebhook> webhook;
  private final Optional<BankStatementParser> statements;
  private final AuditRecorder audit;

  public PaymentRoutes(
      CaseDesk desk,
      Optional<PaymentWebhook> webhook,
      Optional<BankStatementParser> statements,
      AuditRecorder audit) {
    this.desk = desk;
    this.webhook = webhook;
    this.statements = statements;
    this.audit = audit;
  }

  public List<Route> routes() {
    return List.of(
        Route.open(Method.POST, "/api/v1/payments/webhook", this::webhook),
        new Route(
            Method.POST,
            "/api/v1/payments/statements",
            Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR),
            this::statement));
  }

  private void webhook(ServerRequest req, ServerResponse res) {
    if (webhook.isEmpty()) {
      Json.error(res, Status.SERVICE_UNAVAILABLE_503, "no payment provider is configured");
      return;
    }
    byte[] body = Bodies.read(req, MAX_WEBHOOK);
    Map<String, String> headers = new LinkedHashMap<>();
    req.headers().forEach(h -> headers.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.get()));
    switch (webhook.get().verify(headers, body)) {
      case PaymentWebhook.Verdict.Rejected r ->
          Json.error(res, Status.UNAUTHORIZED_401, "webhook refused: " + r.reason());
      case PaymentWebhook.Verdict.Accepted a -> {
        CaseDesk.PaymentResult result = desk.pay(a.payment());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result.kind().name());
        m.put("message", result.message());
        Json.send(res, Status.OK_200, m);
      }
    }
  }

  private void statement(ServerRequest req, ServerResponse res) {
    if (statements.isEmpty()) {
      Json.error(res, Status.SERVICE_UNAVAILABLE_503, "no bank statement format is configured");
      return;
    }
    String type = Bodies.mediaType(req);
    if (!type.equals("text/csv")) {
      throw new BadRequestException(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "a bank statement is sent as text/csv, was '" + type + "'");
    }
    byte[] csv = Bodies.read(req, MAX_STATEMENT);
    BankStatementParser.Parsed parsed = statements.get().parse(csv);
    if (parsed.payments().isEmpty() && !parsed.problems().isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", 400);
      m.put("error", "the statement holds no usable payment");
      m.put("problems", parsed.problems());
      Json.send(res, Status.BAD_REQUEST_400, m);
      return;
    }
    Map<CaseDesk.PaymentKind, Integer> counts = new EnumMap<>(CaseDesk.PaymentKind.class);
    for (CaseDesk.PaymentKind k : CaseDesk.PaymentKind.values()) {
      counts.put(k, 0);
    }
    for (IncomingPayment p : parsed.payments()) {
      counts.merge(desk.pay(p).kind(), 1, Integer::sum);
    }
    String digest =
        HexFormat.of().formatHex(Hash.sha256(csv).bytes(), 0, 8).toLowerCase(Locale.ROOT);
    audit.record(
        req,
        AuditKind.DECISION,
        "payments.import",
        "statement:sha256-" + digest,
        parsed.payments().size() + " payments");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("payments", parsed.payments().size());
    m.put("results", counts);
    m.put("problems", parsed.problems());
    Json.send(res, Status.OK_200, m);
  }
}
