package org.vigil.notice;

import java.util.Locale;

/** The languages of notices and of the citizen portal. */
public enum Language {
  KK("kk"),
  RU("ru"),
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag: {@code kk}, {@code ru} or {@code en}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /**
   * The language of a tag such as {@code ru} or {@code ru-KZ}.
   *
   * @throws IllegalArgumentException naming the tag when it is none of the three
   */
  public static Language ofTag(String tag) {
    if (tag != null) {
      String primary = tag.strip().toLowerCase(Locale.ROOT);
      int dash = primary.indexOf('-');
      if (dash > 0) {
        primary = primary.substring(0, dash);
      }
      for (Language l : values()) {
        if (l.tag.equals(primary)) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException("language must be kk, ru or en, was '" + tag + "'");
  }
}
