package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.browser.Browser;
import org.vigil.testkit.browser.BrowserExtension;

/**
 * The sign-in page in a real headless Chromium against a whole Vigil (real PostgreSQL, real HTTP):
 * in Kazakh, Russian and English, signing in as the operator, a wrong password, signing out. The
 * browser's own language is English, so a page in Kazakh or Russian is there because it was chosen.
 * A failing test leaves a screenshot and the page in {@code app/target/browser/}.
 */
class SignInBrowserIT {
  @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();

  @TempDir static Path dir;
  static Vigil vigil;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable();
    vigil =
        Vigil.start(
            TestVigil.config(
                dir, SitesBuilder.sites().camera(aCamera("A").limit(60, 0).zone("UTC")).build()));
    TestVigil.operator(vigil);
    url = vigil.url().toString().replaceAll("/$", "");
  }

  @AfterAll
  static void stop() {
    if (vigil != null) {
      vigil.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "kk, Кіру, Пайдаланушы аты, Құпиясөз, Vigil жүйесіне кіру",
    "ru, Вход, Имя пользователя, Пароль, Вход в Vigil",
    "en, Sign in, User name, Password, Sign in to Vigil"
  })
  void theSignInPageSpeaksEachLanguage(
      String lang, String title, String username, String password, String heading) {
    Browser b = BROWSER.browser().open(url + "/login?lang=" + lang);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.title()).isEqualTo(title + " — Vigil");
    assertThat(b.labels()).containsExactly(username, password);
    assertThat(b.text()).contains(heading).contains("Қазақша").contains("Русский");
    // the choice is remembered: the next page without ?lang is in the same language
    assertThat(b.open(url + "/login").lang()).isEqualTo(lang);
  }

  @Test
  void withoutAChoiceThePageFollowsTheBrowsersLanguage() {
    Browser b = BROWSER.browser().open(url + "/login");
    assertThat(b.lang()).isEqualTo("en");
    assertThat(b.labels()).containsExactly("User name", "Password");
  }

  @Test
  void theOperatorSignsInInKazakhSeesTheSignedInPageAndSignsOut() {
    Browser b = BROWSER.browser().open(url + "/staff?lang=kk");
    // not signed in: sent to the form, which will return to the page
    assertThat(b.url()).contains("/login?next=%2Fstaff%3Flang%3Dkk");
    assertThat(b.lang()).isEqualTo("kk");

    b.fill("Пайдаланушы аты", TestVigil.OPERATOR)
        .fill("Құпиясөз", TestVigil.OPERATOR_PASSWORD)
        .click("Кіру");

    assertThat(b.url()).endsWith("/staff?lang=kk");
    assertThat(b.lang()).isEqualTo("kk");
    assertThat(b.title()).isEqualTo("Кіру орындалды — Vigil");
    assertThat(b.text())
        .contains("Сіз жүйеге кірдіңіз")
        .contains("Сіз officer ретінде кірдіңіз, рөліңіз: оператор.");

    b.click("Шығу");
    assertThat(b.url()).endsWith("/login");
    assertThat(b.lang()).isEqualTo("kk");
    assertThat(b.open(url + "/staff").url()).contains("/login?next=%2Fstaff");
  }

  @Test
  void theOperatorSignsInInEnglishAndLandsWhereAsked() {
    Browser b = BROWSER.browser().open(url + "/login?lang=en&next=/staff");
    b.fill("User name", TestVigil.OPERATOR)
        .fill("Password", TestVigil.OPERATOR_PASSWORD)
        .click("Sign in");
    assertThat(b.url()).endsWith("/staff");
    assertThat(b.text()).contains("You are signed in as officer, with the role of operator.");
  }

  @ParameterizedTest
  @CsvSource({
    "kk, Пайдаланушы аты, Құпиясөз, Кіру, Пайдаланушы аты немесе құпиясөз қате.",
    "ru, Имя пользователя, Пароль, Войти, Неверное имя пользователя или пароль."
  })
  void aWrongPasswordShowsTheTranslatedError(
      String lang, String username, String password, String submit, String error) {
    Browser b = BROWSER.browser().open(url + "/login?lang=" + lang);
    b.fill(username, TestVigil.OPERATOR).fill(password, "not-the-password").click(submit);
    assertThat(b.lang()).isEqualTo(lang);
    assertThat(b.alerts()).containsExactly(error);
    assertThat(b.labels()).containsExactly(username, password);
    // and the right password still works afterwards: two failures lock nothing
    b.fill(username, TestVigil.OPERATOR).fill(password, TestVigil.OPERATOR_PASSWORD).click(submit);
    assertThat(b.alerts()).isEmpty();
  }
}
