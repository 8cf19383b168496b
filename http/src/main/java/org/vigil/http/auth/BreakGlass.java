package org.vigil.http.auth;

import java.util.Locale;
import java.util.regex.Pattern;
import org.vigil.plate.Plate;
import org.vigil.plate.PlateFormats;
import org.vigil.plate.PlateNormalizer;

/**
 * A stated reason for break-glass access: personal data reached outside a role's routine (see
 * {@link Role#seesPersonalDataRoutinely()}). It arrives in the header {@value #HEADER}, is checked
 * here, and is written to the audit log as the purpose of a {@code BREAK_GLASS} entry; so it must
 * be 10 to 200 printable characters and must not itself hold a number plate.
 *
 * @param reason the reason as given
 */
public record BreakGlass(String reason) {
  /** The request header that carries the reason. */
  public static final String HEADER = "X-Vigil-Break-Glass";

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  private static final Pattern PRINTABLE = Pattern.compile("[\\p{Print}&&[^\\p{Cntrl}]]*");

  /**
   * A checked reason.
   *
   * @throws IllegalArgumentException saying what is wrong; the message never repeats the reason
   */
  public BreakGlass {
    if (reason == null) {
      throw new IllegalArgumentException("a break-glass reason is missing");
    }
    String trimmed = reason.strip();
    if (trimmed.length() < MIN_LENGTH || trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the "
              + HEADER
              + " reason must have "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + " characters, had "
              + trimmed.length());
    }
    if (!PRINTABLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "the " + HEADER + " reason may hold only printable ASCII characters");
    }
    if (holdsPlate(trimmed)) {
      throw new IllegalArgumentException(
          "the "
              + HEADER
              + " reason looks as if it holds a number plate; state why without naming the"
              + " vehicle (the reason is not repeated here)");
    }
    reason = trimmed;
  }

  /**
   * Whether some part of {@code text}, normalised as plates are (so spaces, dashes and dots inside
   * a plate do not hide it), fits a known plate format. Cautious by design: a reason that merely
   * resembles a plate is refused too, and the caller rewords it.
   */
  static boolean holdsPlate(String text) {
    String normalised;
    try {
      normalised = PlateNormalizer.normalize(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String run : normalised.split("[^A-Z0-9]+")) {
      for (int length = 7; length <= 9; length++) {
        for (int i = 0; i + length <= run.length(); i++) {
          if (PlateFormats.problem(new Plate(run.substring(i, i + length), null)).isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
