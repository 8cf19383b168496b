package org.vigil.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Users who sign in: a name, a password hash (never the password) and a role. */
public final class PostgresUsers {

  /** A stored user. */
  public record StoredUser(String username, String passwordHash, String role) {
    @Override
    public String toString() {
      return "StoredUser[" + username + ", " + role + "]";
    }
  }

  private final DataSource dataSource;

  public PostgresUsers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<StoredUser> find(String username) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select username, password_hash, role from app_user where username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** Adds a user; returns false when the name is taken. */
  public boolean add(StoredUser user) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into app_user (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")) {
      ps.setString(1, user.username());
      ps.setString(2, user.passwordHash());
      ps.setString(3, user.role());
      return ps.executeUpdate() == 1;
    }
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from app_user");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
