package org.vigil.http.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cases.Appeal;
import org.vigil.cases.Attachment;
import org.vigil.cases.Case;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.CaseEvent;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseSites;
import org.vigil.cases.CaseTerms;
import org.vigil.cases.Delivery;
import org.vigil.cases.SignedReview;
import org.vigil.enforcement.Violation;
import org.vigil.http.violations.ViolationRoutes;
import org.vigil.keeper.Keeper;

/** The JSON forms of cases and what hangs on them, as openapi.yaml documents them. */
final class CaseJson {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private CaseJson() {}

  /** A case with its evidence, amounts, deadlines and flags; the keeper when {@code withKeeper}. */
  static Map<String, Object> file(
      CaseFile f, CaseDesk desk, CaseSites sites, Clock clock, boolean withKeeper) {
    Case c = f.c();
    Map<String, Object> m = summary(c);
    CaseTerms t = c.terms();
    Map<String, Object> amounts = new LinkedHashMap<>();
    amounts.put("outcome", t.outcome().name());
    amounts.put("amount", t.amount());
    amounts.put("currency", t.currency());
    amounts.put("discountedAmount", t.discountedAmount());
    amounts.put("discountWithinDays", t.discountWithinDays());
    amounts.put("increasedAmount", t.increasedAmount());
    amounts.put("paid", c.paid());
    amounts.put("balanceDue", c.balanceAt(clock.instant()));
    amounts.put("refundDue", c.refundDue());
    amounts.put("basis", t.basis());
    m.put("amounts", amounts);
    Map<String, Object> deadlines = new LinkedHashMap<>();
    LocalDate noticeBy = desk.noticeDeadline(c);
    deadlines.put("noticeBy", str(noticeBy));
    deadlines.put("zone", t.zone().getId());
    if (c.noticeDay() != null) {
      deadlines.put("discountLastDay", str(t.discountLastDay(c.noticeDay())));
      deadlines.put("payBy", str(t.payBy(c.noticeDay())));
      deadlines.put("escalationAfter", str(t.escalationDay(c.noticeDay())));
    }
    deadlines.put("escalation", t.escalation());
    m.put("deadlines", deadlines);
    List<String> flags = new ArrayList<>();
    switch (desk.deadlineStanding(c)) {
      case NEAR -> flags.add("NOTICE_DEADLINE_NEAR");
      case PASSED -> flags.add("NOTICE_DEADLINE_PASSED");
      default -> {}
    }
    if (c.refundDue().signum() > 0) {
      flags.add("REFUND_DUE");
    }
    m.put("flags", flags);
    Violation v = f.violation();
    Map<String, Object> evidence = ViolationRoutes.json(v);
    evidence.put("place", sites.place(v));
    evidence.put("camera", camera(sites, v));
    m.put("evidence", evidence);
    if (withKeeper) {
      m.put("keeper", f.keeper() == null ? null : keeper(f.keeper()));
    }
    return m;
  }

