package org.vigil.site;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a rule applies, in a site's local time: on some days of the week, between two times of day.
 *
 * <p>The period is {@code [from, to)}. When {@code to} is before {@code from} the period runs over
 * midnight and belongs to the day it starts on (a 22:00–06:00 ban listed for Friday covers Saturday
 * 03:00). When {@code from} equals {@code to} the rule applies all day.
 *
 * @param days the days on which a period starts; never empty
 * @param from the start of each period
 * @param to the end of each period, exclusive
 */
public record Schedule(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

  /** Every day, all day. */
  public static final Schedule ALWAYS =
      new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  public Schedule {
    Objects.requireNonNull(days, "schedule.days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("schedule.days must name at least one day");
    }
    days = Set.copyOf(days);
    Objects.requireNonNull(from, "schedule.from");
    Objects.requireNonNull(to, "schedule.to");
  }

  /** Whether the rule applies at local time {@code at}. */
  public boolean contains(LocalDateTime at) {
    LocalTime time = at.toLocalTime();
    DayOfWeek day = at.getDayOfWeek();
    if (from.equals(to)) {
      return days.contains(day);
    }
    if (from.isBefore(to)) {
      return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
    }
    return (days.contains(day) && !time.isBefore(from))
        || (days.contains(day.minus(1)) && time.isBefore(to));
  }

  @Override
  public String toString() {
    return (days.size() == 7 ? "daily" : days.toString()) + " " + from + "-" + to;
  }
}
