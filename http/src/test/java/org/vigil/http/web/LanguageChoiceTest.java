package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.notice.Language.EN;
import static org.vigil.notice.Language.KK;
import static org.vigil.notice.Language.RU;

import org.junit.jupiter.api.Test;
import org.vigil.http.BadRequestException;

class LanguageChoiceTest {

  @Test
  void theQueryWinsThenTheCookieThenTheBrowserThenTheDefault() {
    assertThat(LanguageChoice.choose("kk", "en", "ru", EN)).isEqualTo(KK);
    assertThat(LanguageChoice.choose(null, "en", "kk", RU)).isEqualTo(EN);
    assertThat(LanguageChoice.choose(null, null, "kk-KZ,ru;q=0.8", EN)).isEqualTo(KK);
    assertThat(LanguageChoice.choose(null, null, null, RU)).isEqualTo(RU);
    assertThat(LanguageChoice.choose(null, null, null, KK)).isEqualTo(KK);
  }

  @Test
  void anUnknownQueryValueIsABadRequestNamingIt() {
    assertThatThrownBy(() -> LanguageChoice.choose("de", null, null, RU))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("lang must be kk, ru or en, was 'de'");
    assertThat(LanguageChoice.choose(" EN ", null, null, RU)).isEqualTo(EN);
  }

  @Test
  void anUnusableCookieIsIgnored() {
    assertThat(LanguageChoice.choose(null, "de", "en", RU)).isEqualTo(EN);
    assertThat(LanguageChoice.choose(null, "", null, KK)).isEqualTo(KK);
  }

  @Test
  void acceptLanguageIsReadByWeightSkippingLanguagesVigilDoesNotSpeak() {
    assertThat(LanguageChoice.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5,ru;q=0.7")).contains(RU);
    assertThat(LanguageChoice.fromAcceptLanguage("ru-KZ")).contains(RU);
    assertThat(LanguageChoice.fromAcceptLanguage("kk;q=0,en;q=0.1")).contains(EN);
    assertThat(LanguageChoice.fromAcceptLanguage("*")).isEmpty();
    assertThat(LanguageChoice.fromAcceptLanguage("fr-FR, de")).isEmpty();
    assertThat(LanguageChoice.fromAcceptLanguage("en;q=nonsense")).isEmpty();
    assertThat(LanguageChoice.fromAcceptLanguage("")).isEmpty();
    assertThat(LanguageChoice.fromAcceptLanguage(null)).isEmpty();
  }
}
