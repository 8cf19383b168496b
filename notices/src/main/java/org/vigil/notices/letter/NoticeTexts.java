package org.vigil.notices.letter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;

/**
 * The wording and number formats of one language, from the UTF-8 bundle {@code
 * org/vigil/notices/letter/notice_<tag>.properties}.
 *
 * <p>Dates are the locale's long form ({@code 2 декабря 2026 г.}, {@code 2026 ж. 2 желтоқсан},
 * {@code December 2, 2026}); times are 24-hour {@code HH:mm} with the zone's UTC offset; amounts
 * are grouped by thousands (a plain space in Russian and Kazakh, a comma in English) with two
 * decimals only when the amount has a fraction, followed by the currency code. Every space is a
 * plain U+0020, so that the letter's text can be searched as written.
 */
final class NoticeTexts {
  static final String BUNDLE = "org.vigil.notices.letter.notice";

  private final Language language;
  private final ResourceBundle bundle;
  private final DateTimeFormatter dates;

  private NoticeTexts(Language language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            NoticeTexts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
  }

  /** The texts of {@code language}. */
  static NoticeTexts of(Language language) {
    return new NoticeTexts(language);
  }

  Language language() {
    return language;
  }

  /**
   * The text under {@code key}.
   *
   * @throws MissingResourceException naming the key and the language when the bundle lacks it
   */
  String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new MissingResourceException(
          "notice text '" + key + "' missing in language " + language.tag(), BUNDLE, key);
    }
  }

  /** The text under {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code args}. */
  String fill(String key, Object... args) {
    String s = text(key);
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /** The offence in words. */
  String offence(ViolationType type) {
    return text("type." + type.name());
  }

  String date(LocalDate day) {
    return plainSpaces(dates.format(day));
  }

  /** Date and time in {@code zone}: {@code 2 декабря 2026 г., 08:30 (UTC+05:00)}. */
  String dateTime(Instant at, ZoneId zone) {
    ZonedDateTime t = at.atZone(zone);
    String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
    return date(t.toLocalDate())
        + ", "
        + DateTimeFormatter.ofPattern("HH:mm").format(t)
        + " (UTC"
        + offset
        + ")";
  }

  /** {@code 34 500 KZT}, {@code 34,500 KZT}, {@code 12 500,50 KZT}. */
  String money(BigDecimal amount, String currency) {
    BigDecimal v = amount.stripTrailingZeros();
    v = v.scale() <= 0 ? v.setScale(0) : v.scale() < 2 ? v.setScale(2) : v;
    return number(v) + " " + currency;
  }

  /** A speed with at most one decimal and the unit: {@code 107 км/ч}, {@code 112,6 км/ч}. */
  String speed(double kmh) {
    BigDecimal v = BigDecimal.valueOf(kmh).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return number(v.scale() <= 0 ? v.setScale(0) : v) + " " + text("kmh");
  }

  /** {@code value} at its own scale, grouped by thousands in this language. */
  private String number(BigDecimal value) {
    String plain = value.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot + 1);
    char group = language == Language.EN ? ',' : ' ';
    char decimal = language == Language.EN ? '.' : ',';
    StringBuilder sb = new StringBuilder(value.signum() < 0 ? "-" : "");
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        sb.append(group);
      }
      sb.append(whole.charAt(i));
    }
    if (!fraction.isEmpty()) {
      sb.append(decimal).append(fraction);
    }
    return sb.toString();
  }

  /** The keys of this language's bundle. */
  List<String> keys() {
    return bundle.keySet().stream().sorted().toList();
  }

  /** Replaces the no-break spaces that locale data uses with plain spaces. */
  static String plainSpaces(String s) {
    return s.replace('\u202F', ' ').replace('\u00A0', ' ').replace('\u2007', ' ');
  }
}
