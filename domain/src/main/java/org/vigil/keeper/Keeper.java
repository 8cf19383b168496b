package org.vigil.keeper;

import java.util.Objects;
import org.vigil.notice.Language;

/**
 * The registered keeper of a vehicle, as the registry answers. Personal data: {@link #toString()}
 * prints no field.
 *
 * @param name the keeper's full name, as the notice addresses them; not blank
 * @param address where a notice by post goes
 * @param email where a notice by e-mail goes, or {@code null}
 * @param phone where a text message goes (E.164, e.g. {@code +77011234567}), or {@code null}
 * @param language the language of their notices
 */
public record Keeper(
    String name, PostalAddress address, String email, String phone, Language language) {
  public Keeper {
    Objects.requireNonNull(name, "keeper name");
    Objects.requireNonNull(address, "keeper address");
    Objects.requireNonNull(language, "keeper language");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the keeper's name must not be blank");
    }
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("the keeper's e-mail address is not an address");
    }
    if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException("the keeper's phone number is not in E.164 form");
    }
  }

  @Override
  public String toString() {
    return "Keeper[personal data]";
  }
}
