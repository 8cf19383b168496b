package org.vigil.traffic.incident;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the {@link IncidentDetector} judges traffic.
 *
 * @param slot the span counts and speeds are kept in, a whole number of seconds that divides a day
 * @param window the span each evaluation looks at, ending at a slot boundary; a multiple of {@code
 *     slot}
 * @param grace how long after a window ends, in the camera's stream time, it is evaluated, so that
 *     passages still in transit are counted; less than {@code window}
 * @param recentSpan how far back the fallback "recent level" reaches; a multiple of {@code slot}
 * @param minRecent the least clean history the recent level needs before anything is judged by it;
 *     at most {@code recentSpan}
 * @param timeOfDaySlot the span of the day a usual level is learnt for; a multiple of {@code slot}
 *     that divides a day
 * @param learningWeight the weight of the latest day in a time-of-day slot's usual level, above 0
 *     and at most 1
 * @param rules the rules, in order of precedence
 */
public record IncidentSettings(
    Duration slot,
    Duration window,
    Duration grace,
    Duration recentSpan,
    Duration minRecent,
    Duration timeOfDaySlot,
    double learningWeight,
    List<IncidentRule> rules) {

  private static final Duration DAY = Duration.ofDays(1);

  public IncidentSettings {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(recentSpan, "recentSpan");
    Objects.requireNonNull(minRecent, "minRecent");
    Objects.requireNonNull(timeOfDaySlot, "timeOfDaySlot");
    if (slot.toMillis() < 1000
        || slot.toMillis() % 1000 != 0
        || DAY.toMillis() % slot.toMillis() != 0) {
      throw new IllegalArgumentException(
          "slot must be a whole number of seconds that divides a day, was " + slot);
    }
    requireMultiple("window", window, slot);
    requireMultiple("recentSpan", recentSpan, slot);
    requireMultiple("timeOfDaySlot", timeOfDaySlot, slot);
    if (DAY.toMillis() % timeOfDaySlot.toMillis() != 0) {
      throw new IllegalArgumentException("timeOfDaySlot must divide a day, was " + timeOfDaySlot);
    }
    if (grace.isNegative() || grace.compareTo(window) >= 0) {
      throw new IllegalArgumentException(
          "grace must be 0 or more and less than the window " + window + ", was " + grace);
    }
    if (!minRecent.isPositive() || minRecent.compareTo(recentSpan) > 0) {
      throw new IllegalArgumentException(
          "minRecent must be positive and at most recentSpan " + recentSpan + ", was " + minRecent);
    }
    if (!(learningWeight > 0 && learningWeight <= 1)) {
      throw new IllegalArgumentException(
          "learningWeight must be above 0 and at most 1, was " + learningWeight);
    }
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("at least one rule is needed, was " + rules);
    }
  }

  /**
   * 10 s slots; a 30 s window evaluated 5 s after it ends; a recent level over the 20 minutes
   * before the last minute, needing at least 2 minutes of it; usual levels per quarter hour of the
   * day with the latest day weighing 30 %; {@link FlowDrop#DEFAULT} then {@link SpeedDrop#DEFAULT}.
   */
  public static IncidentSettings defaults() {
    return new IncidentSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofMinutes(20),
        Duration.ofMinutes(2),
        Duration.ofMinutes(15),
        0.3,
        List.of(FlowDrop.DEFAULT, SpeedDrop.DEFAULT));
  }

  /** These settings with other rules. */
  public IncidentSettings withRules(List<IncidentRule> rules) {
    return new IncidentSettings(
        slot, window, grace, recentSpan, minRecent, timeOfDaySlot, learningWeight, rules);
  }

  private static void requireMultiple(String name, Duration d, Duration slot) {
    if (!d.isPositive() || d.toMillis() % slot.toMillis() != 0) {
      throw new IllegalArgumentException(
          name + " must be a positive multiple of the slot " + slot + ", was " + d);
    }
  }
}
