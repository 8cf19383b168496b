package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vigil.notice.Language;

class MessagesTest {
  /** Loanwords that Kazakh and Russian share. */
  private static final Set<String> SAME_IN_KAZAKH_AND_RUSSIAN =
      Set.of("role.OPERATOR", "role.AUDITOR");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");

  @Test
  void theThreeLanguagesHaveTheSameKeys() {
    Set<String> en = Messages.of(Language.EN).keys();
    assertThat(en).isNotEmpty();
    assertThat(Messages.of(Language.RU).keys()).isEqualTo(en);
    assertThat(Messages.of(Language.KK).keys()).isEqualTo(en);
  }

  @Test
  void everyTextHasItsValueAndTheSamePlaceholdersInEveryLanguage() {
    for (String key : Messages.of(Language.EN).keys()) {
      Set<String> expected = placeholders(Messages.of(Language.EN).get(key));
      for (Language l : Language.values()) {
        String text = Messages.of(l).get(key);
        assertThat(text).as(l + " " + key).isNotBlank();
        assertThat(placeholders(text)).as(l + " " + key).isEqualTo(expected);
      }
    }
  }

  @Test
  void theBundlesAreReadAsUtf8AndAreReallyTranslated() {
    // letters only Kazakh has, and Cyrillic in Russian: a bundle read as ISO-8859-1 has neither
    assertThat(Messages.of(Language.KK).get("signin.password")).isEqualTo("Құпиясөз");
    assertThat(Messages.of(Language.KK).get("signin.wrong")).containsPattern("[әғқңөұүһі]");
    assertThat(Messages.of(Language.RU).get("signin.username")).isEqualTo("Имя пользователя");
    assertThat(Messages.of(Language.EN).get("signin.username")).isEqualTo("User name");
    for (String key : Messages.of(Language.EN).keys()) {
      if (key.equals("layout.product")) {
        continue;
      }
      assertThat(Messages.of(Language.RU).get(key))
          .as("ru " + key)
          .isNotEqualTo(Messages.of(Language.EN).get(key))
          .containsPattern("\\p{IsCyrillic}");
      assertThat(Messages.of(Language.KK).get(key))
          .as("kk " + key)
          .containsPattern("\\p{IsCyrillic}");
      if (!SAME_IN_KAZAKH_AND_RUSSIAN.contains(key)) {
        assertThat(Messages.of(Language.KK).get(key))
            .as("kk " + key)
            .isNotEqualTo(Messages.of(Language.RU).get(key));
      }
    }
  }

  @Test
  void formatReplacesNamedPlaceholdersLiterallyAndRefusesUnknownOnes() {
    Messages en = Messages.of(Language.EN);
    assertThat(en.format("layout.signedInAs", "user", "olga's {x}", "role", "operator"))
        .isEqualTo("Signed in as olga's {x} (operator)");
    assertThatThrownBy(() -> en.format("layout.signedInAs", "nobody", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{nobody}");
    assertThatThrownBy(() -> en.format("layout.signedInAs", "user"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> en.get("no.such.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.key")
        .hasMessageContaining("en");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
