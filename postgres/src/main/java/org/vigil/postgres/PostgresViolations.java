package org.vigil.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Observation;
import org.vigil.enforcement.SectionPassage;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.enforcement.ViolationType;
import org.vigil.plate.Plate;
import org.vigil.retention.Envelopes;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;
import org.vigil.site.SpeedLimit;

/**
 * Violations in PostgreSQL: recorded with group commit, read back with filters and cursor paging.
 *
 * <p>Design: {@link #record} only queues; one writer thread takes everything queued, writes it in
 * one transaction with one statement ({@code insert ... select from unnest(...)}, {@code on
 * conflict do nothing returning id}) and completes every waiting stage after the commit. Many
 * concurrent requests thus share one commit, and the cost of a commit is paid per batch, not per
 * violation.
 *
 * <p>Personal data (plate, event ids, who read a plate by hand) is never stored in clear: the
 * writer thread seals it per violation under the violation's own data key ({@link Envelopes}),
 * wrapped by the CASE key of the violation's expiry day, and stores the wrapped key in {@code
 * data_key} in the same transaction. Reading opens the envelope; a violation whose key was
 * destroyed reads as {@linkplain Violation#shredded() shredded}, with its facts and without its
 * plate and event ids.
 */
public final class PostgresViolations implements ViolationRecorder, AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();
  private static final Logger LOG = LoggerFactory.getLogger(PostgresViolations.class);
  private static final int MAX_ROWS_PER_COMMIT = 5_000;

  private static final String INSERT =
      """
      insert into violation (id, type, camera_id, section_id, personal,
                             observed_at, measured_speed_kmh, limit_kmh, tolerance_kmh,
                             entry_at, distance_m, vehicle_class, lane, confidence,
                             signal_state, red_elapsed_ms, direction, detail, holds, held,
                             needs_manual_read, retained_speed_kmh, fine_outcome, fine_amount,
                             fine_currency, fine_discounted, fine_discount_days, fine_basis,
                             fine_explanation)
      select u.id::uuid, u.type, u.camera_id, u.section_id, decode(u.personal, 'hex'),
             u.observed_at::timestamptz, u.speed, u.limit_kmh, u.tolerance_kmh,
             u.entry_at::timestamptz, u.distance_m,
             u.vehicle_class, u.lane, u.confidence, u.signal_state, u.red_elapsed_ms,
             u.direction, u.detail, u.holds::jsonb, u.held, u.needs_manual_read,
             u.retained, u.fine_outcome, u.fine_amount::numeric, u.fine_currency,
             u.fine_discounted::numeric, u.fine_discount_days, u.fine_basis, u.fine_explanation
      from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::float8[], ?::int4[], ?::int4[], ?::text[], ?::float8[],
                  ?::text[], ?::int4[], ?::float8[], ?::text[], ?::int8[], ?::text[], ?::text[],
                  ?::text[], ?::bool[], ?::bool[], ?::float8[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::int4[], ?::text[], ?::text[])
           as u(id, type, camera_id, section_id, personal, observed_at, speed,
                limit_kmh, tolerance_kmh, entry_at, distance_m, vehicle_class, lane,
                confidence, signal_state, red_elapsed_ms, direction, detail, holds, held,
                needs_manual_read, retained, fine_outcome, fine_amount, fine_currency,
                fine_discounted, fine_discount_days, fine_basis, fine_explanation)
      on conflict (id) do nothing
      returning id
      """;

  private static final String INSERT_KEYS =
      """
      insert into data_key (subject, kek, wrapped, retention_class, expires_on)
      select u.subject::uuid, u.kek, decode(u.wrapped, 'hex'), u.retention_class,
             u.expires_on::date
      from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           as u(subject, kek, wrapped, retention_class, expires_on)
      where u.subject::uuid = any(?::uuid[])
      """;

  private static final String COLUMNS =
      "id, type, camera_id, section_id, personal, observed_at,"
          + " measured_speed_kmh, limit_kmh, tolerance_kmh, entry_at, distance_m,"
          + " vehicle_class, lane, confidence, signal_state, red_elapsed_ms, direction, detail,"
          + " holds, retained_speed_kmh, fine_outcome, fine_amount, fine_currency,"
          + " fine_discounted, fine_discount_days, fine_basis, fine_explanation, kek, wrapped";

  /** The violation and its wrapped data key, if it still has one. */
  private static final String FROM = " from violation left join data_key on data_key.subject = id";

  private record Pending(List<Violation> violations, CompletableFuture<Set<UUID>> done) {}

  private final DataSource dataSource;
  private final Envelopes envelopes;
  private final RetentionPolicy policy;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param envelopes seals each violation's personal data under its own data key, wrapped by the
   *     CASE key of its expiry day
   * @param policy the retention policy that gives that day
   */
  public PostgresViolations(DataSource dataSource, Envelopes envelopes, RetentionPolicy policy) {
    this.dataSource = dataSource;
    this.envelopes = envelopes;
    this.policy = policy;
    this.writer = Thread.ofPlatform().name("violation-writer").daemon().start(this::writeLoop);
  }

  @Override
  public CompletionStage<Set<UUID>> record(List<Violation> violations) {
    if (violations.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    CompletableFuture<Set<UUID>> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the violation store is closed"));
      return done;
    }
    queue.add(new Pending(List.copyOf(violations), done));
    return done;
  }

  /** Reads one page of violations, in order of observation time and id. */
  public ViolationPage find(ViolationQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(FROM);
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (q.from() != null) {
      where.add("observed_at >= ?");
      args.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      where.add("observed_at < ?");
      args.add(Timestamp.from(q.to()));
    }
    if (q.type() != null) {
      where.add("type = ?");
      args.add(q.type().name());
    }
    if (q.cameraId() != null) {
      where.add("camera_id = ?");
      args.add(q.cameraId());
    }
    if (q.sectionId() != null) {
      where.add("section_id = ?");
      args.add(q.sectionId());
    }
    if (q.held() != null) {
      where.add("held = ?");
      args.add(q.held());
    }
    if (q.manualRead() != null) {
      where.add("needs_manual_read = ?");
      args.add(q.manualRead());
    }
    if (q.after() != null) {
      where.add("(observed_at, id) > (?, ?)");
      args.add(Timestamp.from(q.after().observedAt()));
      args.add(q.after().id());
    }
    if (!where.isEmpty()) {
      sql.append(" where ").append(String.join(" and ", where));
    }
    sql.append(" order by observed_at, id limit ?");
    args.add(q.limit() + 1);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<Violation> items = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(read(rs).violation());
        }
      }
      if (items.size() <= q.limit()) {
        return new ViolationPage(items, null);
      }
      Violation last = items.get(q.limit() - 1);
      return new ViolationPage(
          items.subList(0, q.limit()), new ViolationCursor(last.observedAt(), last.id()));
    }
  }

  /** The violations {@code ids} that are recorded, by id. */
  public Map<UUID, Violation> byIds(java.util.Collection<UUID> ids) throws SQLException {
    Map<UUID, Violation> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select " + COLUMNS + FROM + " where id = any(?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Violation v = read(rs).violation();
          found.put(v.id(), v);
        }
      }
    }
    return found;
  }

  /**
   * Violations without holds, not shredded, that have no case yet, oldest first: the ones a case is
   * to be opened for.
   */
  public List<Violation> withoutCase(int limit) throws SQLException {
    List<Violation> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + COLUMNS
                    + FROM
                    + " where not held and personal is not null and not exists"
                    + " (select 1 from case_file where case_file.id = violation.id)"
                    + " order by observed_at, id limit ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(read(rs).violation());
        }
      }
    }
    return items;
  }

  /**
   * Records the plate a person read for a violation in the manual-read queue, and lifts the holds
   * that asked for it.
   *
   * @return the violation as it is now, or empty when no violation {@code id} waits for a read
   */
  public Optional<Violation> resolveManualRead(UUID id, Plate read, String reader)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Row before;
        try (PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + COLUMNS
                    + FROM
                    + " where id = ? and needs_manual_read for update of violation")) {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              c.rollback();
              return Optional.empty();
            }
            before = read(rs);
          }
        }
        if (before.violation().shredded()) {
          c.rollback();
          return Optional.empty();
        }
        Violation after = before.violation().withManualRead(read);
        Optional<byte[]> personal =
            envelopes.reseal(
                id,
                new PersonalData(read, after.eventIds(), reader).encode(),
                before.wrapped(),
                before.kek());
        if (personal.isEmpty()) {
          c.rollback();
          return Optional.empty();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update violation set personal = ?, holds = ?::jsonb, held = ?,"
                    + " needs_manual_read = false, manual_read_at = now() where id = ?")) {
          ps.setBytes(1, personal.get());
          ps.setString(2, HoldsJson.write(after.holds()));
          ps.setBoolean(3, after.held());
          ps.setObject(4, id);
          ps.executeUpdate();
        }
        c.commit();
        return Optional.of(after);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Seals the personal data of violations stored in clear before retention existed (schema versions
   * 1 to 5), each under its own data key like a new one, and clears the clear columns.
   *
   * @return how many violations were sealed
   */
  public int sealClearRows() throws SQLException {
    int sealed = 0;
    while (true) {
      int n = sealClearBatch();
      if (n == 0) {
        return sealed;
      }
      sealed += n;
    }
  }

  private int sealClearBatch() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int n = 0;
        try (PreparedStatement select =
                c.prepareStatement(
                    "select id, plate_text, plate_country, event_ids, manual_read_by, observed_at"
                        + " from violation where plate_text is not null limit 1000 for update");
            PreparedStatement update =
                c.prepareStatement(
                    "update violation set personal = ?, plate_text = null, plate_country = null,"
                        + " event_ids = null, manual_read_by = null where id = ?");
            PreparedStatement key =
                c.prepareStatement(
                    "insert into data_key (subject, kek, wrapped, retention_class, expires_on)"
                        + " values (?, ?, ?, ?, ?) on conflict (subject) do nothing");
            ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            Array events = rs.getArray(4);
            PersonalData data =
                new PersonalData(
                    new Plate(rs.getString(2), rs.getString(3)),
                    events == null ? List.of() : List.of((String[]) events.getArray()),
                    rs.getString(5));
            Instant observedAt = rs.getTimestamp(6).toInstant();
            LocalDate expires = policy.expiryDay(RetentionClass.CASE, observedAt);
            Envelopes.Sealed s =
                envelopes.seal(id, data.encode(), KeyId.of(RetentionClass.CASE, expires));
            update.setBytes(1, s.sealed());
            update.setObject(2, id);
            update.addBatch();
            key.setObject(1, id);
            key.setString(2, s.kek().toString());
            key.setBytes(3, s.wrappedKey());
            key.setString(4, RetentionClass.CASE.name());
            key.setObject(5, expires);
            key.addBatch();
            n++;
          }
          if (n > 0) {
            key.executeBatch();
            update.executeBatch();
          }
        }
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** How many violations are recorded, by type. */
  public Map<ViolationType, Long> countByType() throws SQLException {
    Map<ViolationType, Long> counts = new LinkedHashMap<>();
    for (ViolationType t : ViolationType.values()) {
      counts.put(t, 0L);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select type, count(*) from violation group by type");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(ViolationType.valueOf(rs.getString(1)), rs.getLong(2));
      }
    }
    return counts;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        int rows = first.violations().size();
        Pending next;
        while (rows < MAX_ROWS_PER_COMMIT && (next = queue.poll()) != null) {
          batch.add(next);
          rows += next.violations().size();
        }
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Pending> batch) {
    try {
      Set<UUID> inserted = insert(batch);
      for (Pending p : batch) {
        Set<UUID> mine = new HashSet<>();
        for (Violation v : p.violations()) {
          if (inserted.contains(v.id())) {
            mine.add(v.id());
          }
        }
        p.done().complete(mine);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.error("could not record {} batches of violations: {}", batch.size(), e.toString());
      for (Pending p : batch) {
        p.done().completeExceptionally(e);
      }
    }
  }

  private Set<UUID> insert(List<Pending> batch) throws SQLException {
    // The same violation may be in two pending batches (a re-sent event); insert it once.
    Map<UUID, Violation> unique = new LinkedHashMap<>();
    for (Pending p : batch) {
      for (Violation v : p.violations()) {
        unique.putIfAbsent(v.id(), v);
      }
    }
    int n = unique.size();
    String[] id = new String[n];
    String[] type = new String[n];
    String[] camera = new String[n];
    String[] section = new String[n];
    String[] personal = new String[n];
    String[] kek = new String[n];
    String[] wrapped = new String[n];
    String[] retentionClass = new String[n];
    String[] expires = new String[n];
    String[] observed = new String[n];
    Double[] speed = new Double[n];
    Integer[] limit = new Integer[n];
    Integer[] tolerance = new Integer[n];
    String[] entry = new String[n];
    Double[] distance = new Double[n];
    String[] vehicleClass = new String[n];
    Integer[] lane = new Integer[n];
    Double[] confidence = new Double[n];
    String[] signalState = new String[n];
    Long[] redElapsed = new Long[n];
    String[] direction = new String[n];
    String[] detail = new String[n];
    String[] holds = new String[n];
    Boolean[] held = new Boolean[n];
    Boolean[] manual = new Boolean[n];
    Double[] retained = new Double[n];
    String[] fineOutcome = new String[n];
    String[] fineAmount = new String[n];
    String[] fineCurrency = new String[n];
    String[] fineDiscounted = new String[n];
    Integer[] fineDays = new Integer[n];
    String[] fineBasis = new String[n];
    String[] fineExplanation = new String[n];
    int i = 0;
    for (Violation v : unique.values()) {
      id[i] = v.id().toString();
      type[i] = v.type().name();
      camera[i] = v.cameraId();
      section[i] = v.sectionId();
      LocalDate expiry = policy.expiryDay(RetentionClass.CASE, v.observedAt());
      Envelopes.Sealed sealed =
          envelopes.seal(
              v.id(),
              new PersonalData(v.plate(), v.eventIds(), null).encode(),
              KeyId.of(RetentionClass.CASE, expiry));
      personal[i] = HEX.formatHex(sealed.sealed());
      kek[i] = sealed.kek().toString();
      wrapped[i] = HEX.formatHex(sealed.wrappedKey());
      retentionClass[i] = RetentionClass.CASE.name();
      expires[i] = expiry.toString();
      observed[i] = v.observedAt().toString();
      speed[i] = v.measuredSpeedKmh();
      limit[i] = v.limit().limitKmh();
      tolerance[i] = v.limit().toleranceKmh();
      entry[i] = v.passage() == null ? null : v.passage().entryAt().toString();
      distance[i] = v.passage() == null ? null : v.passage().distanceM();
      Observation o = v.observation();
      vehicleClass[i] = o.vehicleClass().name();
      lane[i] = o.lane();
      confidence[i] = o.confidence();
      signalState[i] = o.signal() == null ? null : o.signal().state().name();
      redElapsed[i] = o.signal() == null ? null : o.signal().redElapsedMs();
      direction[i] = o.direction() == null ? null : o.direction().name();
      detail[i] = v.detail();
      holds[i] = HoldsJson.write(v.holds());
      held[i] = v.held();
      manual[i] = v.needsManualRead();
      Fine f = v.fine();
      if (f != null) {
        retained[i] = Double.isNaN(f.retainedSpeedKmh()) ? null : f.retainedSpeedKmh();
        fineOutcome[i] = f.outcome();
        fineAmount[i] = f.amount() == null ? null : f.amount().toPlainString();
        fineCurrency[i] = f.currency();
        fineDiscounted[i] =
            f.discountedAmount() == null ? null : f.discountedAmount().toPlainString();
        fineDays[i] = f.discountWithinDays();
        fineBasis[i] = f.basis();
        fineExplanation[i] = f.explanation();
      }
      i++;
    }
    Set<UUID> inserted = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        Object[][] columns = {
          id,
          type,
          camera,
          section,
          personal,
          observed,
          speed,
          limit,
          tolerance,
          entry,
          distance,
          vehicleClass,
          lane,
          confidence,
          signalState,
          redElapsed,
          direction,
          detail,
          holds,
          held,
          manual,
          retained,
          fineOutcome,
          fineAmount,
          fineCurrency,
          fineDiscounted,
          fineDays,
          fineBasis,
          fineExplanation
        };
        String[] sqlTypes = {
          "text", "text", "text", "text", "text", "text", "float8", "int4", "int4", "text",
          "float8", "text", "int4", "float8", "text", "int8", "text", "text", "text", "bool",
          "bool", "float8", "text", "text", "text", "text", "int4", "text", "text"
        };
        for (int col = 0; col < columns.length; col++) {
          Array array = c.createArrayOf(sqlTypes[col], columns[col]);
          ps.setArray(col + 1, array);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getObject(1, UUID.class));
          }
        }
        if (!inserted.isEmpty()) {
          try (PreparedStatement keys = c.prepareStatement(INSERT_KEYS)) {
            Object[][] keyColumns = {id, kek, wrapped, retentionClass, expires};
            for (int col = 0; col < keyColumns.length; col++) {
              keys.setArray(col + 1, c.createArrayOf("text", keyColumns[col]));
            }
            keys.setArray(keyColumns.length + 1, c.createArrayOf("uuid", inserted.toArray()));
            keys.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return inserted;
  }

  /**
   * A stored violation with its wrapped data key.
   *
   * @param violation without plate and event ids when shredded
   * @param wrapped its wrapped data key, or null when shredded
   * @param kek the key that wraps it, or null when shredded
   */
  private record Row(Violation violation, byte[] wrapped, KeyId kek) {}

  private Row read(ResultSet rs) throws SQLException {
    Instant observedAt = rs.getTimestamp("observed_at").toInstant();
    Timestamp entryAt = rs.getTimestamp("entry_at");
    SectionPassage passage =
        entryAt == null
            ? null
            : new SectionPassage(entryAt.toInstant(), observedAt, rs.getDouble("distance_m"));
    String signalState = rs.getString("signal_state");
    String direction = rs.getString("direction");
    String vehicleClass = rs.getString("vehicle_class");
    Observation observation =
        new Observation(
            vehicleClass == null ? VehicleClass.OTHER : VehicleClass.valueOf(vehicleClass),
            rs.getInt("lane"),
            rs.getDouble("confidence"),
            signalState == null
                ? null
                : new Signal(Signal.State.valueOf(signalState), rs.getLong("red_elapsed_ms")),
            direction == null ? null : Direction.valueOf(direction));
    String detail = rs.getString("detail");
    UUID id = rs.getObject("id", UUID.class);
    String kekName = rs.getString("kek");
    KeyId kek = kekName == null ? null : KeyId.parse(kekName);
    byte[] wrapped = rs.getBytes("wrapped");
    Optional<byte[]> opened =
        kek == null ? Optional.empty() : envelopes.open(id, rs.getBytes("personal"), wrapped, kek);
    PersonalData personal = opened.map(PersonalData::decode).orElse(null);
    Violation v =
        new Violation(
            id,
            ViolationType.valueOf(rs.getString("type")),
            rs.getString("camera_id"),
            rs.getString("section_id"),
            personal == null ? null : personal.plate(),
            observedAt,
            rs.getDouble("measured_speed_kmh"),
            new SpeedLimit(rs.getInt("limit_kmh"), rs.getInt("tolerance_kmh")),
            personal == null ? List.of() : personal.eventIds(),
            passage,
            observation,
            detail == null ? "" : detail,
            HoldsJson.read(rs.getString("holds")),
            fine(rs));
    return personal == null ? new Row(v, null, null) : new Row(v, wrapped, kek);
  }

  private static Fine fine(ResultSet rs) throws SQLException {
    String outcome = rs.getString("fine_outcome");
    if (outcome == null) {
      return null;
    }
    double retained = rs.getDouble("retained_speed_kmh");
    if (rs.wasNull()) {
      retained = Double.NaN;
    }
    return new Fine(
        outcome,
        retained,
        rs.getBigDecimal("fine_amount"),
        rs.getString("fine_currency"),
        rs.getBigDecimal("fine_discounted"),
        rs.getInt("fine_discount_days"),
        rs.getString("fine_basis"),
        rs.getString("fine_explanation"));
  }

  /** Stops taking violations, writes what is queued, and stops the writer. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
