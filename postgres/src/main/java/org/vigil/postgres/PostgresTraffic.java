package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.vigil.detection.VehicleClass;
import org.vigil.traffic.Resolution;
import org.vigil.traffic.TrafficKey;
import org.vigil.traffic.TrafficQuery;
import org.vigil.traffic.TrafficStat;
import org.vigil.traffic.TrafficTally;

/**
 * Traffic statistics in PostgreSQL: tables {@code traffic_minute}, {@code traffic_hour} and {@code
 * traffic_day}, one row per camera, lane and period (UTC). {@link #add} adds minute deltas to all
 * three in one transaction by additive upsert, so every hour and day row is the sum of its minutes
 * and a late passage adds to the periods it belongs to. Nothing here knows a plate.
 */
public final class PostgresTraffic {
  private static final Comparator<TrafficKey> KEY_ORDER =
      Comparator.comparing(TrafficKey::cameraId)
          .thenComparingInt(TrafficKey::lane)
          .thenComparing(TrafficKey::start);

  private static final List<String> CLASS_COLUMNS =
      List.of(VehicleClass.values()).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();

  private static final String COLUMNS =
      "camera_id, lane, period_start, vehicles, measured, speed_sum_milli_kmh, over_limit, "
          + String.join(", ", CLASS_COLUMNS)
          + ", speed_histogram";

  private final DataSource dataSource;

  public PostgresTraffic(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static String table(Resolution r) {
    return "traffic_" + r.name().toLowerCase(Locale.ROOT);
  }

  private static String upsert(Resolution r) {
    String t = table(r);
    StringBuilder set = new StringBuilder();
    for (String c : List.of("vehicles", "measured", "speed_sum_milli_kmh", "over_limit")) {
      set.append(c).append(" = ").append(t).append('.').append(c).append(" + excluded.");
      set.append(c).append(", ");
    }
    for (String c : CLASS_COLUMNS) {
      set.append(c).append(" = ").append(t).append('.').append(c).append(" + excluded.");
      set.append(c).append(", ");
    }
    set.append("speed_histogram = traffic_histogram_add(")
        .append(t)
        .append(".speed_histogram, excluded.speed_histogram)");
    return "insert into "
        + t
        + " ("
        + COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, "
        + "?, ".repeat(CLASS_COLUMNS.size())
        + "?::bigint[]) on conflict (camera_id, lane, period_start) do update set "
        + set;
  }

  /**
   * Adds {@code minutes} (tallies per camera, lane and minute start) to the minute, hour and day
   * rows, in one transaction: all of it is stored, or none.
   */
  public void add(Map<TrafficKey, TrafficTally> minutes) throws SQLException {
    if (minutes.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (Resolution r : Resolution.values()) {
          // one row per key and statement (an upsert may not touch a row twice), in a fixed
          // order so that concurrent writers take their row locks in the same order
          Map<TrafficKey, TrafficTally> rows = new TreeMap<>(KEY_ORDER);
          for (Map.Entry<TrafficKey, TrafficTally> e : minutes.entrySet()) {
            rows.merge(e.getKey().in(r), e.getValue(), TrafficTally::plus);
          }
          try (PreparedStatement ps = c.prepareStatement(upsert(r))) {
            for (Map.Entry<TrafficKey, TrafficTally> e : rows.entrySet()) {
              bind(ps, e.getKey(), e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void bind(PreparedStatement ps, TrafficKey k, TrafficTally t) throws SQLException {
    int i = 1;
    ps.setString(i++, k.cameraId());
    ps.setInt(i++, k.lane());
    ps.setTimestamp(i++, Timestamp.from(k.start()));
    ps.setLong(i++, t.vehicles());
    ps.setLong(i++, t.measured());
    ps.setLong(i++, t.speedSumMilliKmh());
    ps.setLong(i++, t.overLimit());
    for (VehicleClass v : VehicleClass.values()) {
      ps.setLong(i++, t.count(v));
    }
    ps.setString(i, histogram(t));
  }

  /** The PostgreSQL literal of the histogram, with its lower bound: {@code [87:89]={2,0,1}}. */
  private static String histogram(TrafficTally t) {
    long[] bins = t.histogram();
    if (bins.length == 0) {
      return "{}";
    }
    StringBuilder s = new StringBuilder();
    s.append('[').append(t.histogramLow()).append(':');
    s.append(t.histogramLow() + bins.length - 1).append("]={");
    for (int i = 0; i < bins.length; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(bins[i]);
    }
    return s.append('}').toString();
  }

  /**
   * The statistics that {@code q} selects, ordered by period start, camera and lane.
   *
   * @throws IllegalArgumentException when more than {@link TrafficQuery#MAX_ROWS} rows match
   */
  public List<TrafficStat> find(TrafficQuery q) throws SQLException {
    StringBuilder sql =
        new StringBuilder("select ")
            .append(COLUMNS.replace("speed_histogram", ""))
            .append("coalesce(array_lower(speed_histogram, 1), 0) as histogram_low,")
            .append(" array_to_string(speed_histogram, ',') as histogram from ")
            .append(table(q.resolution()))
            .append(" where period_start >= ? and period_start < ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(q.from()));
    args.add(Timestamp.from(q.to()));
    if (q.cameraId() != null) {
      sql.append(" and camera_id = ?");
      args.add(q.cameraId());
    }
    if (q.lane() != null) {
      sql.append(" and lane = ?");
      args.add(q.lane());
    }
    sql.append(" order by period_start, camera_id, lane limit ?");
    args.add(TrafficQuery.MAX_ROWS + 1);
    List<TrafficStat> stats = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stats.add(read(rs, q.resolution()));
        }
      }
    }
    if (stats.size() > TrafficQuery.MAX_ROWS) {
      throw new IllegalArgumentException(
          "the query matches more than "
              + TrafficQuery.MAX_ROWS
              + " rows; narrow it with cameraId, lane or a shorter span from "
              + q.from()
              + " to "
              + q.to());
    }
    return stats;
  }

  private static TrafficStat read(ResultSet rs, Resolution resolution) throws SQLException {
    long[] classes = new long[CLASS_COLUMNS.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = rs.getLong(CLASS_COLUMNS.get(i));
    }
    String text = rs.getString("histogram");
    long[] bins;
    if (text == null || text.isEmpty()) {
      bins = new long[0];
    } else {
      String[] parts = text.split(",", -1);
      bins = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        bins[i] = Long.parseLong(parts[i]);
      }
    }
    TrafficTally tally =
        TrafficTally.restore(
            rs.getLong("vehicles"),
            rs.getLong("measured"),
            rs.getLong("speed_sum_milli_kmh"),
            rs.getLong("over_limit"),
            classes,
            rs.getInt("histogram_low"),
            bins);
    TrafficKey key =
        new TrafficKey(
            rs.getString("camera_id"),
            rs.getInt("lane"),
            rs.getTimestamp("period_start").toInstant());
    return TrafficStat.of(key, resolution, tally);
  }
}
