package org.vigil.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.http.desk.DeskPages;
import org.vigil.http.portal.PortalPages;
import org.vigil.notice.Language;

/** Every language has every text, with the same placeholders, and no text is left in English. */
class TextsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  @ParameterizedTest
  @ValueSource(strings = {DeskPages.TEXTS, PortalPages.TEXTS})
  void everyLanguageHasTheSameKeysAndPlaceholders(String base) {
    Texts en = Texts.of(base, Language.EN);
    for (Language l : Language.values()) {
      Texts t = Texts.of(base, l);
      assertThat(new TreeSet<>(t.keys()))
          .as(l + " keys of " + base)
          .isEqualTo(new TreeSet<>(en.keys()));
      for (String key : en.keys()) {
        assertThat(placeholders(t.get(key)))
            .as(l + " placeholders of " + key)
            .isEqualTo(placeholders(en.get(key)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DeskPages.TEXTS, PortalPages.TEXTS})
  void kazakhAndRussianAreWrittenInCyrillic(String base) {
    for (Language l : new Language[] {Language.KK, Language.RU}) {
      Texts t = Texts.of(base, l);
      Map<String, String> latinOnly = new TreeMap<>();
      for (String key : t.keys()) {
        String v = t.get(key);
        if (v.length() > 12
            && !v.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
          latinOnly.put(key, v);
        }
      }
      assertThat(latinOnly).as(l + " texts of " + base + " without a Cyrillic letter").isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void kazakhUsesItsOwnLetters() {
    String all =
        String.join(
            " ",
            Texts.of(PortalPages.TEXTS, Language.KK).keys().stream()
                .map(k -> Texts.of(PortalPages.TEXTS, Language.KK).get(k))
                .toList());
    assertThat(all).containsAnyOf("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
