package org.vigil.http.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.postgres.PostgresUsers;
import org.vigil.postgres.PostgresUsers.Failures;
import org.vigil.postgres.PostgresUsers.SignInState;
import org.vigil.postgres.PostgresUsers.StoredUser;

/**
 * Users, their passwords and their sign-ins, for HTTP Basic and session sign-in alike.
 *
 * <p>A sign-in reads the user and the failures counted for the name in one query; a locked name is
 * refused before the password is looked at (see {@link Lockout}). A name without an account is
 * checked against a dummy Argon2id hash, so that it costs as long as a wrong password and gets the
 * same answer. Verifying a hash costs tens of milliseconds by design, so a successful check is
 * remembered for a minute under a digest of name, password and stored hash (never the password
 * itself): a changed password changes the stored hash, so the old one stops matching at once, on
 * every node.
 */
public final class Accounts {
  /** The first administrator's name. */
  public static final String FIRST_ADMIN = "admin";

  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

  private final PostgresUsers users;
  private final PasswordHasher hasher;
  private final SecureRandom random;
  private final Clock clock;
  private final UnaryOperator<String> pseudonym;
  private final Sessions sessions;
  private final String dummyHash;
  private final Cache<String, Boolean> verified =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  /** Who is calling. */
  public record SignedIn(String username, Role role) {}

  /**
   * @param pseudonym the pseudonym of a user name, as the audit log writes it; failures are stored
   *     and lockouts logged under it, never under the name
   */
  public Accounts(
      PostgresUsers users,
      PasswordHasher hasher,
      SecureRandom random,
      Clock clock,
      UnaryOperator<String> pseudonym) {
    this.users = users;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
    this.pseudonym = pseudonym;
    this.sessions = new Sessions(users, random, clock);
    this.dummyHash = hasher.hash(generatePassword());
  }

  /** The sessions of these accounts. */
  public Sessions sessions() {
    return sessions;
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
    requireUsablePassword(password);
    if (!users.add(new StoredUser(username, hasher.hash(password), role.name()))) {
      throw new IllegalArgumentException("username '" + username + "' is taken");
    }
  }

  /**
   * Gives {@code username} a new password and ends all of the user's sessions.
   *
   * @return false when there is no such user
   * @throws IllegalArgumentException when the password is unusable
   */
  public boolean changePassword(String username, String password) throws SQLException {
    requireUsablePassword(password);
    return users.changePassword(username, hasher.hash(password));
  }

  /**
   * Gives {@code username} a new role and ends all of the user's sessions.
   *
   * @return false when there is no such user
   * @throws IllegalArgumentException when that would leave no administrator
   */
  public boolean changeRole(String username, Role role) throws SQLException {
    Optional<StoredUser> user = users.find(username);
    if (user.isEmpty()) {
      return false;
    }
    if (role != Role.ADMINISTRATOR) {
      requireAnotherAdministrator(user.get());
    }
    return users.changeRole(username, role.name());
  }

  /**
   * Removes {@code username} and with it all of the user's sessions.
   *
   * @return false when there was no such user
   * @throws IllegalArgumentException when that would leave no administrator
   */
  public boolean remove(String username) throws SQLException {
    Optional<StoredUser> user = users.find(username);
    if (user.isEmpty()) {
      return false;
    }
    requireAnotherAdministrator(user.get());
    return users.remove(username);
  }

  /** Checks {@code username} and {@code password}, counting a failure towards the lockout. */
  public SignInResult signIn(String username, String password) throws SQLException {
    if (username == null || password == null || username.length() > 256) {
      return new SignInResult.Refused();
    }
    String namePseudonym = pseudonym.apply(username);
    Instant now = clock.instant();
    SignInState state = users.signInState(username, namePseudonym);
    if (Lockout.locked(state.failures(), now)) {
      return new SignInResult.Locked(state.failures().lockedUntil());
    }
    if (state.user().isEmpty()) {
      hasher.verify(password, dummyHash);
      return failed(namePseudonym, now);
    }
    StoredUser user = state.user().get();
    String key = digest(username + '\u0000' + password + '\u0000' + user.passwordHash());
    if (verified.getIfPresent(key) == null) {
      if (!hasher.verify(password, user.passwordHash())) {
        return failed(namePseudonym, now);
      }
      verified.put(key, Boolean.TRUE);
    }
    if (state.failures().count() > 0) {
      users.clearFailures(namePseudonym);
    }
    return new SignInResult.Accepted(new SignedIn(username, Role.parse(user.role())));
  }

  private SignInResult failed(String namePseudonym, Instant now) throws SQLException {
    Failures after = users.recordFailure(namePseudonym, f -> Lockout.afterFailure(f, now));
    if (Lockout.locked(after, now)) {
      if (after.lockedUntil().equals(now.plus(Lockout.LOCK))) {
        LOG.warn(
            "sign-in for {} locked until {} after {} failures within {}",
            namePseudonym,
            after.lockedUntil(),
            after.count(),
            Lockout.WINDOW);
      }
      return new SignInResult.Locked(after.lockedUntil());
    }
    return new SignInResult.Refused();
  }

  private void requireAnotherAdministrator(StoredUser user) throws SQLException {
    if (Role.parse(user.role()) == Role.ADMINISTRATOR
        && users.countWithRole(Role.ADMINISTRATOR.name()) <= 1) {
      throw new IllegalArgumentException(
          "'" + user.username() + "' is the last administrator; add another one first");
    }
  }

  /**
   * Checks that {@code password} may be used.
   *
   * @throws IllegalArgumentException when it is too short
   */
  public static void requireUsablePassword(String password) {
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException("password must have at least 12 characters");
    }
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
