package org.vigil.traffic.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Speed fell: the window's mean speed is below {@code fraction} of the usual mean speed, over at
 * least {@code minReadings} measured speeds in the window (fewer are judged by {@link FlowDrop}
 * alone). It recovers at {@code recoverFraction} of the usual speed or more, over at least {@code
 * minReadings} speeds.
 *
 * @param fraction above 0 and below 1, e.g. 0.5
 * @param minReadings the least number of speeds in the window judged by, 1 or more
 * @param recoverFraction at least {@code fraction} and at most 1, e.g. 0.75
 */
public record SpeedDrop(double fraction, int minReadings, double recoverFraction)
    implements IncidentRule {

  /** Below 50 % of the usual mean speed over at least 10 speeds; recovered at 75 %. */
  public static final SpeedDrop DEFAULT = new SpeedDrop(0.5, 10, 0.75);

  public SpeedDrop {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "speed drop fraction must be above 0 and below 1, was " + fraction);
    }
    if (minReadings < 1) {
      throw new IllegalArgumentException(
          "speed drop minReadings must be 1 or more, was " + minReadings);
    }
    if (!(recoverFraction >= fraction && recoverFraction <= 1)) {
      throw new IllegalArgumentException(
          "speed drop recoverFraction must be between fraction "
              + fraction
              + " and 1, was "
              + recoverFraction);
    }
  }

  @Override
  public IncidentKind kind() {
    return IncidentKind.SPEED_DROP;
  }

  @Override
  public Optional<String> fallen(Level observed, Level usual) {
    if (!usual.hasSpeed()
        || usual.meanSpeedKmh() <= 0
        || observed.speedReadings() < minReadings
        || observed.meanSpeedKmh() >= fraction * usual.meanSpeedKmh()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "mean speed fell to %.0f km/h over %d vehicles, %.0f %% of the usual %.0f km/h"
                + " (alert below %.0f %%)",
            observed.meanSpeedKmh(),
            observed.speedReadings(),
            100 * observed.meanSpeedKmh() / usual.meanSpeedKmh(),
            usual.meanSpeedKmh(),
            100 * fraction));
  }

  @Override
  public boolean slotFell(Level slot, Level usual) {
    return usual.hasSpeed()
        && (!slot.hasSpeed() || slot.meanSpeedKmh() < fraction * usual.meanSpeedKmh());
  }

  @Override
  public boolean recovered(Level observed, Level usual) {
    return usual.hasSpeed()
        && observed.speedReadings() >= minReadings
        && observed.meanSpeedKmh() >= recoverFraction * usual.meanSpeedKmh();
  }
}
