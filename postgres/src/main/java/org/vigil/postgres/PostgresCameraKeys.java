package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;

/** Ingest keys per camera, stored as SHA-256 digests only. */
public final class PostgresCameraKeys {
  private final DataSource dataSource;

  public PostgresCameraKeys(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores the digest of a newly issued key for {@code cameraId}. */
  public void add(byte[] keySha256, String cameraId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into camera_key (key_sha256, camera_id) values (?, ?)")) {
      ps.setBytes(1, keySha256);
      ps.setString(2, cameraId);
      ps.executeUpdate();
    }
  }

  /** Revokes every key of {@code cameraId}; returns how many were active. */
  public int revokeAll(String cameraId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update camera_key set revoked_at = now()"
                    + " where camera_id = ? and revoked_at is null")) {
      ps.setString(1, cameraId);
      return ps.executeUpdate();
    }
  }

  /** Every active key digest (hex) and the camera it belongs to. */
  public Map<String, String> active() throws SQLException {
    Map<String, String> keys = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select key_sha256, camera_id from camera_key where revoked_at is null");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getString(2));
      }
    }
    return keys;
  }
}
