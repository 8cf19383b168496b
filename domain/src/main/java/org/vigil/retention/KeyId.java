package org.vigil.retention;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

/**
 * The name of a key-encryption key: {@code <class>/<yyyy-mm-dd>} for the key of a retention class
 * and expiry day, e.g. {@code CASE/2027-11-02}, or {@code hold/<uuid>} for a legal hold's key.
 *
 * @param retentionClass the class, or {@code null} for a hold
 * @param day the expiry day, or {@code null} for a hold
 * @param hold the hold, or {@code null} for a retention-day key
 */
public record KeyId(RetentionClass retentionClass, LocalDate day, UUID hold) {
  public KeyId {
    if (hold == null) {
      Objects.requireNonNull(retentionClass, "retentionClass");
      Objects.requireNonNull(day, "day");
    } else if (retentionClass != null || day != null) {
      throw new IllegalArgumentException("a hold's key has neither class nor day");
    }
  }

  /** The key of {@code c} for data that expires on {@code day}. */
  public static KeyId of(RetentionClass c, LocalDate day) {
    return new KeyId(c, day, null);
  }

  /** The key of the legal hold {@code id}. */
  public static KeyId hold(UUID id) {
    return new KeyId(null, null, id);
  }

  /**
   * The key id {@code text} names.
   *
   * @throws IllegalArgumentException naming {@code text} when it is not a key id
   */
  public static KeyId parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "key id '" + text + "' is not <class>/<yyyy-mm-dd> or hold/<uuid>");
    }
    String head = text.substring(0, slash);
    String tail = text.substring(slash + 1);
    try {
      if (head.equals("hold")) {
        return hold(UUID.fromString(tail));
      }
      return of(RetentionClass.valueOf(head), LocalDate.parse(tail));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "key id '" + text + "' is not <class>/<yyyy-mm-dd> or hold/<uuid>", e);
    }
  }

  /**
   * The key id whose {@link #flat()} form is {@code text}.
   *
   * @throws IllegalArgumentException naming {@code text} when it is not such a form
   */
  public static KeyId parseFlat(String text) {
    if (text != null && text.startsWith("hold-")) {
      return parse("hold/" + text.substring(5));
    }
    int dash = text == null ? -1 : text.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException(
          "key name '" + text + "' is not <class>-<yyyy-mm-dd> or hold-<uuid>");
    }
    return parse(text.substring(0, dash) + "/" + text.substring(dash + 1));
  }

  /** Whether this is a legal hold's key, which no purge destroys. */
  public boolean isHold() {
    return hold != null;
  }

  /** The same name with {@code -} for {@code /}: a file name and an audit reference. */
  public String flat() {
    return isHold() ? "hold-" + hold : retentionClass.name() + "-" + day;
  }

  @Override
  public String toString() {
    return isHold() ? "hold/" + hold : retentionClass.name() + "/" + day;
  }
}
