package org.vigil.traffic.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Flow fell: fewer than {@code fraction} of the usual vehicles per minute passed in the window,
 * while the usual flow is at least {@code minUsualPerMinute} (below that, chance alone empties a
 * window too often). It recovers at {@code recoverFraction} of the usual flow or more.
 *
 * @param fraction above 0 and below 1, e.g. 0.3
 * @param minUsualPerMinute the least usual flow judged by, more than 0
 * @param recoverFraction at least {@code fraction} and at most 1, e.g. 0.6
 */
public record FlowDrop(double fraction, double minUsualPerMinute, double recoverFraction)
    implements IncidentRule {

  /** Below 30 % of a usual flow of at least 60 vehicles a minute; recovered at 60 %. */
  public static final FlowDrop DEFAULT = new FlowDrop(0.3, 60, 0.6);

  public FlowDrop {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "flow drop fraction must be above 0 and below 1, was " + fraction);
    }
    if (!(minUsualPerMinute > 0) || Double.isInfinite(minUsualPerMinute)) {
      throw new IllegalArgumentException(
          "flow drop minUsualPerMinute must be more than 0, was " + minUsualPerMinute);
    }
    if (!(recoverFraction >= fraction && recoverFraction <= 1)) {
      throw new IllegalArgumentException(
          "flow drop recoverFraction must be between fraction "
              + fraction
              + " and 1, was "
              + recoverFraction);
    }
  }

  @Override
  public IncidentKind kind() {
    return IncidentKind.FLOW_DROP;
  }

  @Override
  public Optional<String> fallen(Level observed, Level usual) {
    if (usual.vehiclesPerMinute() < minUsualPerMinute
        || observed.vehiclesPerMinute() >= fraction * usual.vehiclesPerMinute()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "flow fell to %.0f vehicles/min, %.0f %% of the usual %.0f (alert below %.0f %%)",
            observed.vehiclesPerMinute(),
            100 * observed.vehiclesPerMinute() / usual.vehiclesPerMinute(),
            usual.vehiclesPerMinute(),
            100 * fraction));
  }

  @Override
  public boolean slotFell(Level slot, Level usual) {
    return slot.vehiclesPerMinute() < fraction * usual.vehiclesPerMinute();
  }

  @Override
  public boolean recovered(Level observed, Level usual) {
    return observed.vehiclesPerMinute() >= recoverFraction * usual.vehiclesPerMinute();
  }
}
