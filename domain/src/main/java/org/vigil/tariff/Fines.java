package org.vigil.tariff;

import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Violation;
import org.vigil.site.Sites;

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
   * {@code v} with its fine under the tariff of the jurisdiction of the camera it was decided at (a
   * section's exit camera), for a first offence.
   *
   * @throws java.util.NoSuchElementException when that camera is not in {@code sites}
   */
  public Violation assess(Violation v, Sites sites) {
    String cameraId =
        v.cameraId() != null
            ? v.cameraId()
            : sites.section(v.sectionId()).orElseThrow().exitCameraId();
    return assess(v, sites.camera(cameraId).orElseThrow().rules().jurisdiction());
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
