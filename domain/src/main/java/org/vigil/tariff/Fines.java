package org.vigil.tariff;

import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Violation;

/**
 * Assesses violations under a {@link TariffBook}: the one place where a decided violation meets the
 * law as data, used by every runtime.
 */
public final class Fines {
  private final TariffBook book;

  public Fines(TariffBook book) {
    this.book = book;
  }

  /**
   * {@code v} with its fine under {@code jurisdiction}'s tariff in force at its time, for a first
   * offence: repeats are the case's to decide.
   */
  public Violation assess(Violation v, String jurisdiction) {
    Offence offence =
        Offence.isSpeed(v.type())
            ? Offence.speeding(
                v.type(), v.observedAt(), v.measuredSpeedKmh(), v.limit().limitKmh(), 0)
            : Offence.of(v.type(), v.observedAt(), 0);
    Assessment a = book.assess(jurisdiction, offence);
    return v.withFine(
        new Fine(
            a.outcome().name(),
            a.retainedSpeedKmh(),
            a.amount(),
            a.currency(),
            a.discountedAmount(),
            a.discountWithinDays(),
            a.basis(),
            a.explanation()));
  }
}
