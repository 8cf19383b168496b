package org.vigil.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must agree with {@link Instant#parse} on everything, valid or not. */
class IsoInstantsTest {

  @Test
  void agreesWithInstantParseOnRandomInstants() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
      for (String text : List.of(t.toString(), trim(t.toString(), random.nextInt(10)))) {
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
      }
    }
  }

  @Test
  void agreesOnEdgesAndOtherForms() {
    for (String text :
        List.of(
            "2026-11-02T07:30:04.530Z",
            "2026-11-02T07:30:04Z",
            "2024-02-29T23:59:59.999999999Z",
            "2026-11-02T07:30:04.5Z",
            "2026-11-02T12:30:04.530+05:00",
            "2026-11-02T07:30:04.530+00:00",
            "2026-11-02T24:00:00Z",
            "2026-11-02T07:30:04.Z",
            "2026-11-02t07:30:04Z")) {
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void refusesWhatInstantParseRefuses() {
    for (String text :
        List.of(
            "2026-02-30T07:30:04Z",
            "2025-02-29T07:30:04Z",
            "2026-13-02T07:30:04Z",
            "2026-11-02T07:60:04Z",
            "2026-11-02T07:30:04.1234567890Z",
            "2026-11-02 07:30:04Z",
            "2026-11-0xT07:30:04Z",
            "yesterday")) {
      assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
      assertThatThrownBy(() -> IsoInstants.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  private static String trim(String iso, int fractionDigits) {
    int dot = iso.indexOf('.');
    String base = dot < 0 ? iso.substring(0, iso.length() - 1) : iso.substring(0, dot);
    if (fractionDigits == 0 || dot < 0) {
      return base + "Z";
    }
    String fraction = iso.substring(dot + 1, iso.length() - 1);
    return base + "." + (fraction + "000000000").substring(0, fractionDigits) + "Z";
  }
}
