package org.vigil.plate;

import java.util.Locale;

/**
 * Turns a camera's plate read into the canonical form that sightings are matched on.
 *
 * <p>The rules: letters are upper-cased with {@link Locale#ROOT}; white space, dashes, dots and
 * middle dots are dropped; Cyrillic letters that look like Latin ones (А В Е К М Н О Р С Т Х У)
 * become those Latin letters, so that a read in either alphabet matches the other. Any other
 * character is kept as it is; whether the result fits a country's format is a separate question.
 */
public final class PlateNormalizer {

  private static final String CYRILLIC = "АВЕКМНОРСТХУ";
  private static final String LATIN = "ABEKMHOPCTXY";

  private PlateNormalizer() {}

  /**
   * Returns the normalised form of {@code raw}.
   *
   * @throws IllegalArgumentException when {@code raw} is null or nothing is left of it; the message
   *     never contains the read
   */
  public static String normalize(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("plate.text is missing");
    }
    StringBuilder out = new StringBuilder(raw.length());
    String upper = raw.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (Character.isWhitespace(c) || c == '-' || c == '.' || c == '·' || c == '_') {
        continue;
      }
      int cyrillic = CYRILLIC.indexOf(c);
      out.append(cyrillic >= 0 ? LATIN.charAt(cyrillic) : c);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("plate.text is empty after normalisation");
    }
    return out.toString();
  }
}
