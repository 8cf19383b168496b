package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/**
 * Who may see what, end to end against real PostgreSQL and real HTTP: lockout, sessions and their
 * expiry, CSRF, break-glass and the access matrix. Time is a test clock, so fifteen minutes of
 * lockout and twelve hours of session pass in an instant.
 */
class AccessIT {
  static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
  static final String SESSION = "vigil_session";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir static Path dir;
  static Vigil vigil;
  static StaffClient admin;

  @BeforeAll
  static void start() throws Exception {
    vigil =
        Vigil.start(
            TestVigil.config(
                    dir, SitesBuilder.sites().camera(aCamera("A").limit(60, 0).zone("UTC")).build())
                .withClock(CLOCK));
    admin = TestVigil.admin(vigil);
    TestVigil.post(
        vigil,
        List.of(
            DetectionBuilder.aDetection()
                .camera("A")
                .eventId("ACCESS-1")
                .at(CLOCK.instant().minusSeconds(1))
                .plate("123ABC02")
                .speed(95)
                .build()));
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  // ---- lockout ----

  @Test
  void fiveFailuresLockAnAccountForFifteenMinutesEvenWithTheRightPassword() throws Exception {
    addUser("lena", "lena-password-123", "OPERATOR");
    for (int i = 1; i <= 4; i++) {
      Reply r = basic("GET", "/api/v1/violations", "lena", "wrong-password-" + i);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).contains("the user name or the password is wrong");
    }
    Reply fifth = basic("GET", "/api/v1/violations", "lena", "wrong-password-5");
    assertThat(fifth.status()).isEqualTo(401);
    assertThat(fifth.body()).contains("locked").contains("until 2026-11-02T");

    Reply right = basic("GET", "/api/v1/violations", "lena", "lena-password-123");
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.body()).isEqualTo(fifth.body()).doesNotContain("password is wrong");
    assertThat(signIn("lena", "lena-password-123").status()).isEqualTo(401);

