package org.vigil.http.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.audit.AuditKind;
import org.vigil.cases.Appeal;
import org.vigil.cases.Attachment;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.CaseEvent;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseSites;
import org.vigil.cases.Delivery;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.Rejection;
import org.vigil.cases.RejectionReason;
import org.vigil.cases.Reviewer;
import org.vigil.cases.SignedReview;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.audit.AuditRecorder;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.Role;

/**
 * The back office's routes: the review queue, cases (by id, or by notice number: there is no plate
 * search), their history and signed reviews, review decisions, the appeal queue and decisions, and
 * the delivery outbox. Operators and supervisors review and decide appeals; a second review needs a
 * supervisor (the desk checks it); administrators reach personal data by break-glass only; auditors
 * see histories, signed reviews and no personal data. Only a supervisor closes a case by hand.
 * Every view of personal data is a PERSONAL_DATA_VIEW and every decision a DECISION on the audit
 * trail, recorded before the answer.
 */
public final class CaseRoutes {
  private static final int MAX_BODY = 64 << 10;
  private static final int MAX_LIMIT = 200;
  private static final int MAX_CLOSE_REASON = 500;

  private final CaseDesk desk;
  private final CaseSites sites;
  private final AuditRecorder audit;
  private final Clock clock;

  public CaseRoutes(CaseDesk desk, CaseSites sites, AuditRecorder audit, Clock clock) {
    this.desk = desk;
    this.sites = sites;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Route> routes() {
    Set<Role> readers = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR);
    Set<Role> deciders = Set.of(Role.OPERATOR, Role.SUPERVISOR);
    Set<Role> staff = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR);
    return List.of(
        Route.personalData(Method.GET, "/api/v1/review/queue", readers, this::queue),
        Route.personalData(Method.GET, "/api/v1/cases", readers, this::search),
        Route.personalData(Method.GET, "/api/v1/cases/{id}", readers, this::one),
        new Route(Method.GET, "/api/v1/cases/{id}/history", staff, this::history),
        new Route(Method.GET, "/api/v1/cases/{id}/reviews", staff, this::reviews),
        Route.personalData(Method.POST, "/api/v1/cases/{id}/review", deciders, this::review),
        new Route(Method.POST, "/api/v1/cases/{id}/close", Set.of(Role.SUPERVISOR), this::close),
        Route.personalData(Method.GET, "/api/v1/appeals/queue", readers, this::appealQueue),
        Route.personalData(
            Method.GET, "/api/v1/appeals/{id}/attachments/{index}", readers, this::attachment),
        Route.personalData(
            Method.POST, "/api/v1/appeals/{id}/decision", deciders, this::decideAppeal),
        new Route(Method.GET, "/api/v1/outbox", readers, this::outbox),
        new Route(Method.POST, "/api/v1/outbox/{id}/retry", readers, this::retry));
  }

  private void queue(ServerRequest req, ServerResponse res) {
    List<CaseFile> files = desk.reviewQueue(limit(req));
    audit.record(
        req,
        AuditKind.PERSONAL_DATA_VIEW,
        "review.queue",
        files.isEmpty()
            ? "cases:none"
            : "cases:" + files.getFirst().c().id() + ".." + files.getLast().c().id(),
        files.size() + " cases");
    List<Map<String, Object>> items = new ArrayList<>();
    for (CaseFile f : files) {
      items.add(CaseJson.queued(f, sites));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void search(ServerRequest req, ServerResponse res) {
    String notice = QueryParams.text(req.query(), "notice");
    if (notice == null) {
      throw new BadRequestException(
          "cases are found by notice number only: give ?notice=NUMBER (13 digits)");
    }
    NoticeNumber number;
    try {
      number = NoticeNumber.parse(notice);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    Optional<CaseFile> found = desk.byNotice(number);
    audit.record(
        req,
        AuditKind.PERSONAL_DATA_VIEW,
        "case.search",
        found.map(f -> "case:" + f.c().id()).orElse("notice:" + number.value()),
        found.isPresent() ? "1 case" : "0 cases");
    List<Map<String, Object>> items = new ArrayList<>();
    found.ifPresent(f -> items.add(CaseJson.file(f, desk, sites, clock, true)));
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void one(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a case id");
    CaseFile f = desk.caseFile(id).orElseThrow(() -> notFound("no case '" + id + "'"));
    audit.record(req, AuditKind.PERSONAL_DATA_VIEW, "case.view", "case:" + id, "");
    Map<String, Object> body = CaseJson.file(f, desk, sites, clock, true);
    List<Map<String, Object>> appeals = new ArrayList<>();
    for (Appeal a : desk.appeals(id)) {
      appeals.add(CaseJson.appeal(a));
    }
    body.put("appeals", appeals);
    Json.send(res, Status.OK_200, body);
  }

  private void history(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a case id");
    List<CaseEvent> events = desk.history(id);
    if (events.isEmpty()) {
      throw notFound("no case '" + id + "'");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (CaseEvent e : events) {
      items.add(CaseJson.event(e));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void reviews(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a case id");
    if (desk.history(id).isEmpty()) {
      throw notFound("no case '" + id + "'");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (SignedReview r : desk.reviews(id)) {
      items.add(CaseJson.review(r));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  /** {@code {"decision":"confirm"|"reject","reason":"PLATE_UNREADABLE","note":"…"}}. */
  private void review(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a case id");
    JsonNode body = body(req);
    String decision = body.path("decision").asText("");
    Rejection rejection;
    switch (decision) {
      case "confirm" -> rejection = null;
      case "reject" -> {
        try {
          rejection =
              new Rejection(
                  RejectionReason.parse(body.path("reason").asText(null)),
                  body.path("note").asText(""));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException(e.getMessage());
        }
      }
      default ->
          throw new BadRequestException("decision '" + decision + "' must be confirm or reject");
    }
    CaseDesk.Answer answer = desk.review(id, reviewer(req), rejection);
    if (answer instanceof CaseDesk.Answer.Done) {
      audit.record(
          req,
          AuditKind.DECISION,
          "case.review",
          "case:" + id,
          rejection == null ? "confirm" : "reject " + rejection.reason());
    }
    answer(res, answer);
  }

  /** {@code {"reason":"…"}}: a supervisor closes a finished case (COLLECTION only this way). */
  private void close(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a case id");
    JsonNode body = body(req);
    String reason = body.path("reason").asText("").strip();
    if (reason.isEmpty() || reason.length() > MAX_CLOSE_REASON) {
      throw new BadRequestException(
          "reason must have 1 to " + MAX_CLOSE_REASON + " characters, had " + reason.length());
    }
    CaseDesk.Answer answer = desk.close(id, reviewer(req), reason);
    if (answer instanceof CaseDesk.Answer.Done) {
      audit.record(req, AuditKind.DECISION, "case.close", "case:" + id, "by supervisor");
    }
    answer(res, answer);
  }

  private void appealQueue(ServerRequest req, ServerResponse res) {
    List<Appeal> appeals = desk.appealQueue(limit(req));
    audit.record(
        req,
        AuditKind.PERSONAL_DATA_VIEW,
        "appeal.queue",
        appeals.isEmpty()
            ? "appeals:none"
            : "appeals:" + appeals.getFirst().id() + ".." + appeals.getLast().id(),
        appeals.size() + " appeals");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Appeal a : appeals) {
      Map<String, Object> m = CaseJson.appeal(a);
      desk.caseFile(a.caseId()).ifPresent(f -> m.put("case", CaseJson.queued(f, sites)));
      items.add(m);
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void attachment(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "an appeal id");
    String index = req.path().pathParameters().get("index");
    Appeal a = desk.appeal(id).orElseThrow(() -> notFound("no appeal '" + id + "'"));
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw new BadRequestException("attachment index '" + index + "' is not a whole number");
    }
    if (i < 0 || i >= a.attachments().size()) {
      throw notFound("appeal " + id + " has no attachment " + index);
    }
    Attachment at = a.attachments().get(i);
    audit.record(
        req, AuditKind.PERSONAL_DATA_VIEW, "appeal.attachment", "appeal:" + id, "attachment " + i);
    res.header(HeaderNames.CONTENT_TYPE, at.mediaType());
    res.header(
        HeaderNames.create("Content-Disposition"), "attachment; filename=\"attachment-" + i + "\"");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.send(at.content());
  }

  /** {@code {"outcome":"uphold"|"reject","reasons":"…"}}. */
  private void decideAppeal(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "an appeal id");
    JsonNode body = body(req);
    String outcome = body.path("outcome").asText("");
    boolean upheld =
        switch (outcome) {
          case "uphold" -> true;
          case "reject" -> false;
          default ->
              throw new BadRequestException("outcome '" + outcome + "' must be uphold or reject");
        };
    String reasons = body.path("reasons").asText("");
    if (reasons.isBlank() || reasons.length() > 2000) {
      throw new BadRequestException(
          "reasons must have 1 to 2000 characters, had " + reasons.strip().length());
    }
    CaseDesk.Answer answer = desk.decideAppeal(id, reviewer(req), upheld, reasons);
    if (answer instanceof CaseDesk.Answer.Done done) {
      audit.record(req, AuditKind.DECISION, "appeal.decide", "case:" + done.c().id(), outcome);
    }
    answer(res, answer);
  }

  private void outbox(ServerRequest req, ServerResponse res) {
    String status = QueryParams.text(req.query(), "status");
    Delivery.Status s = null;
    if (status != null) {
      try {
        s = Delivery.Status.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("status '" + status + "' must be pending, sent or failed");
      }
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Delivery d : desk.deliveries(s, limit(req))) {
      items.add(CaseJson.delivery(d));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void retry(ServerRequest req, ServerResponse res) {
    UUID id = id(req, "a delivery id");
    if (!desk.retryDelivery(id)) {
      throw notFound("no failed delivery '" + id + "'");
    }
    audit.record(req, AuditKind.DECISION, "outbox.retry", "delivery:" + id, "");
    Json.send(res, Status.OK_200, Map.of("id", id.toString(), "status", "PENDING"));
  }

  private Reviewer reviewer(ServerRequest req) {
    Accounts.SignedIn user = Guard.user(req);
    return new Reviewer(audit.pseudonym(user.username()), user.role() == Role.SUPERVISOR);
  }

  private void answer(ServerResponse res, CaseDesk.Answer answer) {
    switch (answer) {
      case CaseDesk.Answer.Done done -> {
        Map<String, Object> body = new LinkedHashMap<>(CaseJson.summary(done.c()));
        Json.send(res, Status.OK_200, body);
      }
      case CaseDesk.Answer.Refused r -> Json.error(res, Status.CONFLICT_409, r.reason());
      case CaseDesk.Answer.NotFound nf -> Json.error(res, Status.NOT_FOUND_404, "no " + nf.what());
    }
  }

  private static JsonNode body(ServerRequest req) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(Bodies.read(req, MAX_BODY));
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException("body must be a JSON object");
    }
    return body;
  }

  private static UUID id(ServerRequest req, String what) {
    return QueryParams.uuid(req.path().pathParameters().get("id"), what);
  }

  private static int limit(ServerRequest req) {
    Integer limit = QueryParams.whole(req.query(), "limit");
    if (limit == null) {
      return 50;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit " + limit + " must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  private static BadRequestException notFound(String message) {
    return new BadRequestException(Status.NOT_FOUND_404, message);
  }
}
