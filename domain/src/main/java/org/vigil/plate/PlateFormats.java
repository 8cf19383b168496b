package org.vigil.plate;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plate formats of the countries Vigil knows, applied to normalised plates (upper-case Latin
 * letters and digits; see {@link PlateNormalizer}).
 *
 * <ul>
 *   <li>KZ: {@code 123ABC02} (private) and {@code 123AB02} (organisations): three digits, two or
 *       three letters, two-digit region.
 *   <li>KG: {@code 01123ABC}: two-digit region, three digits, three letters.
 *   <li>UZ: {@code 01A123BC} (private) and {@code 01123ABC} (organisations).
 *   <li>RU: {@code A123BC77} or {@code A123BC777}, letters only from the twelve that look alike in
 *       Cyrillic and Latin.
 * </ul>
 *
 * A plate whose country is one of these must fit that country's format. A plate without a country
 * must fit one of them. A plate of another country is not checked: Vigil does not know its format.
 */
public final class PlateFormats {
  private static final Map<String, Pattern> FORMATS =
      Map.of(
          "KZ", Pattern.compile("[0-9]{3}[A-Z]{2,3}[0-9]{2}"),
          "KG", Pattern.compile("[0-9]{2}[0-9]{3}[A-Z]{3}"),
          "UZ", Pattern.compile("[0-9]{2}[A-Z][0-9]{3}[A-Z]{2}|[0-9]{2}[0-9]{3}[A-Z]{3}"),
          "RU", Pattern.compile("[ABEKMHOPCTYX][0-9]{3}[ABEKMHOPCTYX]{2}[0-9]{2,3}"));

  private PlateFormats() {}

  /** The countries whose formats are known. */
  public static java.util.Set<String> countries() {
    return FORMATS.keySet();
  }

  /** Why {@code plate} fits no format, or empty when it fits; the reason never holds the plate. */
  public static Optional<String> problem(Plate plate) {
    String country = plate.country();
    if (country != null) {
      Pattern format = FORMATS.get(country);
      if (format == null || format.matcher(plate.text()).matches()) {
        return Optional.empty();
      }
      return Optional.of("the read fits no " + country + " plate format");
    }
    for (Pattern format : FORMATS.values()) {
      if (format.matcher(plate.text()).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of("the read, without a country, fits none of the KZ, KG, UZ, RU formats");
  }
}
