package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.notice.Language;

class LayoutTest {

  @Test
  void aPageHasItsLanguageTitleSkipLinkLandmarkAndLanguageLinks() {
    String html =
        Layout.of(Language.KK, "/login", List.of(Map.entry("next", "/staff?a=1&b=2")))
            .title("Кіру")
            .main("<h1>x</h1>")
            .render();
    assertThat(html)
        .startsWith("<!doctype html>\n<html lang=\"kk\">")
        .contains("<title>Кіру — Vigil</title>")
        .contains("<a class=\"skip\" href=\"#main\">Негізгі мазмұнға өту</a>")
        .contains("<main id=\"main\" tabindex=\"-1\">\n<h1>x</h1>")
        .contains("<nav aria-label=\"Тіл\">")
        .contains(
            "<a href=\"/login?next=%2Fstaff%3Fa%3D1%26b%3D2&amp;lang=ru\" hreflang=\"ru\""
                + " lang=\"ru\">Русский</a>")
        .contains("hreflang=\"kk\" lang=\"kk\" aria-current=\"true\">Қазақша</a>")
        .contains("hreflang=\"en\" lang=\"en\">English</a>")
        .contains(":focus-visible")
        .contains("@media (max-width:40rem)")
        .doesNotContain("<script");
  }

  @Test
  void theLanguageLinksReplaceTheLangParameter() {
    Layout page =
        Layout.of(Language.EN, "/portal", List.of(Map.entry("lang", "en"), Map.entry("x", "é")));
    assertThat(page.link(Language.KK)).isEqualTo("/portal?x=%C3%A9&lang=kk");
    assertThat(Layout.of(Language.EN, "/", List.of()).link(Language.RU)).isEqualTo("/?lang=ru");
    assertThat(page.linksKeep(List.of(Map.entry("next", "/staff"))).link(Language.RU))
        .isEqualTo("/portal?next=%2Fstaff&lang=ru");
  }

  @Test
  void everyValueIsEscaped() {
    String evil = "\"><script>alert(1)</script>";
    String html =
        Layout.of(Language.EN, "/staff", List.of(Map.entry(evil, evil)))
            .title(evil)
            .signedIn(evil, evil, evil)
            .render();
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(Layout.field("n", evil, "text", "off", evil, false)).doesNotContain("<script>");
    assertThat(Layout.alert(evil)).doesNotContain("<script>");
    assertThat(Layout.hidden("csrf", evil)).doesNotContain("\"><");
    assertThat(Layout.button(evil)).doesNotContain("<script>");
  }

  @Test
  void fieldsHaveLabelsForThemAndErrorsAreAlerts() {
    assertThat(Layout.field("username", "User name", "text", "username", null, true))
        .isEqualTo(
            "<label for=\"f-username\">User name</label>\n<input id=\"f-username\""
                + " name=\"username\" type=\"text\" autocomplete=\"username\" required"
                + " autofocus>\n");
    assertThat(Layout.alert("Wrong.")).isEqualTo("<p class=\"error\" role=\"alert\">Wrong.</p>\n");
    assertThat(Layout.alert("")).isEmpty();
    assertThat(Layout.hidden("csrf", "t"))
        .isEqualTo("<input type=\"hidden\" name=\"csrf\" value=\"t\">");
  }

  @Test
  void staffSeeWhoIsSignedInAndASignOutButtonCarryingTheCsrfToken() {
    String html =
        Layout.of(Language.RU, "/staff", List.of()).signedIn("officer", "оператор", "tok").render();
    assertThat(html)
        .contains("Вы вошли как officer (оператор)")
        .contains(
            "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\""
                + " value=\"tok\"><button type=\"submit\">Выйти</button></form>");
    assertThat(Layout.of(Language.RU, "/staff", List.of()).signedIn("a", "b", null).render())
        .doesNotContain("/logout");
  }

  @Test
  void thePortalHasItsOwnNameAndHome() {
    String html =
        Layout.of(Language.EN, "/portal", List.of())
            .audience(Layout.Audience.PORTAL)
            .title("Your notice")
            .render();
    assertThat(html)
        .contains("<title>Your notice — Traffic fines: citizen portal</title>")
        .contains("<a class=\"product\" href=\"/portal\">");
  }
}
