package org.vigil.notices.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.vigil.enforcement.ViolationType;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeLetter;

/** Sample notice letters for the tests. */
public final class Letters {
  public static final String NUMBER = "KZ-2026-000123";
  public static final String PLATE = "911ABY15";
  public static final String PORTAL = "https://vigil.example/portal";
  public static final String LEGAL = "CoAO RK art. 592 part 2";

  private Letters() {}

  /** A spot-speed notice with a discount, to a keeper in Almaty, in {@code language}. */
  public static NoticeLetter speeding(Language language) {
    return letter(language, ViolationType.SPEED, 112.6, 107.0, 90, "keeper@example.kz");
  }

  public static NoticeLetter letter(
      Language language,
      ViolationType type,
      double measured,
      double retained,
      int limit,
      String email) {
    Keeper keeper =
        new Keeper(
            "Әлихан Құрманғазыұлы Сейітқалиев",
            new PostalAddress(
                List.of("ул. Абая, д. 10, кв. 5", "050000 Алматы", "Қазақстан"), "KZ"),
            email,
            "+77011234567",
            language);
    return new NoticeLetter(
        NUMBER,
        language,
        LocalDate.of(2026, 12, 2),
        keeper,
        PLATE,
        type,
        "Аль-Фараби — Назарбаев, Almaty",
        Instant.parse("2026-11-28T03:30:04Z"),
        ZoneId.of("Asia/Almaty"),
        measured,
        retained,
        limit,
        "retained 107 km/h over the limit of 90 km/h plus tolerance",
        LEGAL,
        new BigDecimal("34500"),
        "KZT",
        new BigDecimal("17250"),
        LocalDate.of(2026, 12, 9),
        LocalDate.of(2027, 1, 31),
        PORTAL);
  }
}
