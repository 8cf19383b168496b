package org.vigil.tariff;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.enforcement.ViolationType;

/**
 * The law of one jurisdiction from one date until the next version: the unit and currency fines are
 * set in, the speed margin, the speeding bands, the flat fines, and the rules around them.
 *
 * <p>A version checks its own fields; how its parts fit together (bands contiguous, a unit value
 * for every year it covers, reduced and repeat amounts backed by their rules) is checked by the
 * {@link Tariff} it belongs to, which knows the jurisdiction and the next version's date.
 *
 * @param validFrom the first day the version applies, in the jurisdiction's time zone
 * @param unit the unit fines are set in, with its value per year
 * @param currency the ISO 4217 code amounts are paid in, e.g. {@code KZT}
 * @param margin the technical margin giving the retained speed
 * @param speedBands the bands per speed offence type ({@code SPEED}, {@code SECTION_SPEED}), each
 *     list in any order; kept in {@link ViolationType} order
 * @param flatFines the fine per offence type not graded by speed
 * @param repeat when an offence is a repeat; {@code null} when the version has no repeat penalties
 * @param earlyPayment the early-payment reduction; {@code null} when there is none
 * @param deadlines the notice, payment and escalation deadlines
 * @param note a remark for readers of the tariff (e.g. why the start date was chosen); may be
 *     {@code null}
 */
public record TariffVersion(
    LocalDate validFrom,
    FineUnit unit,
    String currency,
    SpeedMargin margin,
    Map<ViolationType, List<SpeedBand>> speedBands,
    Map<ViolationType, FlatFine> flatFines,
    RepeatRule repeat,
    EarlyPayment earlyPayment,
    Deadlines deadlines,
    String note) {
  public TariffVersion {
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(deadlines, "deadlines");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "currency must be an ISO 4217 code such as KZT, was '" + currency + "'");
    }
    Map<ViolationType, List<SpeedBand>> bands = new EnumMap<>(ViolationType.class);
    speedBands.forEach((type, list) -> bands.put(type, List.copyOf(list)));
    Map<ViolationType, FlatFine> flats = new EnumMap<>(ViolationType.class);
    flatFines.forEach((type, fine) -> flats.put(type, Objects.requireNonNull(fine, "" + type)));
    speedBands = Collections.unmodifiableMap(bands);
    flatFines = Collections.unmodifiableMap(flats);
  }

  /** The bands for {@code type}, empty when the version does not grade it by speed. */
  public List<SpeedBand> bandsFor(ViolationType type) {
    return speedBands.getOrDefault(type, List.of());
  }
}
