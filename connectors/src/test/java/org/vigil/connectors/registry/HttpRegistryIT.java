package org.vigil.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry.Lookup;
import org.vigil.notice.Language;
import org.vigil.plate.Plate;

/** {@link HttpRegistry} against a real HTTP server on a free loopback port. */
class HttpRegistryIT {
  private static final String TOKEN = "s3cret-registry-token";
  private static final Plate PLATE = new Plate("911ABY15", "KZ");
  private static final Instant AT = Instant.parse("2026-11-02T07:30:04Z");
  private static final String FOUND =
      """
      {"name":"Омаров Ержан","address":{"lines":["пр. Абая, д. 45, кв. 12","050000 Алматы"],
       "country":"KZ"},"email":"e.omarov@example.kz","phone":"+77011234567","language":"ru"}
      """;

  /** What the test server answers: status, body and a delay before answering. */
  private record Answer(int status, String body, Duration delay) {}

  /** What the test server received. */
  private record Received(String method, URI uri, String authorization, String type, String body) {}

  private HttpServer server;
  private ExecutorService executor;
  private volatile Answer answer;
  private volatile Received received;
  private HttpRegistry registry;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    registry = new HttpRegistry(settings(Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    registry.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private RegistrySettings settings(Duration timeout) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
    return new RegistrySettings(base, TOKEN, timeout);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      received =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              auth,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body);
      Answer a = answer;
      if (!("Bearer " + TOKEN).equals(auth)) {
        a = new Answer(401, "{\"error\":\"bad token\"}", Duration.ZERO);
      }
      if (!a.delay().isZero()) {
        try {
          Thread.sleep(a.delay());
        } catch (InterruptedException e) {
          return;
        }
      }
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Lookup ask(int status, String body) {
    answer = new Answer(status, body, Duration.ZERO);
    return registry.lookup(PLATE, AT);
  }

  @Test
  void a_known_plate_gives_its_keeper() {
    Lookup lookup = ask(200, FOUND);

    assertThat(lookup).isInstanceOf(Lookup.Found.class);
    Keeper k = ((Lookup.Found) lookup).keeper();
    assertThat(k.name()).isEqualTo("Омаров Ержан");
    assertThat(k.address().lines()).containsExactly("пр. Абая, д. 45, кв. 12", "050000 Алматы");
    assertThat(k.address().country()).isEqualTo("KZ");
    assertThat(k.email()).isEqualTo("e.omarov@example.kz");
    assertThat(k.phone()).isEqualTo("+77011234567");
    assertThat(k.language()).isEqualTo(Language.RU);
  }

  @Test
  void the_plate_goes_only_in_the_post_body_with_the_token() {
    ask(200, FOUND);

    Received r = received;
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri().toString()).isEqualTo("/registry/v1/keeper-lookups");
    assertThat(r.uri().toString()).doesNotContain("911");
    assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(r.type()).isEqualTo("application/json");
    assertThat(r.body())
        .isEqualTo("{\"plate\":\"911ABY15\",\"country\":\"KZ\",\"at\":\"2026-11-02T07:30:04Z\"}");
  }

  @Test
  void optional_contacts_may_be_absent_or_null() {
    Lookup lookup =
        ask(
            200,
            """
            {"name":"John Smith","address":{"lines":["45 Abay Avenue"],"country":"KZ"},
             "email":null,"language":"en-GB"}""");

    Keeper k = ((Lookup.Found) lookup).keeper();
    assertThat(k.email()).isNull();
    assertThat(k.phone()).isNull();
    assertThat(k.language()).isEqualTo(Language.EN);
  }

  @Test
  void not_found_is_no_keeper() {
    assertThat(ask(404, "")).isEqualTo(new Lookup.NotFound());
  }

  @Test
  void a_server_error_is_unavailable_with_its_status() {
    assertThat(ask(500, "{\"error\":\"boom\"}"))
        .isEqualTo(new Lookup.Unavailable("registry answered HTTP 500"));
    assertThat(ask(429, ""))
        .isEqualTo(new Lookup.Unavailable("registry answered HTTP 429, expected 200 or 404"));
  }

  @Test
  void a_wrong_token_is_refused() {
    HttpRegistry wrong =
        new HttpRegistry(
            new RegistrySettings(
                settings(Duration.ofSeconds(2)).baseUrl(), "wrong", Duration.ofSeconds(2)));
    answer = new Answer(200, FOUND, Duration.ZERO);
    try (wrong) {
      assertThat(wrong.lookup(PLATE, AT))
          .isEqualTo(new Lookup.Unavailable("registry refused the token"));
    }
  }

