package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.traffic.incident.Incident;
import org.vigil.traffic.incident.IncidentEvent;
import org.vigil.traffic.incident.IncidentKind;

/**
 * The incidents in PostgreSQL. Recording is idempotent by incident id: a raise recorded twice is
 * kept once, a clearing recorded twice keeps the first time. Thread-safe.
 */
public final class PostgresIncidents {
  private final DataSource dataSource;

  public PostgresIncidents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a raise or a clearing. */
  public void record(IncidentEvent event) throws SQLException {
    switch (event) {
      case IncidentEvent.Raised r -> raised(r.incident());
      case IncidentEvent.Cleared c -> cleared(c.incident(), c.clearedAt());
    }
  }

  /** Records {@code incident} as open, unless it is recorded already. */
  public void raised(Incident incident) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into incident (id, camera_id, kind, started_at, detected_at,"
                    + " observed_flow_per_min, usual_flow_per_min, observed_speed_kmh,"
                    + " usual_speed_kmh, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (id) do nothing")) {
      ps.setObject(1, incident.id());
      ps.setString(2, incident.cameraId());
      ps.setString(3, incident.kind().name());
      ps.setTimestamp(4, Timestamp.from(incident.startedAt()));
      ps.setTimestamp(5, Timestamp.from(incident.detectedAt()));
      ps.setDouble(6, incident.observedFlowPerMinute());
      ps.setDouble(7, incident.usualFlowPerMinute());
      setSpeed(ps, 8, incident.observedSpeedKmh());
      setSpeed(ps, 9, incident.usualSpeedKmh());
      ps.setString(10, incident.detail());
      ps.executeUpdate();
    }
  }

  /**
   * Records that {@code incident} cleared at {@code clearedAt}, recording its raise first if that
   * was missed; a clearing already recorded is kept.
   */
  public void cleared(Incident incident, Instant clearedAt) throws SQLException {
    raised(incident);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update incident set cleared_at = ? where id = ? and cleared_at is null")) {
      ps.setTimestamp(1, Timestamp.from(clearedAt));
      ps.setObject(2, incident.id());
      ps.executeUpdate();
    }
  }

  /** The incidents {@code query} asks for, newest start first. */
  public List<RecordedIncident> find(IncidentQuery query) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "select id, camera_id, kind, started_at, detected_at, cleared_at,"
                + " observed_flow_per_min, usual_flow_per_min, observed_speed_kmh,"
                + " usual_speed_kmh, detail from incident where true");
    List<Object> args = new ArrayList<>();
    if (query.from() != null) {
      sql.append(" and started_at >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and started_at < ?");
      args.add(Timestamp.from(query.to()));
    }
    if (query.cameraId() != null) {
      sql.append(" and camera_id = ?");
      args.add(query.cameraId());
    }
    if (query.open() != null) {
      sql.append(query.open() ? " and cleared_at is null" : " and cleared_at is not null");
    }
    sql.append(" order by started_at desc, id desc limit ?");
    args.add(query.limit());
    List<RecordedIncident> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  private static RecordedIncident read(ResultSet rs) throws SQLException {
    Timestamp cleared = rs.getTimestamp("cleared_at");
    Incident incident =
        new Incident(
            rs.getObject("id", UUID.class),
            rs.getString("camera_id"),
            IncidentKind.valueOf(rs.getString("kind")),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("detected_at").toInstant(),
            rs.getDouble("observed_flow_per_min"),
            rs.getDouble("usual_flow_per_min"),
            speed(rs, "observed_speed_kmh"),
            speed(rs, "usual_speed_kmh"),
            rs.getString("detail"));
    return new RecordedIncident(incident, cleared == null ? null : cleared.toInstant());
  }

  private static void setSpeed(PreparedStatement ps, int index, double kmh) throws SQLException {
    if (Double.isNaN(kmh)) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, kmh);
    }
  }

  private static double speed(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }
}
