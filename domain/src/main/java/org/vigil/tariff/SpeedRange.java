package org.vigil.tariff;

import java.util.Objects;

/**
 * A range of km/h as the law words it: from a lower bound ("more than 10" or "at least 20") up to
 * an optional upper bound ("up to 20" or "less than 60"); without an upper bound it is open-ended
 * ("60 and more").
 *
 * <p>Used for how far a speed is over the limit, and for conditions on the limit itself. Build with
 * {@link #moreThan} or {@link #atLeast}, then {@link #upTo} or {@link #lessThan}.
 *
 * @param lower the lower bound, never {@code null}
 * @param upper the upper bound, or {@code null} when open-ended; above {@code lower}
 */
public record SpeedRange(Bound lower, Bound upper) {

  /**
   * One end of a range.
   *
   * @param kmh the boundary, 0 or more
   * @param included whether a value exactly at the boundary is inside the range
   */
  public record Bound(int kmh, boolean included) {
    public Bound {
      if (kmh < 0) {
        throw new IllegalArgumentException("a bound must be 0 km/h or more, was " + kmh);
      }
    }
  }

  public SpeedRange {
    Objects.requireNonNull(lower, "lower");
    if (upper != null && upper.kmh() <= lower.kmh()) {
      throw new IllegalArgumentException(
          "the upper bound must be above the lower, was " + lower.kmh() + "-" + upper.kmh());
    }
  }

  /** Everything strictly above {@code kmh}, open-ended until an upper bound is set. */
  public static SpeedRange moreThan(int kmh) {
    return new SpeedRange(new Bound(kmh, false), null);
  }

  /** Everything at or above {@code kmh}, open-ended until an upper bound is set. */
  public static SpeedRange atLeast(int kmh) {
    return new SpeedRange(new Bound(kmh, true), null);
  }

  /** This range, ending at {@code kmh} inclusive. */
  public SpeedRange upTo(int kmh) {
    return new SpeedRange(lower, new Bound(kmh, true));
  }

  /** This range, ending just below {@code kmh}. */
  public SpeedRange lessThan(int kmh) {
    return new SpeedRange(lower, new Bound(kmh, false));
  }

  /** Whether {@code kmh} lies in this range; NaN never does. */
  public boolean contains(double kmh) {
    boolean aboveLower = lower.included() ? kmh >= lower.kmh() : kmh > lower.kmh();
    if (!aboveLower) {
      return false;
    }
    return upper == null || (upper.included() ? kmh <= upper.kmh() : kmh < upper.kmh());
  }

  /** Whether the range has no upper bound. */
  public boolean isOpenEnded() {
    return upper == null;
  }

  /** A short label such as {@code 20-40} or {@code 60+}. */
  public String label() {
    return upper == null ? lower.kmh() + "+" : lower.kmh() + "-" + upper.kmh();
  }

  /** The range in words, e.g. {@code more than 10 up to 20 km/h}. */
  public String describe() {
    String from = (lower.included() ? "at least " : "more than ") + lower.kmh();
    if (upper == null) {
      return from + " km/h";
    }
    return from + (upper.included() ? " up to " : " less than ") + upper.kmh() + " km/h";
  }
}
