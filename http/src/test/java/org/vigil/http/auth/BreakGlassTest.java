package org.vigil.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BreakGlassTest {

  @Test
  void aReasonOfTenToTwoHundredPrintableCharactersWithoutAPlateIsAccepted() {
    assertThat(new BreakGlass("  court order 2026-114, appeal at camera A ").reason())
        .isEqualTo("court order 2026-114, appeal at camera A");
    assertThat(new BreakGlass("x".repeat(200)).reason()).hasSize(200);
  }

  /** Regression: words and numbers next to each other were once joined and read as a plate. */
  @Test
  void wordsBesideANumberAreNotReadAsAPlate() {
    assertThat(new BreakGlass("appeal hearing 2026-114 asks for the evidence").reason())
        .startsWith("appeal hearing");
    assertThat(new BreakGlass("ticket 4471 from the ombudsman, case file 88").reason())
        .startsWith("ticket");
  }

  @Test
  void tooShortTooLongOrUnprintableReasonsAreRefusedNamingTheLength() {
    assertThatThrownBy(() -> new BreakGlass("because")).hasMessageContaining("had 7");
    assertThatThrownBy(() -> new BreakGlass("x".repeat(201))).hasMessageContaining("had 201");
    assertThatThrownBy(() -> new BreakGlass("line one\nline two"))
        .hasMessageContaining("printable");
    assertThatThrownBy(() -> new BreakGlass(null)).hasMessageContaining("missing");
  }

  @Test
  void aReasonHoldingAPlateOfAnyKnownFormatIsRefusedWithoutRepeatingIt() {
    for (String reason :
        new String[] {
          "complaint about 123 ABC 02 at the school",
          "check 123-ab-02 please, ordered by court",
          "appeal by the keeper of 01 123 ABC",
          "vehicle 01A123BC seen twice",
          "RU plate a123bc777 complaint",
          "RU plate A 123 BC 77 complaint"
        }) {
      assertThatThrownBy(() -> new BreakGlass(reason))
          .as(reason)
          .hasMessageContaining("number plate")
          .hasMessageNotContaining("123");
    }
  }

  @Property
  void aKazakhPlateAnywhereInAReasonIsRefused(@ForAll("kzPlates") String plate) {
    String reason = "investigating " + plate + " for the court";
    assertThatThrownBy(() -> new BreakGlass(reason))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(plate);
  }

  @Provide
  Arbitrary<String> kzPlates() {
    return Combinators.combine(
            Arbitraries.strings().numeric().ofLength(3),
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(3),
            Arbitraries.strings().numeric().ofLength(2),
            Arbitraries.of(" ", "-", ""))
        .as((a, b, c, sep) -> a + sep + b + sep + c);
  }
}
