package org.vigil.postgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.cases.Appeal;
import org.vigil.cases.Case;
import org.vigil.cases.CaseEvent;
import org.vigil.cases.CaseFile;
import org.vigil.cases.CaseState;
import org.vigil.cases.CaseStore;
import org.vigil.cases.CaseTerms;
import org.vigil.cases.Delivery;
import org.vigil.cases.Effect;
import org.vigil.cases.NoticeNumber;
import org.vigil.cases.Outbox;
import org.vigil.cases.Rejection;
import org.vigil.cases.RejectionReason;
import org.vigil.cases.ReviewDecision;
import org.vigil.cases.SignedReview;
import org.vigil.cases.Transition;
import org.vigil.enforcement.Violation;
import org.vigil.keeper.Keeper;
import org.vigil.notice.Channel;
import org.vigil.payment.IncomingPayment;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.tariff.Outcome;
import org.vigil.transparency.CaseFigures;
import org.vigil.transparency.Cell;
import org.vigil.transparency.ReportPeriod;

/**
 * Cases in PostgreSQL: the {@link CaseStore}, the delivery {@link Outbox} and the transparency
 * report's {@link CaseFigures}. A store failure is an {@link IllegalStateException}.
 *
 * <p>Personal data of a case (its keeper, its appeals' texts and attachments) is sealed under the
 * violation's own data key ({@link Envelopes#reseal}, subject = the case id = the violation id), so
 * that the purge that shreds the violation erases it too: a case whose key is gone reads without
 * its keeper, and its appeals without their text. Nothing here selects, joins or orders by a plate.
 */
public final class PostgresCases implements CaseStore, Outbox, CaseFigures {
  private static final String CASE_COLUMNS =
      "case_file.id, state, version, opened_at, case_file.observed_at, jurisdiction, zone,"
          + " outcome, amount, currency, discounted_amount, discount_days, increased_amount,"
          + " notice_within_days, pay_within_days, escalation_after_days, escalation, basis,"
          + " first_reviewer, rejection_reason, rejection_note, notice_number, notice_day, paid,"
          + " refund_due, keeper, data_key.kek, data_key.wrapped";
  private static final String CASE_FROM =
      " from case_file left join data_key on data_key.subject = case_file.id";
  private static final String MONTH = "to_char(%s at time zone 'UTC', 'YYYY-MM')";

  private final DataSource dataSource;
  private final PostgresViolations violations;
  private final Envelopes envelopes;
  private final Clock clock;

  public PostgresCases(
      DataSource dataSource, PostgresViolations violations, Envelopes envelopes, Clock clock) {
    this.dataSource = dataSource;
    this.violations = violations;
    this.envelopes = envelopes;
    this.clock = clock;
  }

  /** A case row with its keeper opened (when its key is alive). */
  private record Row(Case c, Keeper keeper) {}

  // ------------------------------------------------------------------ CaseStore

  @Override
  public List<Violation> violationsWithoutCase(int limit) {
    try {
      return violations.withoutCase(limit);
    } catch (SQLException e) {
      throw failed("read violations without a case", e);
    }
  }

