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

  /** The most words a written plate spans, as in {@code "A 123 BC 77"}. */
  private static final int MAX_WORDS_OF_A_PLATE = 4;

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;:!?()\\[\\]{}\"']+");

  /**
   * Whether one word of {@code text}, or a run of up to {@value #MAX_WORDS_OF_A_PLATE} adjacent
   * words, normalised as plates are (so spaces, dashes and dots inside a plate do not hide it), is
   * a plate of a known format. Words are compared whole, so ordinary words and numbers next to each
   * other ("hearing 2026-114") are not read as a plate; a reason that does name one is refused and
   * the caller rewords it.
   */
  static boolean holdsPlate(String text) {
    String[] words = WORD_BREAK.split(text.strip());
    for (int start = 0; start < words.length; start++) {
      StringBuilder run = new StringBuilder();
      for (int end = start; end < words.length && end < start + MAX_WORDS_OF_A_PLATE; end++) {
        run.append(words[end]);
        if (isPlate(run.toString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPlate(String candidate) {
    try {
      String normalised = PlateNormalizer.normalize(candidate.toUpperCase(Locale.ROOT));
      return PlateFormats.problem(new Plate(normalised, null)).isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
