package org.vigil.notices.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;
import org.vigil.notices.testing.Letters;

class NoticeTextsTest {

  @Property
  void everyOffenceHasItsWordingInEveryLanguage(
      @ForAll ViolationType type, @ForAll Language language) {
    String wording = NoticeTexts.of(language).offence(type);

    assertThat(wording).isNotBlank().doesNotContain("type.", "{");
    if (language != Language.EN) {
      assertThat(wording).containsPattern("\\p{IsCyrillic}{4}");
    }
  }

  @Property
  void theOffencesAreWordedDifferentlyFromEachOther(
      @ForAll ViolationType a, @ForAll ViolationType b, @ForAll Language language) {
    NoticeTexts t = NoticeTexts.of(language);
    assertThat(t.offence(a).equals(t.offence(b))).isEqualTo(a == b);
  }

  @Property(tries = 60)
  void everyTextMessageFitsIn480Characters(@ForAll ViolationType type, @ForAll Language language) {
    String sms =
        new PdfNoticeRenderer().sms(Letters.letter(language, type, 100.5, 96.0, 80, "a@b.kz"));
    assertThat(sms.length()).isLessThanOrEqualTo(PdfNoticeRenderer.SMS_MAX);
  }

  @Test
  void everyBundleHasTheKeysAndPlaceholdersOfTheEnglishOne() {
    NoticeTexts en = NoticeTexts.of(Language.EN);
    assertThat(en.keys()).hasSizeGreaterThan(40);
    for (Language language : Language.values()) {
      NoticeTexts t = NoticeTexts.of(language);
      assertThat(t.keys()).as(language.tag()).isEqualTo(en.keys());
      for (String key : en.keys()) {
        assertThat(placeholders(t.text(key)))
            .as(language.tag() + " " + key)
            .isEqualTo(placeholders(en.text(key)));
      }
    }
  }

  @Test
  void theKazakhAndRussianBundlesAreWrittenInTheirLanguage() {
    NoticeTexts kk = NoticeTexts.of(Language.KK);
    NoticeTexts ru = NoticeTexts.of(Language.RU);
    NoticeTexts en = NoticeTexts.of(Language.EN);
    for (String key : en.keys()) {
      assertThat(kk.text(key)).as("kk " + key).isNotEqualTo(en.text(key));
      assertThat(ru.text(key)).as("ru " + key).isNotEqualTo(en.text(key));
      assertThat(kk.text(key)).as("kk " + key).isNotEqualTo(ru.text(key));
    }
    String allKazakh = String.join(" ", kk.keys().stream().map(kk::text).toList());
    assertThat(allKazakh).containsPattern("[ӘәҒғҚқҢңӨөҰұҮүІі]");
  }

  private static Set<String> placeholders(String s) {
    return Pattern.compile("\\{\\d}")
        .matcher(s)
        .results()
        .map(MatchResult::group)
        .collect(Collectors.toSet());
  }

  @Test
  void amountsAndSpeedsAreFormattedForTheLanguage() {
    NoticeTexts en = NoticeTexts.of(Language.EN);
    NoticeTexts ru = NoticeTexts.of(Language.RU);
    assertThat(en.money(new BigDecimal("1234567"), "KZT")).isEqualTo("1,234,567 KZT");
    assertThat(ru.money(new BigDecimal("1234567.5"), "KZT")).isEqualTo("1 234 567,50 KZT");
    assertThat(ru.money(new BigDecimal("500.00"), "KZT")).isEqualTo("500 KZT");
    assertThat(en.speed(107.0)).isEqualTo("107 km/h");
    assertThat(ru.speed(112.64)).isEqualTo("112,6 км/ч");
    assertThat(NoticeTexts.of(Language.KK).speed(60)).isEqualTo("60 км/сағ");
  }
}