  @Override
  public boolean open(Transition.Accepted opened) {
    Case c = opened.next();
    CaseTerms t = c.terms();
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try {
        int n;
        try (PreparedStatement ps =
            con.prepareStatement(
                "insert into case_file (id, state, version, opened_at, observed_at, jurisdiction,"
                    + " zone, outcome, amount, currency, discounted_amount, discount_days,"
                    + " increased_amount, notice_within_days, pay_within_days,"
                    + " escalation_after_days, escalation, basis, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (id) do nothing")) {
          ps.setObject(1, c.id());
          ps.setString(2, c.state().name());
          ps.setLong(3, c.version());
          ps.setTimestamp(4, Timestamp.from(c.openedAt()));
          ps.setTimestamp(5, Timestamp.from(c.observedAt()));
          ps.setString(6, t.jurisdiction());
          ps.setString(7, t.zone().getId());
          ps.setString(8, t.outcome().name());
          ps.setBigDecimal(9, t.amount());
          ps.setString(10, t.currency());
          ps.setBigDecimal(11, t.discountedAmount());
          ps.setInt(12, t.discountWithinDays());
          ps.setBigDecimal(13, t.increasedAmount());
          ps.setObject(14, t.noticeWithinDays());
          ps.setInt(15, t.payWithinDays());
          ps.setInt(16, t.escalationAfterDays());
          ps.setString(17, t.escalation());
          ps.setString(18, t.basis());
          ps.setTimestamp(19, Timestamp.from(clock.instant()));
          n = ps.executeUpdate();
        }
        try (PreparedStatement ps =
            con.prepareStatement("update violation set case_opened = true where id = ?")) {
          ps.setObject(1, c.id());
          ps.executeUpdate();
        }
        if (n == 0) {
          con.commit();
          return false;
        }
        insertEvent(con, opened.event());
        con.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        con.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("open case " + c.id(), e);
    }
  }

  @Override
  public Optional<CaseFile> find(UUID id) {
    return files(" where case_file.id = ?", List.of(id)).stream().findFirst();
  }

  @Override
  public Optional<CaseFile> findByNotice(NoticeNumber number) {
    return files(" where notice_number = ?", List.of(number.value())).stream().findFirst();
  }

  @Override
  public List<CaseFile> files(Set<CaseState> states, int limit) {
    return files(
        " where state = any(?) order by case_file.observed_at, case_file.id limit ?",
        List.of(names(states), limit));
  }

  @Override
  public List<Case> cases(Set<CaseState> states, int limit) {
    return rows(
            " where state = any(?) order by case_file.observed_at, case_file.id limit ?",
            List.of(names(states), limit))
        .stream()
        .map(Row::c)
        .toList();
  }

  @Override
  public List<Closable> closable(Set<CaseState> states, Instant quietSince, int limit) {
    return closables(
        " where state = any(?) and updated_at <= ? order by updated_at, case_file.id limit ?",
        List.of(names(states), Timestamp.from(quietSince), limit));
  }

  @Override
  public Optional<Closable> closable(UUID id) {
    return closables(" where case_file.id = ?", List.of(id)).stream().findFirst();
  }

