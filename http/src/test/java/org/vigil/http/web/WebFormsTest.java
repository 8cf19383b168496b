package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.http.Html;

class WebFormsTest {

  @Test
  void nextStaysOnThisSite() {
    assertThat(WebForms.safeNext("/api/v1/session?x=1")).isEqualTo("/api/v1/session?x=1");
    assertThat(WebForms.safeNext("/")).isEqualTo("/");
    for (String evil :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example",
          "/\\evil.example",
          "\\\\evil.example",
          "javascript:alert(1)",
          "/a b",
          "/a\r\nSet-Cookie: x=y",
          "/é",
          "evil.example"
        }) {
      assertThat(WebForms.safeNext(evil)).as(String.valueOf(evil)).isEqualTo("/");
    }
  }

  @Test
  void formBodiesAreDecodedAndTheFirstOfRepeatedFieldsWins() {
    assertThat(WebForms.parse("a=1&b=x+y%26z&a=2&c".getBytes(StandardCharsets.UTF_8)))
        .containsEntry("a", "1")
        .containsEntry("b", "x y&z")
        .containsEntry("c", "");
    assertThat(WebForms.parse(new byte[0])).isEmpty();
  }

  @Test
  void htmlIsEscaped() {
    assertThat(Html.escape("\"><script>&'")).isEqualTo("&quot;&gt;&lt;script&gt;&amp;&#39;");
  }
}
