package org.vigil.http.web;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.vigil.notice.Language;

/**
 * The texts of one set of pages in one language, from {@code <base>_<tag>.properties} (UTF-8) on
 * the class path. Placeholders are {@code {0}}, {@code {1}}, ...; nothing else in a text is special
 * (no MessageFormat quoting), so translators may write apostrophes freely.
 */
public final class Texts {
  private final ResourceBundle bundle;
  private final Language language;

  private Texts(ResourceBundle bundle, Language language) {
    this.bundle = bundle;
    this.language = language;
  }

  /**
   * The texts of {@code baseName} (e.g. {@code org.vigil.http.desk.desk}) in {@code language}.
   *
   * @throws MissingResourceException when that language's file is missing
   */
  public static Texts of(String baseName, Language language) {
    return new Texts(
        ResourceBundle.getBundle(
            baseName,
            Locale.forLanguageTag(language.tag()),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
        language);
  }

  /** The language of these texts. */
  public Language language() {
    return language;
  }

  /**
   * The text of {@code key} with {@code {i}} replaced by {@code args[i]} (not escaped: callers
   * escape what they put into HTML).
   *
   * @throws MissingResourceException naming the key when there is none
   */
  public String get(String key, Object... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** Whether there is a text for {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** Every key, for the test that all languages have the same. */
  public Set<String> keys() {
    return bundle.keySet();
  }
}
