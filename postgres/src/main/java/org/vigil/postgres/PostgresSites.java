package org.vigil.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.vigil.contract.SitesJson;
import org.vigil.site.Camera;
import org.vigil.site.GeoPoint;
import org.vigil.site.Section;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

/**
 * The site configuration in PostgreSQL, so that changes made through the admin API survive a
 * restart. The whole configuration is written at once, in one transaction, always as a {@link
 * Sites} that has already passed validation.
 */
public final class PostgresSites implements SiteRepository {
  private final DataSource dataSource;

  public PostgresSites(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Sites load() {
    try {
      return read();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the site configuration: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Sites sites) {
    try {
      write(sites);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the site configuration: " + e.getMessage(), e);
    }
  }

  private Sites read() throws SQLException {
    List<Camera> cameras = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, name, lanes, speed_limit_kmh, tolerance_kmh, lat, lon, config"
                      + " from camera order by position");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String config = rs.getString("config");
          if (config != null) {
            cameras.add(SitesJson.readCamera(config.getBytes(StandardCharsets.UTF_8)));
            continue;
          }
          double lat = rs.getDouble("lat");
          GeoPoint location = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lon"));
          cameras.add(
              new Camera(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getInt("lanes"),
                  new SpeedLimit(rs.getInt("speed_limit_kmh"), rs.getInt("tolerance_kmh")),
                  location));
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, entry_camera_id, exit_camera_id, distance_m, speed_limit_kmh,"
                      + " tolerance_kmh, config from section order by position");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String config = rs.getString("config");
          if (config != null) {
            sections.add(SitesJson.readSection(config.getBytes(StandardCharsets.UTF_8)));
            continue;
          }
          sections.add(
              new Section(
                  rs.getString("id"),
                  rs.getString("entry_camera_id"),
                  rs.getString("exit_camera_id"),
                  rs.getDouble("distance_m"),
                  new SpeedLimit(rs.getInt("speed_limit_kmh"), rs.getInt("tolerance_kmh"))));
        }
      }
    }
    return Sites.of(cameras, sections);
  }

  private void write(Sites sites) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("delete from section")) {
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("delete from camera")) {
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into camera (id, name, lanes, speed_limit_kmh, tolerance_kmh, lat, lon,"
                    + " position, config) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
          int position = 0;
          for (Camera cam : sites.cameras()) {
            ps.setString(1, cam.id());
            ps.setString(2, cam.name());
            ps.setInt(3, cam.lanes());
            ps.setInt(4, cam.limit().limitKmh());
            ps.setInt(5, cam.limit().toleranceKmh());
            if (cam.location() == null) {
              ps.setNull(6, Types.DOUBLE);
              ps.setNull(7, Types.DOUBLE);
            } else {
              ps.setDouble(6, cam.location().lat());
              ps.setDouble(7, cam.location().lon());
            }
            ps.setInt(8, position++);
            ps.setString(9, SitesJson.tree(cam).toString());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into section (id, entry_camera_id, exit_camera_id, distance_m,"
                    + " speed_limit_kmh, tolerance_kmh, position, config)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
          int position = 0;
          for (Section s : sites.sections()) {
            ps.setString(1, s.id());
            ps.setString(2, s.entryCameraId());
            ps.setString(3, s.exitCameraId());
            ps.setDouble(4, s.distanceM());
            ps.setInt(5, s.limit().limitKmh());
            ps.setInt(6, s.limit().toleranceKmh());
            ps.setInt(7, position++);
            ps.setString(8, SitesJson.tree(s).toString());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
