package org.vigil.cases;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A notice's number: 12 random digits and a Luhn check digit, 13 digits in all. It is also the
 * payment reference and, with the plate, the citizen portal's key; randomness makes it unguessable
 * from another notice's number. Uniqueness is the store's to ensure (a collision is drawn again).
 *
 * @param value the 13 digits
 */
public record NoticeNumber(String value) {
  public NoticeNumber {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[0-9]{13}")) {
      throw new IllegalArgumentException("notice number '" + value + "' is not 13 digits");
    }
    if (checkDigit(value.substring(0, 12)) != value.charAt(12) - '0') {
      throw new IllegalArgumentException(
          "notice number '" + value + "' has a wrong check digit (mistyped?)");
    }
  }

  /** A new random number from {@code random} (a SecureRandom in production). */
  public static NoticeNumber random(RandomGenerator random) {
    StringBuilder b = new StringBuilder(13);
    b.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < 12; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    b.append((char) ('0' + checkDigit(b.toString())));
    return new NoticeNumber(b.toString());
  }

  /**
   * The number {@code text} names, ignoring spaces and dashes, as people type it.
   *
   * @throws IllegalArgumentException naming the text when it is no notice number
   */
  public static NoticeNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a notice number is required");
    }
    return new NoticeNumber(text.replaceAll("[\\s-]", ""));
  }

  /** The Luhn check digit of {@code digits}. */
  static int checkDigit(String digits) {
    int sum = 0;
    boolean dbl = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
