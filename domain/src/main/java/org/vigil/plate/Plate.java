package org.vigil.plate;

import java.util.Locale;
import java.util.Objects;

/**
 * A licence plate as read by a camera, already normalised (see {@link PlateNormalizer}).
 *
 * <p>A plate is personal data. Its {@link #toString()} therefore never prints the text; use {@link
 * #text()} only where the plate is meant to be shown (a violation, a notice) and never in a log or
 * an exception message.
 *
 * @param text the normalised plate text: 1 to 16 letters and digits, upper case
 * @param country the ISO 3166-1 alpha-2 code of the issuing country, upper case, or {@code null}
 *     when the camera did not say
 */
public record Plate(String text, String country) {

  /** The longest plate text accepted, after normalisation. */
  public static final int MAX_LENGTH = 16;

  public Plate {
    Objects.requireNonNull(text, "plate text");
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      // The length only: the text itself is personal data and must not reach an error message.
      throw new IllegalArgumentException(
          "plate.text must have 1 to " + MAX_LENGTH + " characters, had " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        throw new IllegalArgumentException(
            "plate.text may hold only letters and digits, position " + (i + 1) + " holds another");
      }
    }
    if (country != null) {
      if (country.length() != 2
          || !Character.isLetter(country.charAt(0))
          || !Character.isLetter(country.charAt(1))) {
        throw new IllegalArgumentException(
            "plate.country must be a two-letter ISO 3166 code, was '" + country + "'");
      }
      country = country.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * Normalises a raw camera read and makes a plate of it.
   *
   * @throws IllegalArgumentException when nothing is left after normalisation or the text is too
   *     long; the message never contains the text
   */
  public static Plate of(String rawText, String country) {
    return new Plate(PlateNormalizer.normalize(rawText), country);
  }

  /** The key two sightings of one vehicle share: the normalised text. */
  public String matchKey() {
    return text;
  }

  @Override
  public String toString() {
    return "Plate[" + (country == null ? "??" : country) + ", " + text.length() + " chars]";
  }
}
