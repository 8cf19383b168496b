package org.vigil.connectors.registry;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Language;
import org.vigil.plate.Plate;

/**
 * A national vehicle registry over HTTP, by the contract in {@code docs/registry.md}: {@code POST
 * {base}/v1/keeper-lookups} with {@code {"plate","country","at"}} and a bearer token; 200 with the
 * keeper, or 404 when there is none.
 *
 * <p>The plate travels only in the request body, never in the URL, so it cannot reach an access
 * log. Every failure is an {@link Lookup.Unavailable} whose reason names the status, the failure or
 * the bad field, and never a value of the answer (values are personal data). The whole exchange
 * (connect, request, answer) is bounded by {@link RegistrySettings#timeout()}; answers over {@value
 * #MAX_ANSWER_BYTES} bytes are refused; redirects are not followed (the token would go with them).
 * Nothing is logged. Thread-safe.
 */
public final class HttpRegistry implements KeeperRegistry, AutoCloseable {

  /** The largest answer read. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final RegistrySettings settings;
  private final HttpClient client;
  private final boolean ownsClient;

  /** A registry reached with a client of its own (system TLS trust, no redirects). */
  public HttpRegistry(RegistrySettings settings) {
    this(
        settings,
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        true);
  }

  /**
   * A registry reached with {@code client}, e.g. one with a client certificate or a private trust
   * store. The client should not follow redirects; {@link #close()} leaves it open.
   */
  public HttpRegistry(RegistrySettings settings, HttpClient client) {
    this(settings, client, false);
  }

  private HttpRegistry(RegistrySettings settings, HttpClient client, boolean ownsClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
  }

  @Override
  public Lookup lookup(Plate plate, Instant at) {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(at, "at");
    HttpRequest request =
        HttpRequest.newBuilder(settings.lookupsUri())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + settings.token())
            .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody(plate, at)))
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new LimitedBody(MAX_ANSWER_BYTES)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return timedOut();
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new Lookup.Unavailable("interrupted while asking the registry");
    } catch (ExecutionException e) {
      return failed(e.getCause());
    }
    return answer(response.statusCode(), response.body());
  }

  private Lookup timedOut() {
    return new Lookup.Unavailable("registry did not answer within " + settings.timeout());
  }

  private Lookup failed(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return timedOut();
    }
    if (cause instanceof AnswerTooLarge) {
      return new Lookup.Unavailable(
          "registry answer is larger than " + MAX_ANSWER_BYTES + " bytes");
    }
    String kind = cause == null ? "unknown" : cause.getClass().getSimpleName();
    if (cause instanceof IOException) {
      return new Lookup.Unavailable("registry could not be reached (" + kind + ")");
    }
    return new Lookup.Unavailable("registry request failed (" + kind + ")");
  }

  private static byte[] requestBody(Plate plate, Instant at) {
    ObjectNode body = JSON.createObjectNode();
    body.put("plate", plate.text());
    body.put("country", plate.country());
    body.put("at", at.toString());
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a lookup request", e);
    }
  }

  /** What a status and an answer body mean; package-private for tests. */
  static Lookup answer(int status, byte[] body) {
    return switch (status) {
      case 200 -> keeper(body);
      case 404 -> new Lookup.NotFound();
      case 401 -> new Lookup.Unavailable("registry refused the token");
      case 403 -> new Lookup.Unavailable("registry refused the request (HTTP 403)");
      default ->
          new Lookup.Unavailable(
              status >= 500
                  ? "registry answered HTTP " + status
                  : "registry answered HTTP " + status + ", expected 200 or 404");
    };
  }

  private static Lookup keeper(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      // The parser's message may quote the answer, which is personal data: name no detail.
      return malformed("is not JSON");
    }
    if (root == null || !root.isObject()) {
      return malformed("is not a JSON object");
    }
    String name = text(root.get("name"));
    if (name == null) {
      return malformed("lacks 'name' or it is not a non-blank string");
    }
    JsonNode address = root.get("address");
    if (address == null || !address.isObject()) {
      return malformed("lacks 'address' or it is not an object");
    }
    JsonNode linesNode = address.get("lines");
    List<String> lines = new ArrayList<>();
    if (linesNode != null && linesNode.isArray()) {
      for (JsonNode line : linesNode) {
        String l = text(line);
        if (l == null) {
          return malformed("has a blank or non-string line in 'address.lines'");
        }
        lines.add(l);
      }
    }
    if (lines.isEmpty() || lines.size() > 6) {
      return malformed("lacks 'address.lines' or it is not an array of 1 to 6 strings");
    }
    String country = text(address.get("country"));
    if (country == null || !country.matches("[A-Z]{2}")) {
      return malformed("lacks 'address.country' or it is not a two-letter ISO 3166 code");
    }
    String email;
    String phone;
    try {
      email = optionalText(root.get("email"), "email");
      phone = optionalText(root.get("phone"), "phone");
    } catch (BadField e) {
      return malformed(e.getMessage());
    }
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      return malformed("has an 'email' that is not an e-mail address");
    }
    if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
      return malformed("has a 'phone' that is not an E.164 number");
    }
    String tag = text(root.get("language"));
    if (tag == null) {
      return malformed("lacks 'language' or it is not a string");
    }
    Language language;
    try {
      language = Language.ofTag(tag);
    } catch (IllegalArgumentException e) {
      return new Lookup.Unavailable("registry answered a language other than kk, ru or en");
    }
    try {
      return new Lookup.Found(
          new Keeper(name, new PostalAddress(lines, country), email, phone, language));
    } catch (IllegalArgumentException e) {
      return malformed("does not describe a valid keeper");
    }
  }

  private static Lookup malformed(String what) {
    return new Lookup.Unavailable("registry answer " + what);
  }

  /** The text of a string node, stripped, or null when absent, not a string, or blank. */
  private static String text(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return null;
    }
    return node.asText().strip();
  }

  /** Absent, null or an empty string: none; otherwise a non-blank string. */
  private static String optionalText(JsonNode node, String field) throws BadField {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadField("has a '" + field + "' that is not a string");
    }
    return node.asText().strip();
  }

  /** Closes the client if this registry made it. */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "HttpRegistry[" + settings + "]";
  }

  private static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(String message) {
      super(message, null, false, false);
    }
  }

  private static final class AnswerTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerTooLarge() {
      super("answer too large");
    }
  }

  /** Collects an answer body, failing once it passes {@code max} bytes. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (bytes.size() + item.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new AnswerTooLarge());
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