    CLOCK.advance(Duration.ofMinutes(14));
    assertThat(basic("GET", "/api/v1/violations", "lena", "lena-password-123").status())
        .isEqualTo(401);
    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(basic("GET", "/api/v1/violations", "lena", "lena-password-123").status())
        .isEqualTo(200);
  }

  @Test
  void aSuccessResetsTheCountAndOldFailuresLeaveTheWindow() throws Exception {
    addUser("mira", "mira-password-123", "OPERATOR");
    for (int i = 0; i < 4; i++) {
      basic("GET", "/api/v1/session", "mira", "wrong");
    }
    assertThat(basic("GET", "/api/v1/session", "mira", "mira-password-123").status())
        .isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      basic("GET", "/api/v1/session", "mira", "wrong");
    }
    CLOCK.advance(Duration.ofMinutes(16));
    assertThat(basic("GET", "/api/v1/session", "mira", "wrong").body()).contains("is wrong");
    assertThat(basic("GET", "/api/v1/session", "mira", "mira-password-123").status())
        .isEqualTo(200);
  }

  @Test
  void anUnknownNameGetsTheSameAnswersAsAKnownOne() throws Exception {
    addUser("nadia", "nadia-password-123", "OPERATOR");
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      known.add(signIn("nadia", "wrong-password").body());
      unknown.add(signIn("nobody-at-all", "wrong-password").body());
    }
    assertThat(unknown).isEqualTo(known);
    assertThat(unknown.getLast()).contains("locked");
  }

  // ---- sessions ----

  @Test
  void aSessionSignsInWithASecureCookieAndSaysWhoIsSignedIn() throws Exception {
    Reply r = signIn(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String cookie = r.setCookie(SESSION);
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain("Secure");
    String token = r.cookieValue(SESSION);
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    JsonNode body = r.json();
    assertThat(body.get("username").asText()).isEqualTo(TestVigil.OPERATOR);
    assertThat(body.get("role").asText()).isEqualTo("OPERATOR");
    assertThat(Instant.parse(body.get("expiresAt").asText()))
        .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(30)));
    assertThat(Instant.parse(body.get("absoluteExpiresAt").asText()))
        .isEqualTo(CLOCK.instant().plus(Duration.ofHours(12)));

    Reply who = withCookie("GET", "/api/v1/session", token, Map.of(), null);
    assertThat(who.status()).isEqualTo(200);
    assertThat(who.json().get("csrfToken").asText()).isEqualTo(body.get("csrfToken").asText());
    assertThat(withCookie("GET", "/api/v1/violations", token, Map.of(), null).status())
        .isEqualTo(200);

    Reply overHttps =
        send(
            "POST",
            "/api/v1/session",
            Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https"),
            credentials(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD));
    assertThat(overHttps.setCookie(SESSION)).contains("Secure");
    assertThat(signIn(TestVigil.OPERATOR, "wrong").status()).isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/api/v1/session",
                    Map.of("Content-Type", "text/plain"),
                    credentials(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD))
                .status())
        .isEqualTo(415);
    assertThat(withCookie("GET", "/api/v1/session", "not-a-token", Map.of(), null).status())
        .isEqualTo(401);
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutesAndAfterTwelveHoursInAnyCase() throws Exception {
    String idle = sessionToken(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(withCookie("GET", "/api/v1/session", idle, Map.of(), null).status()).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(withCookie("GET", "/api/v1/session", idle, Map.of(), null).status()).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(30));
    Reply expired = withCookie("GET", "/api/v1/session", idle, Map.of(), null);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.body()).contains("session has ended or expired");
    assertThat(expired.setCookie(SESSION)).contains("Expires=Thu, 1 Jan 1970");

    String busy = sessionToken(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    for (int i = 0; i < 28; i++) {
      CLOCK.advance(Duration.ofMinutes(25));
      assertThat(withCookie("GET", "/api/v1/session", busy, Map.of(), null).status())
          .as("after %d minutes", (i + 1) * 25)
          .isEqualTo(200);
    }
    CLOCK.advance(Duration.ofMinutes(25)); // 12 h 5 min after sign-in
    assertThat(withCookie("GET", "/api/v1/session", busy, Map.of(), null).status()).isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    String token = sessionToken(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    String csrf = csrf(token);
    Reply out = withCookie("DELETE", "/api/v1/session", token, Map.of("X-CSRF-Token", csrf), null);
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.setCookie(SESSION)).contains("Expires=Thu, 1 Jan 1970");
    assertThat(withCookie("GET", "/api/v1/session", token, Map.of(), null).status()).isEqualTo(401);
  }

  @Test
  void aChangedPasswordOrRoleOrARemovedUserEndsTheUsersSessions() throws Exception {
    addUser("petra", "petra-password-123", "OPERATOR");
    String first = sessionToken("petra", "petra-password-123");
    assertThat(admin.put("/api/v1/admin/users/petra", "{\"password\":\"petra-password-456\"}"))
        .extracting(StaffClient.Response::status)
        .isEqualTo(200);
    assertThat(withCookie("GET", "/api/v1/session", first, Map.of(), null).status()).isEqualTo(401);
    assertThat(basic("GET", "/api/v1/session", "petra", "petra-password-123").status())
        .isEqualTo(401);

    String second = sessionToken("petra", "petra-password-456");
    assertThat(admin.put("/api/v1/admin/users/petra", "{\"role\":\"SUPERVISOR\"}").status())
        .isEqualTo(200);
    assertThat(withCookie("GET", "/api/v1/session", second, Map.of(), null).status())
        .isEqualTo(401);
    String third = sessionToken("petra", "petra-password-456");
    assertThat(withCookie("GET", "/api/v1/session", third, Map.of(), null).json().get("role"))
        .hasToString("\"SUPERVISOR\"");

    assertThat(admin.delete("/api/v1/admin/users/petra").status()).isEqualTo(204);
    assertThat(withCookie("GET", "/api/v1/session", third, Map.of(), null).status()).isEqualTo(401);
    assertThat(admin.delete("/api/v1/admin/users/petra").status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/admin/users/admin").body()).contains("last administrator");
    assertThat(admin.put("/api/v1/admin/users/x", "{\"password\":\"short\"}").status())
        .isEqualTo(400);
  }

  // ---- CSRF ----

  @Test
  void aSessionsUnsafeRequestsNeedItsCsrfTokenInTheHeaderOrAFormField() throws Exception {
    String token = sessionToken(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    String csrf = csrf(token);
    String path = "/api/v1/manual-reads/" + UUID.randomUUID();
    String read = "{\"plate\":{\"text\":\"123 ABC 02\",\"country\":\"KZ\"}}";
    Map<String, String> json = Map.of("Content-Type", "application/json");

    Reply none = withCookie("POST", path, token, json, read);
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.body()).contains("X-CSRF-Token").contains("neither was sent");
    Reply wrong = withCookie("POST", path, token, with(json, "X-CSRF-Token", csrf + "x"), read);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).contains("is not this session's");
    // past the guard: the handler answers that no such violation waits for a read
    assertThat(withCookie("POST", path, token, with(json, "X-CSRF-Token", csrf), read).status())
        .isEqualTo(404);

    Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
    assertThat(withCookie("POST", "/logout", token, form, "csrf=" + csrf + "x").status())
        .isEqualTo(403);
    assertThat(withCookie("POST", "/logout", token, form, "").status()).isEqualTo(403);
    Reply out = withCookie("POST", "/logout", token, form, "csrf=" + enc(csrf));
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.header("Location")).isEqualTo("/login");
    assertThat(withCookie("GET", "/api/v1/session", token, Map.of(), null).status()).isEqualTo(401);
  }

  @Test
  void httpBasicNeedsNoCsrfToken() throws Exception {
    Reply r =
        basic(
            "POST",
            "/api/v1/manual-reads/" + UUID.randomUUID(),
            TestVigil.OPERATOR,
            TestVigil.OPERATOR_PASSWORD,
            "{\"plate\":{\"text\":\"123 ABC 02\",\"country\":\"KZ\"}}");
    assertThat(r.status()).isEqualTo(404);
    assertThat(admin.put("/api/v1/admin/cameras/A/variable-limit", "{\"limitKmh\":50}").status())
        .isEqualTo(200);
  }

  // ---- the login form ----

  @Test
  void theLoginFormSignsInAndRedirectsOnlyWithinThisSite() throws Exception {
    Reply form = send("GET", "/login?next=/api/v1/session", Map.of(), null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.header("Content-Type")).startsWith("text/html");
    assertThat(form.setCookie("vigil_login_csrf")).contains("HttpOnly").contains("SameSite=Strict");
    String loginCsrf = form.cookieValue("vigil_login_csrf");
    assertThat(form.body()).contains("name=\"csrf\" value=\"" + loginCsrf + "\"");
    assertThat(form.body()).contains("name=\"next\" value=\"/api/v1/session\"");

    Reply in = login(loginCsrf, loginCsrf, "/api/v1/session", TestVigil.OPERATOR_PASSWORD);
    assertThat(in.status()).as(in.body()).isEqualTo(303);
    assertThat(in.header("Location")).isEqualTo("/api/v1/session");
    String token = in.cookieValue(SESSION);
    assertThat(withCookie("GET", "/api/v1/session", token, Map.of(), null).status()).isEqualTo(200);

    for (String evil :
        List.of(
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)",
            "/ok\r\nLocation: https://evil.example")) {
      Reply r = login(loginCsrf, loginCsrf, evil, TestVigil.OPERATOR_PASSWORD);
      assertThat(r.status()).isEqualTo(303);
      assertThat(r.header("Location")).as(evil).isEqualTo("/");
    }
    assertThat(send("GET", "/login?next=//evil.example", Map.of(), null).body())
        .contains("name=\"next\" value=\"/\"")
        .doesNotContain("evil.example");
  }

  @Test
  void theLoginFormRefusesAForgedPostAndAWrongPassword() throws Exception {
    String loginCsrf = send("GET", "/login", Map.of(), null).cookieValue("vigil_login_csrf");
    assertThat(login(null, loginCsrf, "/", TestVigil.OPERATOR_PASSWORD).status()).isEqualTo(403);
    assertThat(login(loginCsrf, "forged", "/", TestVigil.OPERATOR_PASSWORD).status())
        .isEqualTo(403);
    Reply wrong = login(loginCsrf, loginCsrf, "/", "wrong-password");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("The user name or the password is wrong.");
    assertThat(wrong.setCookie(SESSION)).isNull();
  }

  @Test
  void aBrowserWithoutASessionIsSentToTheFormInItsLanguageWhileProgramsAreChallenged()
      throws Exception {
    Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    Reply page = send("GET", "/staff?lang=kk", browser, null);
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/login?next=%2Fstaff%3Flang%3Dkk&lang=kk");
    Reply expired = withCookie("GET", "/staff", "no-such-session", browser, null);
    assertThat(expired.status()).isEqualTo(303);
    assertThat(expired.header("Location")).isEqualTo("/login?next=%2Fstaff");
    assertThat(send("GET", "/staff", Map.of(), null).status()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/violations", Map.of("Accept", "*/*"), null).status())
        .isEqualTo(401);

    Reply form = send("GET", "/login?lang=kk", Map.of(), null);
    assertThat(form.body()).contains("<html lang=\"kk\">").contains("Құпиясөз");
    assertThat(form.setCookie("vigil_lang")).startsWith("vigil_lang=kk;").contains("SameSite=Lax");
    assertThat(send("GET", "/login", Map.of("Cookie", "vigil_lang=kk"), null).body())
        .contains("<html lang=\"kk\">");
    assertThat(send("GET", "/login", Map.of("Accept-Language", "en-GB,en;q=0.9"), null).body())
        .contains("<html lang=\"en\">");
    assertThat(send("GET", "/login", Map.of(), null).body()).contains("<html lang=\"ru\">");
    Reply bad = send("GET", "/login?lang=de", Map.of(), null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("lang must be kk, ru or en, was 'de'");

    String token = sessionToken(TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD);
    Reply staff = withCookie("GET", "/staff?lang=en", token, browser, null);
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.body())
        .contains("You are signed in as officer, with the role of operator.")
        .contains("name=\"csrf\" value=\"" + csrf(token) + "\"");
    assertThat(staff.header("Content-Security-Policy")).contains("default-src 'none'");
  }

  // ---- break-glass and the access matrix ----

  @Test
  void anAdministratorReachesViolationsOnlyByBreakGlassWhichAuditorsFind() throws Exception {
    Reply plain = basic("GET", "/api/v1/violations", "admin", TestVigil.PASSWORD);
    assertThat(plain.status()).isEqualTo(403);
    assertThat(plain.body()).contains("X-Vigil-Break-Glass").contains("break-glass");

    assertThat(breakGlass("short").status()).isEqualTo(400);
    Reply plate = breakGlass("complaint about 123 abc 02 from the court");
    assertThat(plate.status()).isEqualTo(400);
    assertThat(plate.body()).contains("number plate").doesNotContain("123").doesNotContain("abc");
    assertThat(breakGlass("x".repeat(201)).status()).isEqualTo(400);

    String reason = "court order 2026-114, appeal of a speed case at camera A";
    Reply opened = breakGlass(reason);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.json().get("items")).isNotEmpty();

    StaffClient auditor = auditor();
    List<JsonNode> glass = new ArrayList<>();
    for (JsonNode e : auditor.get("/api/v1/audit/entries").json().get("items")) {
      if (e.get("kind").asText().equals("BREAK_GLASS")) {
        glass.add(e);
      }
    }
    assertThat(glass).hasSize(1);
    JsonNode entry = glass.getFirst();
    assertThat(entry.get("purpose").asText()).isEqualTo(reason);
    assertThat(entry.get("role").asText()).isEqualTo("ADMINISTRATOR");
    assertThat(entry.get("action").asText()).isEqualTo("violations.list");
    assertThat(entry.get("subject").asText()).startsWith("violations:");
    assertThat(entry.toString()).doesNotContain("123ABC02").doesNotContain("\"admin\"");
  }

  @Test
  void operatorsSeeViolationsRoutinelyAndAuditorsNever() throws Exception {
    StaffClient officer = TestVigil.operator(vigil);
    assertThat(officer.get("/api/v1/violations").status()).isEqualTo(200);
    assertThat(officer.get("/api/v1/manual-reads").status()).isEqualTo(200);
    assertThat(officer.get("/api/v1/admin/users/x").status()).isIn(403, 404, 405);
    assertThat(officer.get("/api/v1/audit/entries").status()).isEqualTo(403);

    StaffClient auditor = auditor();
    assertThat(auditor.get("/api/v1/violations").status()).isEqualTo(403);
    assertThat(
            auditor
                .withHeader("X-Vigil-Break-Glass", "an auditor trying break-glass")
                .get("/api/v1/violations")
                .status())
        .isEqualTo(403);
    assertThat(auditor.get("/api/v1/manual-reads").status()).isEqualTo(403);
    assertThat(auditor.get("/api/v1/audit/entries").status()).isEqualTo(200);
    assertThat(auditor.get("/api/v1/statistics").status()).isEqualTo(200);
  }

  // ---- helpers ----

  record Reply(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.getFirst();
    }

    /** The Set-Cookie header for {@code name}, or null. */
    String setCookie(String name) {
      for (String v : headers.getOrDefault("set-cookie", List.of())) {
        if (v.startsWith(name + "=")) {
          return v;
        }
      }
      return null;
    }

    String cookieValue(String name) {
      Matcher m = Pattern.compile(Pattern.quote(name) + "=([^;]*)").matcher(setCookie(name));
      assertThat(m.find()).isTrue();
      return m.group(1);
    }
  }

  static Reply send(String method, String path, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(vigil.url().resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, List<String>> lower = new LinkedHashMap<>();
    r.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return new Reply(r.statusCode(), r.body(), lower);
  }

  static Reply withCookie(
      String method, String path, String token, Map<String, String> headers, String body)
      throws Exception {
    return send(method, path, with(headers, "Cookie", SESSION + "=" + token), body);
  }

  static Reply basic(String method, String path, String user, String password) throws Exception {
    return basic(method, path, user, password, null);
  }

  static Reply basic(String method, String path, String user, String password, String body)
      throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Basic " + auth);
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return send(method, path, headers, body);
  }

  static Reply breakGlass(String reason) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString(("admin:" + TestVigil.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return send(
        "GET",
        "/api/v1/violations",
        Map.of("Authorization", "Basic " + auth, "X-Vigil-Break-Glass", reason),
        null);
  }

  static Reply signIn(String user, String password) throws Exception {
    return send(
        "POST",
        "/api/v1/session",
        Map.of("Content-Type", "application/json"),
        credentials(user, password));
  }

  static String sessionToken(String user, String password) throws Exception {
    TestVigil.operator(vigil);
    Reply r = signIn(user, password);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.cookieValue(SESSION);
  }

  static String csrf(String token) throws Exception {
    return withCookie("GET", "/api/v1/session", token, Map.of(), null)
        .json()
        .get("csrfToken")
        .asText();
  }

  static Reply login(String cookie, String field, String next, String password) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    // the form answers in the browser's language (docs/web.md); these checks read English
    headers.put("Accept-Language", "en");
    if (cookie != null) {
      headers.put("Cookie", "vigil_login_csrf=" + cookie);
    }
    String body =
        "username="
            + enc(TestVigil.OPERATOR)
            + "&password="
            + enc(password)
            + "&csrf="
            + enc(field)
            + "&next="
            + enc(next);
    TestVigil.operator(vigil);
    return send("POST", "/login", headers, body);
  }

  static String credentials(String user, String password) throws Exception {
    return JSON.writeValueAsString(Map.of("username", user, "password", password));
  }

  static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return more;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void addUser(String name, String password, String role) {
    StaffClient.Response r =
        admin.post(
            "/api/v1/admin/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + password
                + "\",\"role\":\""
                + role
                + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static StaffClient auditor() {
    StaffClient.Response r =
        admin.post(
            "/api/v1/admin/users",
            "{\"username\":\"audrey\",\"password\":\"auditor-password-1\",\"role\":\"AUDITOR\"}");
    assertThat(r.status() == 201 || r.body().contains("is taken")).as(r.body()).isTrue();
    return new StaffClient(vigil.url(), "audrey", "auditor-password-1");
  }
}
