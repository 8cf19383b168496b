package org.vigil.http.web;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.notice.Language;

/**
 * The texts of the web pages in one language, read from the UTF-8 resource bundles {@code
 * org/vigil/http/web/web_kk.properties}, {@code web_ru.properties} and {@code web_en.properties}.
 * The three bundles have the same keys ({@code MessagesTest} fails the build otherwise) and there
 * is no fallback between them: a text missing in one language is an error, never silently English.
 *
 * <p>The bundles are read by {@link Texts}, like the desk's and the portal's. A text may hold named
 * placeholders such as <code>{until}</code>, replaced literally by {@link #format}; there is no
 * {@link java.text.MessageFormat} quoting, so an apostrophe is just an apostrophe. Texts are plain
 * text: pages escape them (and what replaces their placeholders) with {@link
 * org.vigil.http.Html#escape} like any other value.
 */
public final class Messages {
  private static final String BUNDLE = "org.vigil.http.web.web";
  private static final Map<Language, Messages> ALL = load();

  private final Language language;
  private final Texts texts;

  private Messages(Language language, Texts texts) {
    this.language = language;
    this.texts = texts;
  }

  /** The texts in {@code language}. */
  public static Messages of(Language language) {
    return ALL.get(language);
  }

  /** Their language. */
  public Language language() {
    return language;
  }

  /**
   * The text for {@code key}.
   *
   * @throws IllegalArgumentException naming the key and the language when there is none
   */
  public String get(String key) {
    if (!texts.has(key)) {
      throw new IllegalArgumentException("no web text '" + key + "' in language " + language.tag());
    }
    return texts.get(key);
  }

  /**
   * The text for {@code key} with its placeholders replaced: {@code names} alternate a
   * placeholder's name and its value, e.g. {@code format("signin.locked", "until", "10:15",
   * "failures", 5)}.
   *
   * @throws IllegalArgumentException when the key is missing, the names and values do not pair up,
   *     or a placeholder given does not occur in the text
   */
  public String format(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "placeholders for '" + key + "' must be name, value pairs; got an odd count");
    }
    String text = get(key);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String placeholder = "{" + namesAndValues[i] + "}";
      if (!text.contains(placeholder)) {
        throw new IllegalArgumentException(
            "web text '" + key + "' in " + language.tag() + " has no placeholder " + placeholder);
      }
      text = text.replace(placeholder, String.valueOf(namesAndValues[i + 1]));
    }
    return text;
  }

  /** Every key, sorted. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new TreeSet<>(texts.keys()));
  }

  private static Map<Language, Messages> load() {
    Map<Language, Messages> all = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      all.put(l, new Messages(l, Texts.of(BUNDLE, l)));
    }
    return all;
  }
}
