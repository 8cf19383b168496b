package org.vigil.http.pages;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.http.Route;

/**
 * A real HTTP server with some routes, and a client that does not follow redirects and keeps
 * cookies by hand: for the page tests.
 */
public final class PageClient implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final WebServer server;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String acceptLanguage = "en";

  /** Serves {@code routes}, each handler passed through {@code wrap} (a stand-in guard, say). */
  public PageClient(List<Route> routes, Function<Route, Handler> wrap) {
    server =
        WebServer.builder()
            .port(0)
            .host("127.0.0.1")
            .shutdownHook(false)
            .maxPayloadSize(64L << 20)
            .routing(
                r -> {
                  for (Route route : routes) {
                    r.route(route.method(), route.path(), wrap.apply(route));
                  }
                })
            .build()
            .start();
  }

  /** One answer. */
  public record Reply(int status, String body, HttpResponse<byte[]> raw) {
    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public List<String> setCookies() {
      return raw.headers().allValues("Set-Cookie");
    }

    public byte[] bytes() {
      return raw.body();
    }
  }

  public PageClient language(String tag) {
    this.acceptLanguage = tag;
    return this;
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  public Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** GET with an {@code Authorization} header. */
  public Reply get(String path, String authorization) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET());
  }

  public Reply postForm(String path, Map<String, String> fields) throws Exception {
    List<String> pairs = new ArrayList<>();
    fields.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
  }

  public Reply post(String path, String contentType, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private Reply send(HttpRequest.Builder b) throws Exception {
    b.header("Accept-Language", acceptLanguage);
    if (!cookies.isEmpty()) {
      List<String> c = new ArrayList<>();
      cookies.forEach((k, v) -> c.add(k + "=" + v));
      b.header("Cookie", String.join("; ", c));
    }
    HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    for (String set : r.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || set.contains("Expires=Thu, 1 Jan 1970") || set.contains("1970")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
  }

  @Override
  public void close() {
    server.stop();
  }
}
