package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.vigil.audit.AuditKind;
import org.vigil.transparency.Cell;
import org.vigil.transparency.EnforcementFigures;
import org.vigil.transparency.ReportPeriod;

/**
 * The transparency report's figures from PostgreSQL: every one an aggregate computed in SQL over
 * the report's months (UTC), never a row about one vehicle. Plate columns are never read. A store
 * failure is an {@link IllegalStateException}.
 *
 * <p>Camera uptime: for each camera that has counted any vehicle ({@code traffic_hour}), the whole
 * hours of each month from the camera's first counted hour (or the month's start) up to the month's
 * end (or the current hour, exclusive), and how many of those hours counted at least one vehicle. A
 * quiet road at night lowers it as a fault does: it says whether the camera was seen working, not
 * why it was not.
 */
public final class PostgresTransparency implements EnforcementFigures {
  private static final String MONTH = "to_char(%s at time zone 'UTC', 'YYYY-MM')";

  private final DataSource dataSource;
  private final Clock clock;

  public PostgresTransparency(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public List<Cell> violations(ReportPeriod period) {
    return counts(
        "select "
            + MONTH.formatted("observed_at")
            + " as month, type, case when camera_id is not null then 'camera:' || camera_id"
            + " else 'section:' || section_id end as place, count(*)"
            + " from violation where observed_at >= ? and observed_at < ?"
            + " group by 1, 2, 3 order by 1, 2, 3",
        period,
        2);
  }

  @Override
  public List<Cell> personalDataAccesses(ReportPeriod period) {
    return audit(AuditKind.PERSONAL_DATA_VIEW, "role, action", 2, "count(*)", period);
  }

  @Override
  public List<Cell> breakGlass(ReportPeriod period) {
    return audit(AuditKind.BREAK_GLASS, "role", 1, "count(*)", period);
  }

  @Override
  public List<Cell> purges(ReportPeriod period) {
    return audit(AuditKind.PURGE, null, 0, "count(*)", period);
  }

  /** Sums the {@code N} of each PURGE entry's purpose {@code records=N …}; others count 0. */
  @Override
  public List<Cell> recordsPurged(ReportPeriod period) {
    return audit(
        AuditKind.PURGE,
        null,
        0,
        "coalesce(sum(substring(purpose from '^records=([0-9]{1,18})')::bigint), 0)",
        period);
  }

  private List<Cell> audit(
      AuditKind kind, String dimensions, int width, String measure, ReportPeriod period) {
    String by = dimensions == null ? "" : ", " + dimensions;
    String sql =
        "select "
            + MONTH.formatted("at")
            + " as month"
            + by
            + ", "
            + measure
            + " from audit_entry where kind = '"
            + kind.name()
            + "' and at >= ? and at < ? group by 1"
            + (width > 0 ? ", " + dimensions : "")
            + " order by 1"
            + (width > 0 ? ", " + dimensions : "");
    return counts(sql, period, width);
  }

  /** Runs {@code sql} (month, {@code width} text columns, a count) over the period's instants. */
  private List<Cell> counts(String sql, ReportPeriod period, int width) {
    List<Cell> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(period.start()));
      ps.setTimestamp(2, Timestamp.from(period.end()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> values = new ArrayList<>(width);
          for (int i = 0; i < width; i++) {
            values.add(rs.getString(2 + i));
          }
          out.add(Cell.of(YearMonth.parse(rs.getString(1)), values, rs.getLong(2 + width)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the transparency figures: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public List<Cell> cameraUptime(ReportPeriod period) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Map<String, Instant> first = new LinkedHashMap<>();
    Map<String, Map<YearMonth, Long>> counted = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select camera_id, min(period_start) from traffic_hour where vehicles > 0"
                  + " and period_start < ? group by camera_id order by camera_id"); ) {
        ps.setTimestamp(1, Timestamp.from(period.end()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            first.put(rs.getString(1), rs.getTimestamp(2).toInstant());
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select camera_id, "
                  + MONTH.formatted("period_start")
                  + ", count(distinct period_start) from traffic_hour where vehicles > 0"
                  + " and period_start >= ? and period_start < ? group by 1, 2")) {
        ps.setTimestamp(1, Timestamp.from(period.start()));
        ps.setTimestamp(2, Timestamp.from(min(period.end(), now)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counted
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(YearMonth.parse(rs.getString(2)), rs.getLong(3));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the camera uptime: " + e.getMessage(), e);
    }
    List<Cell> out = new ArrayList<>();
    for (Map.Entry<String, Instant> camera : first.entrySet()) {
      for (YearMonth m : period.months()) {
        Instant from = max(m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), camera.getValue());
        Instant to = min(m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), now);
        long observed = Math.max(0, Duration.between(from, to).toHours());
        if (observed == 0) {
          continue;
        }
        long withTraffic =
            Math.min(observed, counted.getOrDefault(camera.getKey(), Map.of()).getOrDefault(m, 0L));
        out.add(new Cell(m, List.of(camera.getKey()), withTraffic, observed));
      }
    }
    return out;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
