package org.vigil.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each {@link RetentionClass} is kept: a period per class, each positive and at most 100
 * years. Days are UTC days.
 *
 * @param periods one period per class, every class present
 */
public record RetentionPolicy(Map<RetentionClass, Period> periods) {
  private static final Period LONGEST = Period.ofYears(100);

  public RetentionPolicy {
    EnumMap<RetentionClass, Period> copy = new EnumMap<>(RetentionClass.class);
    for (RetentionClass c : RetentionClass.values()) {
      Period p = periods == null ? null : periods.get(c);
      if (p == null) {
        throw new IllegalArgumentException("retention period of " + c + " is missing");
      }
      if (p.isNegative() || p.isZero()) {
        throw new IllegalArgumentException(
            "retention period of " + c + " must be positive, was " + p);
      }
      if (LocalDate.EPOCH.plus(p).isAfter(LocalDate.EPOCH.plus(LONGEST))) {
        throw new IllegalArgumentException(
            "retention period of " + c + " must be at most " + LONGEST + ", was " + p);
      }
      copy.put(c, p);
    }
    periods = Map.copyOf(copy);
  }

  /**
   * The defaults of the reference schedule: rejected reviews 30 days; cases and their evidence one
   * year (a stand-in for the limitation period: set it by your law); per-minute statistics 90 days;
   * the audit log ten years.
   */
  public static RetentionPolicy defaults() {
    Map<RetentionClass, Period> p = new EnumMap<>(RetentionClass.class);
    p.put(RetentionClass.REJECTED, Period.ofDays(30));
    p.put(RetentionClass.CASE, Period.ofYears(1));
    p.put(RetentionClass.EVIDENCE_IMAGE, Period.ofYears(1));
    p.put(RetentionClass.STATISTICS, Period.ofDays(90));
    p.put(RetentionClass.AUDIT, Period.ofYears(10));
    return new RetentionPolicy(p);
  }

  /**
   * The defaults, with each class whose variable ({@link RetentionClass#variable()}) is set in
   * {@code env} replaced by its ISO-8601 period, e.g. {@code P30D} or {@code P2Y}.
   *
   * @throws IllegalArgumentException naming the variable and its value when one is unusable
   */
  public static RetentionPolicy fromEnvironment(Map<String, String> env) {
    Map<RetentionClass, Period> p = new EnumMap<>(defaults().periods());
    for (RetentionClass c : RetentionClass.values()) {
      String value = env.get(c.variable());
      if (value == null || value.isBlank()) {
        continue;
      }
      Period parsed;
      try {
        parsed = Period.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            c.variable() + " must be an ISO-8601 period such as P30D, was '" + value + "'");
      }
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException(
            c.variable() + " must be a positive period, was '" + value + "'");
      }
      p.put(c, parsed);
    }
    try {
      return new RetentionPolicy(p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("retention from the environment: " + e.getMessage(), e);
    }
  }

  /** The period of {@code c}. */
  public Period period(RetentionClass c) {
    return periods.get(c);
  }

  /** The UTC day on which data of class {@code c} that is kept from {@code from} expires. */
  public LocalDate expiryDay(RetentionClass c, Instant from) {
    return LocalDate.ofInstant(from, ZoneOffset.UTC).plus(periods.get(c));
  }

  /** The instant before which data of class {@code c} is due at {@code now}. */
  public Instant cutoff(RetentionClass c, Instant now) {
    return now.atZone(ZoneOffset.UTC).minus(periods.get(c)).toInstant();
  }
}
