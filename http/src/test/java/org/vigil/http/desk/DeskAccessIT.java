package org.vigil.http.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.auth.Accounts;
import org.vigil.http.auth.Guard;
import org.vigil.http.auth.PasswordHasher;
import org.vigil.http.auth.Role;
import org.vigil.http.auth.Sessions;
import org.vigil.http.pages.PageClient;
import org.vigil.http.pages.PageClient.Reply;
import org.vigil.http.web.LanguageChoice;
import org.vigil.notice.Language;
import org.vigil.postgres.Database;
import org.vigil.postgres.DatabaseSettings;
import org.vigil.postgres.PostgresUsers;

/**
 * The operator pages behind the real {@link Guard} with real accounts and sessions in a real,
 * embedded PostgreSQL: who may open them (operators and supervisors; not auditors; administrators
 * only by break-glass, and not at all where the page is not personal data), and that a form posted
 * with the session cookie needs the session's CSRF token.
 */
class DeskAccessIT {
  static final Instant T = Instant.parse("2026-11-02T07:30:00Z");

  @TempDir static Path dir;
  static Database database;
  static Accounts accounts;
  static FakeOperatorDesk desk;
  static PageClient web;

  @BeforeAll
  static void start() throws Exception {
    database = Database.open(DatabaseSettings.embedded(dir));
    SecureRandom random = new SecureRandom();
    accounts =
        new Accounts(
            new PostgresUsers(database.dataSource()),
            new PasswordHasher(random),
            random,
            Clock.systemUTC(),
            name -> "account:" + Integer.toHexString(name.hashCode()));
    accounts.add("olga", "olga-password-123", Role.OPERATOR);
    accounts.add("sam", "sam-password-1234", Role.SUPERVISOR);
    accounts.add("ingrid", "ingrid-password-1", Role.AUDITOR);
    accounts.add("root", "root-password-123", Role.ADMINISTRATOR);
    desk = new FakeOperatorDesk();
    Guard guard = new Guard(accounts);
    web =
        new PageClient(
            new DeskPages(desk, ZoneId.of("Asia/Almaty"), new LanguageChoice(Language.RU)).routes(),
            r -> guard.require(r.roles(), r.personalData(), r.handler()));
  }

  @AfterAll
  static void stop() {
    web.close();
    database.close();
  }

  @BeforeEach
  void clear() {
    web.cookies().clear();
    desk.calls.clear();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  @Test
  void nobodyWithoutSigningIn() throws Exception {
    assertThat(web.get("/desk").status()).isEqualTo(401);
    assertThat(web.get("/desk/review").status()).isEqualTo(401);
  }

  @Test
  void operatorsAndSupervisorsMayAuditorsMayNot() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    assertThat(web.get("/desk/review", basic("olga", "olga-password-123")).status()).isEqualTo(200);
    assertThat(web.get("/desk/review/" + id, basic("sam", "sam-password-1234")).status())
        .isEqualTo(200);
    for (String path :
        new String[] {
          "/desk", "/desk/review", "/desk/review/" + id, "/desk/cases/" + id, "/desk/outbox"
        }) {
      Reply r = web.get(path, basic("ingrid", "ingrid-password-1"));
      assertThat(r.status()).as(path).isEqualTo(403);
      assertThat(r.body()).contains("role AUDITOR may not do this");
      assertThat(web.get(path, basic("root", "root-password-123")).status())
          .as(path)
          .isEqualTo(403);
    }
    assertThat(desk.calls).noneMatch(c -> c.contains("ingrid") || c.contains("root"));
  }

  @Test
  void aFormPostedWithTheSessionCookieNeedsTheSessionsCsrfToken() throws Exception {
    UUID id = desk.addCase(T, "A10 km 12", "123ABC02");
    Sessions.Started s = accounts.sessions().start(new Accounts.SignedIn("olga", Role.OPERATOR));
    web.cookies().put(Guard.SESSION_COOKIE, s.token());

    Reply page = web.get("/desk/review/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"csrf\" value=\"" + s.session().csrfToken() + "\"");

    Reply none = web.postForm("/desk/review/" + id + "/confirm", Map.of());
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.body()).contains("CSRF");
    Reply wrong = web.postForm("/desk/review/" + id + "/confirm", Map.of("csrf", "forged"));
    assertThat(wrong.status()).isEqualTo(403);
    Reply decide =
        web.postForm(
            "/desk/appeals/" + UUID.randomUUID() + "/decide",
            Map.of("outcome", "UPHELD", "reasons", "x"));
    assertThat(decide.status()).isEqualTo(403);
    assertThat(desk.calls).noneMatch(c -> c.startsWith("confirm") || c.startsWith("decide"));

    Reply ok =
        web.postForm("/desk/review/" + id + "/confirm", Map.of("csrf", s.session().csrfToken()));
    assertThat(ok.status()).isEqualTo(303);
    assertThat(desk.calls).contains("confirm " + id + " olga");
  }
}
