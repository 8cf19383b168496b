package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.enforcement.Exemption;
import org.vigil.enforcement.ExemptionList;
import org.vigil.enforcement.Exemptions;
import org.vigil.plate.Plate;

/**
 * The exempt vehicles in PostgreSQL, with the list in force held in memory for the ingest path. A
 * change is written first and then put in force.
 */
public final class PostgresExemptions implements Exemptions {
  private final DataSource dataSource;
  private volatile ExemptionList inForce;

  public PostgresExemptions(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    this.inForce = new ExemptionList(all());
  }

  @Override
  public boolean covers(Plate plate, Instant at) {
    return inForce.covers(plate, at);
  }

  /**
   * Puts in force what the table holds now: how a processing node of the Kafka runtime follows the
   * changes made on the cases node.
   */
  public synchronized void reload() throws SQLException {
    inForce = new ExemptionList(all());
  }

  /** Every exemption, by start of validity. */
  public List<Exemption> all() throws SQLException {
    List<Exemption> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, plate_text, label, valid_from, valid_until from exemption"
                    + " order by valid_from, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Exemption(
                rs.getObject("id", UUID.class),
                new Plate(rs.getString("plate_text"), null),
                rs.getString("label"),
                rs.getTimestamp("valid_from").toInstant(),
                rs.getTimestamp("valid_until").toInstant()));
      }
    }
    return out;
  }

  /** Adds {@code exemption}, recording who added it, and puts it in force. */
  public synchronized void add(Exemption exemption, String by) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into exemption (id, plate_text, label, valid_from, valid_until,"
                    + " created_by) values (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, exemption.id());
      ps.setString(2, exemption.plate().matchKey());
      ps.setString(3, exemption.label());
      ps.setTimestamp(4, Timestamp.from(exemption.validFrom()));
      ps.setTimestamp(5, Timestamp.from(exemption.validUntil()));
      ps.setString(6, by);
      ps.executeUpdate();
    }
    inForce = new ExemptionList(all());
  }

  /** Removes exemption {@code id}; false when there was none. */
  public synchronized boolean remove(UUID id) throws SQLException {
    int removed;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from exemption where id = ?")) {
      ps.setObject(1, id);
      removed = ps.executeUpdate();
    }
    inForce = new ExemptionList(all());
    return removed > 0;
  }
}
