package org.vigil.tariff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.enforcement.ViolationType;

/**
 * The bands of one speed offence type must follow each other without gap or overlap, from the first
 * band's lower bound upward; only the last may be open-ended. Bands with a condition on the limit
 * are checked once for each distinct set of bands that apply to some limit.
 */
final class BandCheck {
  static final Comparator<SpeedBand> BY_LOWER_BOUND =
      Comparator.<SpeedBand>comparingInt(b -> b.over().lower().kmh())
          .thenComparing(b -> !b.over().lower().included());

  private BandCheck() {}

  static List<String> problems(ViolationType type, List<SpeedBand> bands) {
    boolean conditional = bands.stream().anyMatch(b -> b.limit() != null);
    Set<String> problems = new LinkedHashSet<>();
    Set<List<SpeedBand>> seen = new HashSet<>();
    for (int limit : representativeLimits(bands)) {
      List<SpeedBand> applicable =
          bands.stream().filter(b -> b.appliesToLimit(limit)).sorted(BY_LOWER_BOUND).toList();
      if (!seen.add(applicable)) {
        continue;
      }
      String scope = conditional ? " for a limit of " + limit + " km/h" : "";
      if (applicable.isEmpty()) {
        problems.add(type + " has no band for a limit of " + limit + " km/h");
      }
      for (int i = 1; i < applicable.size(); i++) {
        SpeedBand a = applicable.get(i - 1);
        SpeedBand b = applicable.get(i);
        String issue = between(a.over(), b.over());
        if (issue != null) {
          problems.add(
              type + " bands '" + a.label() + "' and '" + b.label() + "'" + scope + " " + issue);
        }
      }
    }
    return new ArrayList<>(problems);
  }

  /** What is wrong between two bands in lower-bound order, or {@code null} if they adjoin. */
  private static String between(SpeedRange a, SpeedRange b) {
    if (a.isOpenEnded()) {
      return "overlap from " + b.lower().kmh() + " km/h, as '" + a.label() + "' is open-ended";
    }
    int end = a.upper().kmh();
    int start = b.lower().kmh();
    if (end < start) {
      return "leave a gap between " + end + " and " + start + " km/h";
    }
    if (end > start) {
      return "overlap between " + start + " and " + end + " km/h";
    }
    if (a.upper().included() && b.lower().included()) {
      return "both include " + end + " km/h";
    }
    if (!a.upper().included() && !b.lower().included()) {
      return "both leave out " + end + " km/h";
    }
    return null;
  }

  /** One limit, 1 km/h or more, on each side of every bound of every limit condition. */
  private static Set<Integer> representativeLimits(List<SpeedBand> bands) {
    Set<Integer> limits = new TreeSet<>(List.of(1));
    for (SpeedBand b : bands) {
      if (b.limit() != null) {
        addAround(limits, b.limit().lower().kmh());
        if (b.limit().upper() != null) {
          addAround(limits, b.limit().upper().kmh());
        }
      }
    }
    return limits;
  }

  private static void addAround(Set<Integer> limits, int kmh) {
    for (int limit = kmh - 1; limit <= kmh + 1; limit++) {
      if (limit >= 1) {
        limits.add(limit);
      }
    }
  }
}