  @Test
  void a_slow_answer_past_the_timeout_is_unavailable() {
    HttpRegistry impatient = new HttpRegistry(settings(Duration.ofMillis(300)));
    answer = new Answer(200, FOUND, Duration.ofSeconds(5));
    long start = System.nanoTime();
    try (impatient) {
      assertThat(impatient.lookup(PLATE, AT))
          .isEqualTo(new Lookup.Unavailable("registry did not answer within PT0.3S"));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void nothing_listening_is_unavailable() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RegistrySettings closed =
        new RegistrySettings(URI.create("http://127.0.0.1:" + port), TOKEN, Duration.ofSeconds(2));
    try (HttpRegistry r = new HttpRegistry(closed)) {
      assertThat(r.lookup(PLATE, AT)).isInstanceOf(Lookup.Unavailable.class);
      assertThat(((Lookup.Unavailable) r.lookup(PLATE, AT)).reason())
          .startsWith("registry could not be reached (");
    }
  }

  @Test
  void a_malformed_body_names_the_field_but_no_value() {
    List<String[]> cases =
        List.of(
            new String[] {"{\"name\":\"Омаров Ержан\", oops", "registry answer is not JSON"},
            new String[] {"[1,2]", "registry answer is not a JSON object"},
            new String[] {
              "{\"address\":{\"lines\":[\"пр. Абая 45\"],\"country\":\"KZ\"},\"language\":\"ru\"}",
              "registry answer lacks 'name' or it is not a non-blank string"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"address\":{\"lines\":[],\"country\":\"KZ\"},"
                  + "\"language\":\"ru\"}",
              "registry answer lacks 'address.lines' or it is not an array of 1 to 6 strings"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"address\":{\"lines\":[\"пр. Абая 45\"],"
                  + "\"country\":\"Kazakhstan\"},\"language\":\"ru\"}",
              "registry answer lacks 'address.country' or it is not a two-letter ISO 3166 code"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"address\":{\"lines\":[\"пр. Абая 45\"],"
                  + "\"country\":\"KZ\"},\"email\":\"omarov at example.kz\",\"language\":\"ru\"}",
              "registry answer has an 'email' that is not an e-mail address"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"address\":{\"lines\":[\"пр. Абая 45\"],"
                  + "\"country\":\"KZ\"},\"phone\":\"8 701 123 45 67\",\"language\":\"ru\"}",
              "registry answer has a 'phone' that is not an E.164 number"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"address\":{\"lines\":[\"пр. Абая 45\"],"
                  + "\"country\":\"KZ\"}}",
              "registry answer lacks 'language' or it is not a string"
            },
            new String[] {
              "{\"name\":\"Омаров Ержан\",\"name\":\"Other\",\"address\":{\"lines\":[\"x\"],"
                  + "\"country\":\"KZ\"},\"language\":\"ru\"}",
              "registry answer is not JSON"
            });
    for (String[] c : cases) {
      Lookup lookup = ask(200, c[0]);
      assertThat(lookup).as(c[0]).isEqualTo(new Lookup.Unavailable(c[1]));
      String reason = ((Lookup.Unavailable) lookup).reason();
      assertThat(reason).doesNotContain("Омаров", "Абая", "omarov", "701", "911ABY15");
    }
  }

  @Test
  void an_unknown_language_is_unavailable() {
    Lookup lookup =
        ask(
            200,
            """
            {"name":"Hans Meier","address":{"lines":["Hauptstr. 1"],"country":"DE"},"language":"de"}
            """);

    assertThat(lookup)
        .isEqualTo(new Lookup.Unavailable("registry answered a language other than kk, ru or en"));
  }

  @Test
  void an_oversized_answer_is_refused() {
    String huge =
        "{\"name\":\"" + "x".repeat(HttpRegistry.MAX_ANSWER_BYTES) + "\",\"language\":\"ru\"}";

    assertThat(ask(200, huge))
        .isEqualTo(
            new Lookup.Unavailable(
                "registry answer is larger than " + HttpRegistry.MAX_ANSWER_BYTES + " bytes"));
  }

  @Test
  void the_registry_still_answers_after_failures() {
    ask(500, "");
    ask(200, "not json");
    assertThat(ask(200, FOUND)).isInstanceOf(Lookup.Found.class);
  }
}