  static Map<String, Object> summary(Case c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id().toString());
    m.put("state", c.state().name());
    m.put("version", c.version());
    m.put("openedAt", c.openedAt().toString());
    m.put("observedAt", c.observedAt().toString());
    m.put("jurisdiction", c.terms().jurisdiction());
    m.put("notice", c.notice() == null ? null : c.notice().value());
    m.put("noticeDay", str(c.noticeDay()));
    m.put("firstReviewer", c.firstReviewer());
    if (c.rejection() != null) {
      m.put(
          "rejection",
          Map.of("reason", c.rejection().reason().name(), "note", c.rejection().note()));
    }
    return m;
  }

  /** A queue entry: the case and a summary of its evidence. */
  static Map<String, Object> queued(CaseFile f, CaseSites sites) {
    Map<String, Object> m = summary(f.c());
    Violation v = f.violation();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", v.type().name());
    e.put("place", sites.place(v));
    e.put("plate", v.shredded() ? null : v.plate().text());
    e.put("measuredSpeedKmh", Double.isNaN(v.measuredSpeedKmh()) ? null : v.measuredSpeedKmh());
    e.put("limitKmh", v.limit().limitKmh());
    e.put("toleranceKmh", v.limit().toleranceKmh());
    e.put("detail", v.detail());
    e.put(
        "retainedSpeedKmh",
        v.fine() == null || Double.isNaN(v.fine().retainedSpeedKmh())
            ? null
            : v.fine().retainedSpeedKmh());
    e.put("camera", camera(sites, v));
    m.put("evidence", e);
    return m;
  }

  static Map<String, Object> camera(CaseSites sites, Violation v) {
    return sites
        .camera(v)
        .<Map<String, Object>>map(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("cameraId", s.cameraId());
              m.put("calibrationValidUntil", str(s.calibrationValidUntil()));
              m.put(
                  "calibrationValidAtOffence",
                  s.calibrationValidUntil() == null
                      ? null
                      : !v.observedAt()
                          .atZone(java.time.ZoneOffset.UTC)
                          .toLocalDate()
                          .isAfter(s.calibrationValidUntil()));
              m.put("clockOffsetMs", s.clockOffsetMs());
              m.put(
                  "clockStatus",
                  s.clockOffsetMs() == null
                      ? "UNKNOWN"
                      : Math.abs(s.clockOffsetMs()) > s.maxClockDriftMs() ? "DRIFTING" : "IN_SYNC");
              return m;
            })
        .orElse(null);
  }

  static Map<String, Object> keeper(Keeper k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", k.name());
    m.put("address", Map.of("lines", k.address().lines(), "country", k.address().country()));
    m.put("email", k.email());
    m.put("phone", k.phone());
    m.put("language", k.language().tag());
    return m;
  }

  static Map<String, Object> event(CaseEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", e.from().name());
    m.put("to", e.to().name());
    m.put("action", e.action());
    m.put("actor", e.actor());
    m.put("at", e.at().toString());
    m.put("reason", e.reason());
    m.put("code", e.code());
    return m;
  }

  static Map<String, Object> review(SignedReview r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caseId", r.decision().caseId().toString());
    m.put("stage", r.decision().stage());
    m.put("decision", r.decision().decision());
    m.put("reason", r.decision().reason());
    m.put("note", r.decision().note());
    m.put("reviewer", r.decision().reviewer());
    m.put("at", r.decision().at().toString());
    m.put("evidence", r.decision().evidence());
    m.put("canonical", r.decision().canonical());
    m.put("signature", B64.encodeToString(r.signature()));
    m.put("publicKey", B64.encodeToString(r.publicKey()));
    m.put("algorithm", "Ed25519");
    m.put("verified", r.verifies());
    return m;
  }

  static Map<String, Object> appeal(Appeal a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().toString());
    m.put("caseId", a.caseId().toString());
    m.put("filedAt", a.filedAt().toString());
    m.put("status", a.status().name());
    m.put("text", a.text());
    List<Map<String, Object>> files = new ArrayList<>();
    for (int i = 0; i < a.attachments().size(); i++) {
      Attachment at = a.attachments().get(i);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("index", i);
      f.put("name", at.name());
      f.put("mediaType", at.mediaType());
      f.put("bytes", at.content().length);
      files.add(f);
    }
    m.put("attachments", files);
    m.put("decidedBy", a.decidedBy());
    m.put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString());
    m.put("reasons", a.reasons());
    return m;
  }

  static Map<String, Object> delivery(Delivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id().toString());
    m.put("caseId", d.caseId().toString());
    m.put("channel", d.channel().name());
    m.put("status", d.status().name());
    m.put("attempts", d.attempts());
    m.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
    m.put("lastError", d.lastError());
    m.put("createdAt", d.createdAt().toString());
    m.put("sentAt", d.sentAt() == null ? null : d.sentAt().toString());
    return m;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