  /**
   * Cases with their last transition ({@code updated_at}, written with every transition) and
   * whether a legal hold is on their violation.
   */
  private List<Closable> closables(String where, List<Object> args) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select "
                    + CASE_COLUMNS
                    + ", case_file.updated_at, exists (select 1 from legal_hold"
                    + " where legal_hold.subject = case_file.id and released_at is null) as held"
                    + CASE_FROM
                    + where)) {
      bind(con, ps, args.toArray());
      List<Closable> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Closable(
                  row(rs).c(), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("held")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("read cases to close", e);
    }
  }

  private static String[] names(Set<CaseState> states) {
    return states.stream().map(Enum::name).toArray(String[]::new);
  }

  private List<CaseFile> files(String where, List<Object> args) {
    List<Row> rows = rows(where, args);
    Map<UUID, Violation> byId;
    try {
      byId = violations.byIds(rows.stream().map(r -> r.c().id()).toList());
    } catch (SQLException e) {
      throw failed("read the violations of cases", e);
    }
    List<CaseFile> files = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Violation v = byId.get(r.c().id());
      if (v != null) {
        files.add(new CaseFile(r.c(), v, r.keeper()));
      }
    }
    return files;
  }

  private List<Row> rows(String where, List<Object> args) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement("select " + CASE_COLUMNS + CASE_FROM + where)) {
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof String[] array) {
          ps.setArray(i + 1, con.createArrayOf("text", array));
        } else {
          ps.setObject(i + 1, a);
        }
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failed("read cases", e);
    }
  }

  private Row row(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    CaseTerms terms =
        new CaseTerms(
            rs.getString("jurisdiction"),
            ZoneId.of(rs.getString("zone")),
            Outcome.valueOf(rs.getString("outcome")),
            rs.getBigDecimal("amount"),
            rs.getString("currency"),
            rs.getBigDecimal("discounted_amount"),
            rs.getInt("discount_days"),
            rs.getBigDecimal("increased_amount"),
            (Integer) rs.getObject("notice_within_days"),
            rs.getInt("pay_within_days"),
            rs.getInt("escalation_after_days"),
            rs.getString("escalation"),
            rs.getString("basis"));
    String reason = rs.getString("rejection_reason");
    String number = rs.getString("notice_number");
    LocalDate noticeDay = rs.getObject("notice_day", LocalDate.class);
    Case c =
        new Case(
            id,
            CaseState.valueOf(rs.getString("state")),
            rs.getLong("version"),
            rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("observed_at").toInstant(),
            terms,
            rs.getString("first_reviewer"),
            reason == null
                ? null
                : new Rejection(RejectionReason.valueOf(reason), rs.getString("rejection_note")),
            number == null ? null : new NoticeNumber(number),
            noticeDay,
            rs.getBigDecimal("paid"),
            rs.getBigDecimal("refund_due"));
    Keeper keeper =
        open(id, rs.getBytes("keeper"), rs.getString("kek"), rs.getBytes("wrapped"))
            .map(CaseSeals::keeper)
            .orElse(null);
    return new Row(c, keeper);
  }

  private Optional<byte[]> open(UUID subject, byte[] sealed, String kek, byte[] wrapped) {
    if (sealed == null || kek == null || wrapped == null) {
      return Optional.empty();
    }
    return envelopes.open(subject, sealed, wrapped, KeyId.parse(kek));
  }

  /** Seals {@code plain} under the case's (violation's) data key, in {@code con}'s transaction. */
  private byte[] seal(Connection con, UUID subject, byte[] plain) throws SQLException {
    try (PreparedStatement ps =
        con.prepareStatement("select kek, wrapped from data_key where subject = ?")) {
      ps.setObject(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          Optional<byte[]> sealed =
              envelopes.reseal(subject, plain, rs.getBytes(2), KeyId.parse(rs.getString(1)));
          if (sealed.isPresent()) {
            return sealed.get();
          }
        }
      }
    }
    throw new IllegalStateException(
        "case " + subject + ": its data key was shredded; no personal data can be added");
  }

  @Override
  public List<CaseEvent> history(UUID id) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select from_state, to_state, action, actor, at, reason, code from case_event"
                    + " where case_id = ? order by id")) {
      ps.setObject(1, id);
      List<CaseEvent> events = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(
              new CaseEvent(
                  id,
                  CaseState.valueOf(rs.getString(1)),
                  CaseState.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
      return events;
    } catch (SQLException e) {
      throw failed("read the history of case " + id, e);
    }
  }

  @Override
  public List<SignedReview> reviews(UUID id) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select stage, decision, reason, note, reviewer, at, evidence, signature,"
                    + " public_key from review_decision where case_id = ? order by id")) {
      ps.setObject(1, id);
      List<SignedReview> reviews = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reviews.add(
              new SignedReview(
                  new ReviewDecision(
                      id,
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getTimestamp(6).toInstant(),
                      rs.getString(7)),
                  rs.getBytes(8),
                  rs.getBytes(9)));
        }
      }
      return reviews;
    } catch (SQLException e) {
      throw failed("read the reviews of case " + id, e);
    }
  }

  @Override
  public List<Boolean> recentDecisions(String reviewer, int limit) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select decision = 'reject' from review_decision where reviewer = ?"
                    + " and stage = 'first' order by at desc, id desc limit ?")) {
      ps.setString(1, reviewer);
      ps.setInt(2, limit);
      List<Boolean> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getBoolean(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("read a reviewer's decisions", e);
    }
  }

  @Override
  public void registerReviewerKey(String reviewer, byte[] publicKey) {
    update(
        "insert into reviewer_key (reviewer, public_key, created_at) values (?, ?, ?)"
            + " on conflict do nothing",
        reviewer,
        publicKey,
        Timestamp.from(clock.instant()));
  }

  /** Every public key a reviewer has had (X.509 DER), oldest first. */
  public List<byte[]> reviewerKeys(String reviewer) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select public_key from reviewer_key where reviewer = ? order by created_at")) {
      ps.setString(1, reviewer);
      List<byte[]> keys = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getBytes(1));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw failed("read a reviewer's keys", e);
    }
  }

  @Override
  public Set<String> paymentKeys(UUID caseId) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement(
                "select source || ':' || source_id from payment where case_id = ?")) {
      ps.setObject(1, caseId);
      Set<String> keys = new LinkedHashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw failed("read the payments of case " + caseId, e);
    }
  }

  @Override
  public Commit commit(Transition.Accepted step, long expectedVersion, List<Effect> effects) {
    Case c = step.next();
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try {
        Commit early = effects(con, c, effects);
        if (early != Commit.DONE) {
          con.rollback();
          return early;
        }
        int n;
        try (PreparedStatement ps =
            con.prepareStatement(
                "update case_file set state = ?, version = ?, first_reviewer = ?,"
                    + " rejection_reason = ?, rejection_note = ?, notice_number = ?,"
                    + " notice_day = ?, paid = ?, refund_due = ?, updated_at = ?"
                    + " where id = ? and version = ?")) {
          ps.setString(1, c.state().name());
          ps.setLong(2, c.version());
          ps.setString(3, c.firstReviewer());
          ps.setString(4, c.rejection() == null ? null : c.rejection().reason().name());
          ps.setString(5, c.rejection() == null ? null : c.rejection().note());
          ps.setString(6, c.notice() == null ? null : c.notice().value());
          ps.setObject(7, c.noticeDay());
          ps.setBigDecimal(8, c.paid());
          ps.setBigDecimal(9, c.refundDue());
          ps.setTimestamp(10, Timestamp.from(clock.instant()));
          ps.setObject(11, c.id());
          ps.setLong(12, expectedVersion);
          n = ps.executeUpdate();
        }
        if (n == 0) {
          con.rollback();
          return Commit.STALE;
        }
        insertEvent(con, step.event());
        con.commit();
        return Commit.DONE;
      } catch (SQLException | RuntimeException e) {
        con.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("write a transition of case " + c.id(), e);
    }
  }

  private Commit effects(Connection con, Case c, List<Effect> effects) throws SQLException {
    Instant now = clock.instant();
    for (Effect e : effects) {
      switch (e) {
        case Effect.Review r -> {
          ReviewDecision d = r.review().decision();
          try (PreparedStatement ps =
              con.prepareStatement(
                  "insert into review_decision (case_id, stage, decision, reason, note, reviewer,"
                      + " at, evidence, signature, public_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, d.caseId());
            ps.setString(2, d.stage());
            ps.setString(3, d.decision());
            ps.setString(4, d.reason());
            ps.setString(5, d.note());
            ps.setString(6, d.reviewer());
            ps.setTimestamp(7, Timestamp.from(d.at()));
            ps.setString(8, d.evidence());
            ps.setBytes(9, r.review().signature());
            ps.setBytes(10, r.review().publicKey());
            ps.executeUpdate();
          }
        }
        case Effect.KeeperFound k -> {
          try (PreparedStatement ps =
              con.prepareStatement("update case_file set keeper = ? where id = ?")) {
            ps.setBytes(1, seal(con, c.id(), CaseSeals.keeper(k.keeper())));
            ps.setObject(2, c.id());
            ps.executeUpdate();
          }
        }
        case Effect.Notice n -> {
          try (PreparedStatement ps =
              con.prepareStatement(
                  "insert into notice (number, case_id, issued_on, issued_at, channels)"
                      + " values (?, ?, ?, ?, ?) on conflict (number) do nothing")) {
            ps.setString(1, c.notice().value());
            ps.setObject(2, c.id());
            ps.setObject(3, c.noticeDay());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setArray(
                5,
                con.createArrayOf(
                    "text", n.channels().stream().map(Enum::name).toArray(String[]::new)));
            if (ps.executeUpdate() == 0) {
              return Commit.NOTICE_NUMBER_TAKEN;
            }
          }
          try (PreparedStatement ps =
              con.prepareStatement(
                  "insert into notice_delivery (id, case_id, channel, status, next_attempt_at,"
                      + " created_at) values (?, ?, ?, 'PENDING', ?, ?)")) {
            for (Channel ch : n.channels()) {
              ps.setObject(1, UUID.randomUUID());
              ps.setObject(2, c.id());
              ps.setString(3, ch.name());
              ps.setTimestamp(4, Timestamp.from(now));
              ps.setTimestamp(5, Timestamp.from(now));
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        case Effect.Payment p -> {
          if (!insertPayment(
              con, p.payment(), c.id(), p.settlement().kind().name(), p.settlement().refund())) {
            return Commit.DUPLICATE_PAYMENT;
          }
        }
        case Effect.AppealFiled f -> {
          Appeal a = f.appeal();
          try (PreparedStatement ps =
              con.prepareStatement(
                  "insert into appeal (id, case_id, filed_at, sealed, attachments, status)"
                      + " values (?, ?, ?, ?, ?, 'FILED')")) {
            ps.setObject(1, a.id());
            ps.setObject(2, a.caseId());
            ps.setTimestamp(3, Timestamp.from(a.filedAt()));
            ps.setBytes(4, seal(con, a.caseId(), CaseSeals.appeal(a.text(), a.attachments())));
            ps.setInt(5, a.attachments().size());
            ps.executeUpdate();
          }
        }
        case Effect.Retain r ->
            DataKeys.retain(con, envelopes, c.id(), r.retentionClass(), r.expiresOn());
        case Effect.AppealDecided d -> {
          Appeal a = d.appeal();
          try (PreparedStatement ps =
              con.prepareStatement(
                  "update appeal set status = ?, decided_by = ?, decided_at = ?, reasons = ?"
                      + " where id = ? and status = 'FILED'")) {
            ps.setString(1, a.status().name());
            ps.setString(2, a.decidedBy());
            ps.setTimestamp(3, Timestamp.from(a.decidedAt()));
            ps.setString(4, a.reasons());
            ps.setObject(5, a.id());
            if (ps.executeUpdate() == 0) {
              return Commit.STALE;
            }
          }
        }
      }
    }
    return Commit.DONE;
  }

  private boolean insertPayment(
      Connection con, IncomingPayment p, UUID caseId, String kind, BigDecimal refund)
      throws SQLException {
    try (PreparedStatement ps =
        con.prepareStatement(
            "insert into payment (source, source_id, case_id, reference, amount, currency,"
                + " paid_at, recorded_at, kind, refund) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (source, source_id) do nothing")) {
      ps.setString(1, p.source().name());
      ps.setString(2, p.sourceId());
      ps.setObject(3, caseId);
      ps.setString(
          4, p.reference().length() > 100 ? p.reference().substring(0, 100) : p.reference());
      ps.setBigDecimal(5, p.amount());
      ps.setString(6, p.currency());
      ps.setTimestamp(7, Timestamp.from(p.paidAt()));
      ps.setTimestamp(8, Timestamp.from(clock.instant()));
      ps.setString(9, kind);
      ps.setBigDecimal(10, refund);
      return ps.executeUpdate() == 1;
    }
  }

  private static void insertEvent(Connection con, CaseEvent e) throws SQLException {
    try (PreparedStatement ps =
        con.prepareStatement(
            "insert into case_event (case_id, from_state, to_state, action, actor, at, reason,"
                + " code) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, e.caseId());
      ps.setString(2, e.from().name());
      ps.setString(3, e.to().name());
      ps.setString(4, e.action());
      ps.setString(5, e.actor());
      ps.setTimestamp(6, Timestamp.from(e.at()));
      ps.setString(7, e.reason());
      ps.setString(8, e.code());
      ps.executeUpdate();
    }
  }

  @Override
  public boolean recordUnmatched(IncomingPayment p) {
    try (Connection con = dataSource.getConnection()) {
      return insertPayment(con, p, null, "UNMATCHED", p.amount());
    } catch (SQLException e) {
      throw failed("record an unmatched payment", e);
    }
  }

  private static final String APPEAL_COLUMNS =
      "appeal.id, appeal.case_id, filed_at, sealed, status, decided_by, decided_at, reasons,"
          + " data_key.kek, data_key.wrapped";
  private static final String APPEAL_FROM =
      " from appeal left join data_key on data_key.subject = appeal.case_id";

  @Override
  public List<Appeal> appeals(UUID caseId) {
    return appealRows(" where appeal.case_id = ? order by filed_at", caseId);
  }

  @Override
  public Optional<Appeal> appeal(UUID id) {
    return appealRows(" where appeal.id = ?", id).stream().findFirst();
  }

  @Override
  public List<Appeal> appealQueue(int limit) {
    return appealRows(
        " join case_file on case_file.id = appeal.case_id where appeal.status = 'FILED'"
            + " and case_file.state = 'APPEALED' order by filed_at limit ?",
        limit);
  }

  private List<Appeal> appealRows(String where, Object arg) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps =
            con.prepareStatement("select " + APPEAL_COLUMNS + APPEAL_FROM + where)) {
      ps.setObject(1, arg);
      List<Appeal> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          UUID caseId = rs.getObject(2, UUID.class);
          CaseSeals.AppealContent content =
              open(caseId, rs.getBytes(4), rs.getString(9), rs.getBytes(10))
                  .map(CaseSeals::appeal)
                  .orElse(new CaseSeals.AppealContent(Appeal.SHREDDED, List.of()));
          Timestamp decidedAt = rs.getTimestamp(7);
          out.add(
              new Appeal(
                  id,
                  caseId,
                  rs.getTimestamp(3).toInstant(),
                  content.text(),
                  content.attachments(),
                  Appeal.Status.valueOf(rs.getString(5)),
                  rs.getString(6),
                  decidedAt == null ? null : decidedAt.toInstant(),
                  rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("read appeals", e);
    }
  }

  // ------------------------------------------------------------------ Outbox

  private static final String DELIVERY_COLUMNS =
      "id, case_id, channel, status, attempts, next_attempt_at, last_error, created_at, sent_at";

  @Override
  public List<Delivery> due(Set<Channel> channels, Instant now, int limit) {
    return deliveries(
        "select "
            + DELIVERY_COLUMNS
            + " from notice_delivery where status = 'PENDING' and next_attempt_at <= ?"
            + " and channel = any(?) order by next_attempt_at, id limit ?",
        Timestamp.from(now),
        channels.stream().map(Enum::name).toArray(String[]::new),
        limit);
  }

  @Override
  public void sent(UUID id, Instant at) {
    update(
        "update notice_delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?,"
            + " next_attempt_at = null, last_error = null where id = ?",
        Timestamp.from(at),
        id);
  }

  @Override
  public void failed(UUID id, String error, Instant nextAttemptAt, Instant at) {
    String e = error == null ? "" : error;
    update(
        "update notice_delivery set attempts = attempts + 1, last_error = ?, status = ?,"
            + " next_attempt_at = ? where id = ?",
        e.length() > 500 ? e.substring(0, 500) : e,
        nextAttemptAt == null ? "FAILED" : "PENDING",
        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
        id);
  }

  @Override
  public List<Delivery> list(Delivery.Status status, int limit) {
    return status == null
        ? deliveries(
            "select "
                + DELIVERY_COLUMNS
                + " from notice_delivery order by created_at desc, id"
                + " limit ?",
            limit)
        : deliveries(
            "select "
                + DELIVERY_COLUMNS
                + " from notice_delivery where status = ? order by created_at desc, id limit ?",
            status.name(),
            limit);
  }

  @Override
  public boolean retry(UUID id, Instant now) {
    return update(
            "update notice_delivery set status = 'PENDING', next_attempt_at = ?"
                + " where id = ? and status = 'FAILED'",
            Timestamp.from(now),
            id)
        == 1;
  }

  private List<Delivery> deliveries(String sql, Object... args) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(sql)) {
      bind(con, ps, args);
      List<Delivery> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp next = rs.getTimestamp(6);
          Timestamp sent = rs.getTimestamp(9);
          out.add(
              new Delivery(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  Channel.valueOf(rs.getString(3)),
                  Delivery.Status.valueOf(rs.getString(4)),
                  rs.getInt(5),
                  next == null ? null : next.toInstant(),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant(),
                  sent == null ? null : sent.toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("read the outbox", e);
    }
  }

  // ------------------------------------------------------------------ CaseFigures

  @Override
  public Optional<List<Cell>> notices(ReportPeriod period) {
    return Optional.of(
        counts(
            "select "
                + MONTH.formatted("issued_at")
                + ", 'issued', count(*) from notice where issued_at >= ? and issued_at < ?"
                + " group by 1 union all select "
                + MONTH.formatted("at")
                + ", case to_state when 'PAID' then 'paid' else 'cancelled' end, count(*)"
                + " from case_event where to_state in ('PAID', 'CANCELLED')"
                + " and from_state <> to_state and at >= ? and at < ? group by 1, 2"
                + " order by 1, 2",
            period,
            2));
  }

  @Override
  public Optional<List<Cell>> appeals(ReportPeriod period) {
    return Optional.of(
        counts(
            "select "
                + MONTH.formatted("filed_at")
                + ", 'filed', count(*) from appeal where filed_at >= ? and filed_at < ?"
                + " group by 1 union all select "
                + MONTH.formatted("decided_at")
                + ", 'upheld', count(*) from appeal where status = 'UPHELD'"
                + " and decided_at >= ? and decided_at < ? group by 1 order by 1, 2",
            period,
            2));
  }

  @Override
  public Optional<List<Cell>> reviewRejections(ReportPeriod period) {
    return Optional.of(
        counts(
            "select "
                + MONTH.formatted("at")
                + ", code, count(*) from case_event where to_state = 'REJECTED'"
                + " and from_state <> 'REJECTED' and at >= ? and at < ? group by 1, 2"
                + " order by 1, 2",
            period,
            1));
  }

  /** Runs a count query whose every period pair is ({@code start}, {@code end}). */
  private List<Cell> counts(String sql, ReportPeriod period, int pairs) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(sql)) {
      for (int i = 0; i < pairs; i++) {
        ps.setTimestamp(2 * i + 1, Timestamp.from(period.start()));
        ps.setTimestamp(2 * i + 2, Timestamp.from(period.end()));
      }
      List<Cell> cells = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String value = rs.getString(2);
          cells.add(
              Cell.of(
                  YearMonth.parse(rs.getString(1)),
                  List.of(value == null ? "UNKNOWN" : value),
                  rs.getLong(3)));
        }
      }
      return cells;
    } catch (SQLException e) {
      throw failed("count cases", e);
    }
  }

  // ------------------------------------------------------------------ helpers

  private int update(String sql, Object... args) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(sql)) {
      bind(con, ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed("write", e);
    }
  }

  private static void bind(Connection con, PreparedStatement ps, Object... args)
      throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof String[] array) {
        ps.setArray(i + 1, con.createArrayOf("text", array));
      } else if (args[i] instanceof byte[] bytes) {
        ps.setBytes(i + 1, bytes);
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException(
        "cannot " + what + ": " + e.getMessage() + " (" + e.getSQLState() + ")", e);
  }
}
