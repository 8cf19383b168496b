package org.vigil.http.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.vigil.postgres.PostgresUsers;
import org.vigil.postgres.PostgresUsers.StoredUser;

/**
 * Users and their passwords. Verifying an Argon2id hash costs tens of milliseconds by design, so a
 * successful sign-in is remembered for a minute under a digest of the credentials (never the
 * password itself); a changed or wrong password never matches that digest.
 */
public final class Accounts {
  /** The first administrator's name. */
  public static final String FIRST_ADMIN = "admin";

  private final PostgresUsers users;
  private final PasswordHasher hasher;
  private final SecureRandom random;
  private final Cache<String, SignedIn> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  /** Who is calling. */
  public record SignedIn(String username, Role role) {}

  public Accounts(PostgresUsers users, PasswordHasher hasher, SecureRandom random) {
    this.users = users;
    this.hasher = hasher;
    this.random = random;
  }

  /**
   * Creates the first administrator, {@value #FIRST_ADMIN}, when there are no users yet.
   *
   * @param password the password to give it, or null to generate one
   * @return the generated password, to be shown once; empty when none was generated
   */
  public Optional<String> ensureFirstAdministrator(String password) throws SQLException {
    if (users.count() > 0) {
      return Optional.empty();
    }
    boolean generate = password == null || password.isBlank();
    String chosen = generate ? generatePassword() : password;
    users.add(new StoredUser(FIRST_ADMIN, hasher.hash(chosen), Role.ADMINISTRATOR.name()));
    return generate ? Optional.of(chosen) : Optional.empty();
  }

  /**
   * Adds a user.
   *
   * @throws IllegalArgumentException when the name or password is unusable or the name is taken
   */
  public void add(String username, String password, Role role) throws SQLException {
    if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "username must be 1 to 64 letters, digits, '.', '_' or '-', was '" + username + "'");
    }
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException("password must have at least 12 characters");
    }
    if (!users.add(new StoredUser(username, hasher.hash(password), role.name()))) {
      throw new IllegalArgumentException("username '" + username + "' is taken");
    }
  }

  /** The user these credentials belong to, or empty. */
  public Optional<SignedIn> signIn(String username, String password) throws SQLException {
    String key = digest(username + '\u0000' + password);
    SignedIn cached = recent.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<StoredUser> user = users.find(username);
    if (user.isEmpty() || !hasher.verify(password, user.get().passwordHash())) {
      return Optional.empty();
    }
    SignedIn signedIn = new SignedIn(username, Role.parse(user.get().role()));
    recent.put(key, signedIn);
    return Optional.of(signedIn);
  }

  private String generatePassword() {
    byte[] raw = new byte[18];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
