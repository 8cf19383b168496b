package org.vigil.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateNormalizerTest {

  @ParameterizedTest
  @CsvSource({
    "911ABY15, 911ABY15",
    "911 aby 15, 911ABY15",
    "911-ABY-15, 911ABY15",
    "' 911.aby·15 ', 911ABY15",
    // Cyrillic А, В, У look like Latin A, B, Y
    "911АВУ15, 911ABY15",
    "ЕКМНОРСТХ, EKMHOPCTX"
  })
  void normalisesCaseSeparatorsAndCyrillicLookalikes(String raw, String expected) {
    assertThat(PlateNormalizer.normalize(raw)).isEqualTo(expected);
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(PlateNormalizer.normalize("i11abi")).isEqualTo("I11ABI");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void refusesNothingLeftWithoutEchoingTheRead() {
    assertThatThrownBy(() -> PlateNormalizer.normalize(" - . "))
        .hasMessage("plate.text is empty after normalisation");
    assertThatThrownBy(() -> Plate.of("A".repeat(40), "KZ"))
        .hasMessageContaining("had 40")
        .hasMessageNotContaining("AAAA");
  }

  /**
   * Regression: a plate holding a NUL character passed validation, and PostgreSQL then refused the
   * whole batch of violations it was in, again at every retry.
   */
  @Test
  void platesHoldOnlyLettersAndDigits() {
    assertThatThrownBy(() -> Plate.of("911\u0000ABY", "KZ"))
        .hasMessage("plate.text may hold only letters and digits, position 4 holds another");
    assertThatThrownBy(() -> Plate.of("911/ABY", "KZ"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Plate.of("٩١١ABY", "KZ").text()).as("digits of any script are digits").hasSize(6);
  }

  @Test
  void plateToStringHidesTheText() {
    assertThat(Plate.of("911ABY15", "kz").toString()).doesNotContain("911").contains("KZ");
  }

  @Property
  void normalisingTwiceChangesNothing(@ForAll @StringLength(min = 1, max = 12) String raw) {
    String once;
    try {
      once = PlateNormalizer.normalize(raw);
    } catch (IllegalArgumentException e) {
      return;
    }
    assertThat(PlateNormalizer.normalize(once)).isEqualTo(once);
  }

  /**
   * The reference model: a canonical plate written the ways cameras write it (any case, either
   * alphabet for the twelve look-alike letters, spaces, dashes and dots between characters)
   * normalises back to itself.
   */
  @Property(tries = 1000)
  void everyWayOfWritingAPlateNormalisesToIt(
      @ForAll("canonicalPlates") String canonical, @ForAll Random random) {
    String lookAlikes = "ABEKMHOPCTXY";
    String cyrillic = "АВЕКМНОРСТХУ";
    String separators = " -.·_\t";
    StringBuilder written = new StringBuilder();
    for (char c : canonical.toCharArray()) {
      int i = lookAlikes.indexOf(c);
      char w = i >= 0 && random.nextBoolean() ? cyrillic.charAt(i) : c;
      written.append(random.nextBoolean() ? Character.toLowerCase(w) : w);
      if (random.nextInt(4) == 0) {
        written.append(separators.charAt(random.nextInt(separators.length())));
      }
    }
    assertThat(PlateNormalizer.normalize(written.toString())).isEqualTo(canonical);
  }

  @Provide
  Arbitrary<String> canonicalPlates() {
    return Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        .ofMinLength(1)
        .ofMaxLength(10);
  }
}
