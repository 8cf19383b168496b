package org.vigil.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself, against a tiny page served by the JDK's HTTP server on the loopback. */
class BrowserIT {
  @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();

  static HttpServer server;
  static String url;

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body;
          if (ex.getRequestMethod().equals("POST")) {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            body =
                "<p role=\"alert\">Got "
                    + URLDecoder.decode(form, StandardCharsets.UTF_8)
                        .replace("&", "&amp;")
                        .replace("<", "&lt;")
                    + "</p>";
          } else {
            body =
                """
                <form method="post" action="/">
                <label for="who">Имя пользователя</label><input id="who" name="who">
                <label>Note <textarea name="note"></textarea></label>
                <button type="submit">Отправить</button>
                </form><a href="/other">Elsewhere</a>
                """;
          }
          byte[] page =
              ("<!doctype html><html lang=\"kk\"><head><meta charset=\"utf-8\"><title>T</title>"
                      + "</head><body>"
                      + body
                      + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          ex.close();
        });
    server.createContext(
        "/more",
        ex -> {
          String body;
          if (ex.getRequestMethod().equals("POST")) {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            body =
                "<p role=\"alert\">"
                    + (form.contains("name=\"reason\"\r\n\r\nB\r\n") ? "reason B " : "")
                    + (form.contains("name=\"outcome\"\r\n\r\nno\r\n") ? "outcome no " : "")
                    + (form.contains("filename=\"note.txt\"") && form.contains("file body")
                        ? "file note.txt"
                        : "")
                    + "</p><a href=\"/more?x\">Back</a>";
          } else {
            if (ex.getRequestURI().getQuery() == null) {
              ex.getResponseHeaders().add("Set-Cookie", "scoped=1; Path=/more");
            }
            body =
                """
                <form method="post" action="/more" enctype="multipart/form-data">
                <label for="reason">Reason</label>
                <select id="reason" name="reason"><option value="A">First</option>
                <option value="B">Second one</option></select>
                <label><input type="radio" name="outcome" value="yes"> Yes</label>
                <label><input type="radio" name="outcome" value="no"> No</label>
                <label for="file">File</label><input type="file" id="file" name="file">
                <button type="submit">Send</button>
                </form><a href="/more?a">Same</a> <a href="/more?b">Same</a>
                """;
          }
          byte[] page =
              ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>M</title>"
                      + "</head><body>"
                      + body
                      + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          ex.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void fillsFieldsByTheirLabelsAndClicksButtonsByTheirText() {
    Browser b = BROWSER.browser().open(url);
    assertThat(b.lang()).isEqualTo("kk");
    assertThat(b.title()).isEqualTo("T");
    assertThat(b.labels()).containsExactly("Имя пользователя", "Note");
    b.fill("имя пользователя", "олжас").fill("Note", "a <b>").click("Отправить");
    assertThat(b.alerts()).containsExactly("Got who=олжас&note=a <b>");
    assertThat(b.text()).contains("олжас");
  }

  @Test
  void aMissingLabelOrButtonIsAnAssertionNamingWhatThePageOffers() {
    Browser b = BROWSER.browser().open(url);
    assertThatThrownBy(() -> b.fill("Password", "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no label reads 'Password'")
        .hasMessageContaining("Имя пользователя");
    assertThatThrownBy(() -> b.click("Sign in"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Отправить");
  }

  @Test
  void choosesOptionsChecksRadioButtonsAttachesFilesAndFollowsLinks(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("note.txt"), "file body");
    Browser b = BROWSER.browser().open(url + "more");
    b.follow("/more?b");
    assertThat(b.url()).endsWith("/more?b");
    b.choose("reason", "second ONE").check("No").attach("File", file).click("Send");
    assertThat(b.alerts()).containsExactly("reason B outcome no file note.txt");
    assertThatThrownBy(() -> b.follow("/nowhere"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/more?x");
  }

  @Test
  void clearingCookiesForgetsThoseOfOtherPathsToo() {
    Browser b = BROWSER.browser().open(url + "more");
    assertThat(b.open(url + "more?x").driver().manage().getCookieNamed("scoped")).isNotNull();
    b.open(url).clearCookies(); // on a page the cookie is not sent to
    assertThat(b.open(url + "more?x").driver().manage().getCookieNamed("scoped")).isNull();
  }

  @Test
  void savesAScreenshotAndThePage(@TempDir Path dir) throws IOException {
    Path png = BROWSER.browser().open(url).screenshot(dir, "a page/with odd name");
    assertThat(png.getFileName().toString()).isEqualTo("a_page_with_odd_name.png");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).hasSizeGreaterThan(100);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(Files.readString(dir.resolve("a_page_with_odd_name.html"))).contains("Отправить");
  }
}
