package org.vigil.keeper;

import java.util.List;
import java.util.Objects;

/**
 * A postal address as lines, top to bottom, ready to print on an envelope. Personal data: {@link
 * #toString()} prints no line.
 *
 * @param lines 1 to 6 lines, none blank
 * @param country ISO 3166-1 alpha-2, e.g. {@code KZ}
 */
public record PostalAddress(List<String> lines, String country) {
  public PostalAddress {
    lines = List.copyOf(lines);
    Objects.requireNonNull(country, "country");
    if (lines.isEmpty() || lines.size() > 6) {
      throw new IllegalArgumentException("an address has 1 to 6 lines, had " + lines.size());
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        throw new IllegalArgumentException("address line " + (i + 1) + " is blank");
      }
    }
    if (!country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "the address country must be a two-letter ISO 3166 code, was '" + country + "'");
    }
  }

  @Override
  public String toString() {
    return "PostalAddress[personal data]";
  }
}
