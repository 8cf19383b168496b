package org.vigil.http.statistics;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.detection.VehicleClass;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.auth.Role;
import org.vigil.postgres.PostgresTraffic;
import org.vigil.traffic.Resolution;
import org.vigil.traffic.TrafficQuery;
import org.vigil.traffic.TrafficStat;

/**
 * {@code GET /api/v1/statistics}: traffic per camera, lane and minute, hour or day (UTC), as JSON
 * or CSV, for signed-in staff. Aggregates only: nothing in them is about one vehicle.
 *
 * <p>Parameters: {@code resolution} ({@code minute}, {@code hour} or {@code day}; default {@code
 * minute}), {@code from} and {@code to} (ISO-8601 instants; the periods whose start is at or after
 * {@code from} and before {@code to}; default: {@code to} now and {@code from} one {@link
 * TrafficQuery#defaultSpan default span} before it), {@code cameraId}, {@code lane}, and {@code
 * format} ({@code json} or {@code csv}; {@code Accept: text/csv} also asks for CSV).
 */
public final class StatisticsRoutes {
  private final PostgresTraffic traffic;
  private final Clock clock;

  public StatisticsRoutes(PostgresTraffic traffic, Clock clock) {
    this.traffic = traffic;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        new Route(
            Method.GET,
            "/api/v1/statistics",
            Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR),
            this::statistics));
  }

  private void statistics(ServerRequest req, ServerResponse res) throws Exception {
    UriQuery q = req.query();
    boolean csv = QueryParams.wantsCsv(q, req.headers().values(HeaderNames.ACCEPT));
    TrafficQuery query;
    try {
      query = query(q, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    List<TrafficStat> stats;
    try {
      stats = traffic.find(query);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    if (csv) {
      res.status(Status.OK_200);
      res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
      res.header(
          HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(query) + "\"");
      res.send(csv(stats).getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<Map<String, Object>> items = new ArrayList<>(stats.size());
    for (TrafficStat s : stats) {
      items.add(json(s));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  static TrafficQuery query(UriQuery q, Instant now) {
    Resolution resolution = resolution(q);
    Instant to = q.contains("to") ? QueryParams.instant(q, "to") : now;
    Instant from =
        q.contains("from")
            ? QueryParams.instant(q, "from")
            : to.minus(TrafficQuery.defaultSpan(resolution));
    return new TrafficQuery(
        resolution, from, to, QueryParams.text(q, "cameraId"), QueryParams.whole(q, "lane"));
  }

  private static Resolution resolution(UriQuery q) {
    if (!q.contains("resolution")) {
      return Resolution.MINUTE;
    }
    String v = q.get("resolution");
    try {
      return Resolution.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("resolution '" + v + "' must be minute, hour or day", e);
    }
  }

  /** The mean rounded to 0.1 km/h, or null. */
  private static Double mean(TrafficStat s) {
    return Double.isNaN(s.meanSpeedKmh()) ? null : Math.round(s.meanSpeedKmh() * 10) / 10.0;
  }

  /** The 85th percentile, a whole km/h, or null. */
  private static Long p85(TrafficStat s) {
    return Double.isNaN(s.p85SpeedKmh()) ? null : Math.round(s.p85SpeedKmh());
  }

  /** The share over the limit rounded to 0.0001, or null. */
  private static Double share(TrafficStat s) {
    return Double.isNaN(s.overLimitShare())
        ? null
        : Math.round(s.overLimitShare() * 10_000) / 10_000.0;
  }

  /** The JSON form of one row, as the API documents it. */
  static Map<String, Object> json(TrafficStat s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cameraId", s.cameraId());
    m.put("lane", s.lane());
    m.put("start", s.start().toString());
    m.put("resolution", s.resolution().name().toLowerCase(Locale.ROOT));
    m.put("vehicles", s.vehicles());
    m.put("measuredVehicles", s.measuredVehicles());
    m.put("meanSpeedKmh", mean(s));
    m.put("p85SpeedKmh", p85(s));
    m.put("overLimitShare", share(s));
    Map<String, Object> classes = new LinkedHashMap<>();
    for (VehicleClass c : VehicleClass.values()) {
      classes.put(c.name(), s.classes().get(c));
    }
    m.put("classes", classes);
    return m;
  }

  /** RFC 4180 CSV: a header line, then one line per row; an empty field where JSON has null. */
  static String csv(List<TrafficStat> stats) {
    StringBuilder out =
        new StringBuilder(
            "cameraId,lane,start,resolution,vehicles,measuredVehicles,meanSpeedKmh,p85SpeedKmh,"
                + "overLimitShare");
    for (VehicleClass c : VehicleClass.values()) {
      out.append(',').append(c.name());
    }
    out.append("\r\n");
    for (TrafficStat s : stats) {
      out.append(field(s.cameraId())).append(',');
      out.append(s.lane()).append(',');
      out.append(s.start()).append(',');
      out.append(s.resolution().name().toLowerCase(Locale.ROOT)).append(',');
      out.append(s.vehicles()).append(',');
      out.append(s.measuredVehicles()).append(',');
      out.append(orEmpty(mean(s))).append(',');
      out.append(orEmpty(p85(s))).append(',');
      out.append(orEmpty(share(s)));
      for (VehicleClass c : VehicleClass.values()) {
        out.append(',').append(s.classes().get(c));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String orEmpty(Object o) {
    if (o instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return o == null ? "" : o.toString();
  }

  private static String field(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static String fileName(TrafficQuery q) {
    return "vigil-statistics-"
        + q.resolution().name().toLowerCase(Locale.ROOT)
        + "-"
        + q.from().toString().replace(":", "")
        + ".csv";
  }
}
