package org.vigil.site;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.vigil.detection.VehicleClass;

/**
 * Every limit of one place: the posted limit, lower limits by class and time, and the history of a
 * variable message sign.
 *
 * <p>The limit in force for a vehicle at a moment is the sign's limit when the sign showed one
 * then, otherwise the posted one; lowered by every {@link LimitRule} that binds the vehicle at that
 * moment: the lowest applies, as the most restrictive sign does on the road. The tolerance is
 * always the posted one.
 *
 * @param posted the posted limit and the tolerance
 * @param rules lower limits by class or time
 * @param sign the sign's settings, oldest first; empty when the place has no sign
 */
public record SpeedLimits(SpeedLimit posted, List<LimitRule> rules, List<SignSetting> sign) {

  /** How many settings of a sign are kept: the older are dropped when a new one is added. */
  public static final int MAX_SIGN_SETTINGS = 64;

  public SpeedLimits {
    Objects.requireNonNull(posted, "posted limit");
    rules = List.copyOf(rules);
    sign = List.copyOf(sign);
    for (int i = 1; i < sign.size(); i++) {
      if (!sign.get(i).from().isAfter(sign.get(i - 1).from())) {
        throw new IllegalArgumentException(
            "variableLimits must be in time order, setting "
                + i
                + " ("
                + sign.get(i).from()
                + ") is not after the one before");
      }
    }
  }

  /** Only a posted limit. */
  public static SpeedLimits of(SpeedLimit posted) {
    return new SpeedLimits(posted, List.of(), List.of());
  }

  /** Whether the limit is the same for every vehicle at every time. */
  public boolean isFixed() {
    return rules.isEmpty() && sign.isEmpty();
  }

  /** The limit in force for a vehicle of {@code vehicleClass} at {@code at} in {@code zone}. */
  public SpeedLimit inForce(VehicleClass vehicleClass, Instant at, ZoneId zone) {
    if (isFixed()) {
      return posted;
    }
    int limit = posted.limitKmh();
    for (int i = sign.size() - 1; i >= 0; i--) {
      SignSetting s = sign.get(i);
      if (!s.from().isAfter(at)) {
        limit = s.blank() ? posted.limitKmh() : s.limitKmh();
        break;
      }
    }
    if (!rules.isEmpty()) {
      LocalDateTime local = LocalDateTime.ofInstant(at, zone);
      for (LimitRule r : rules) {
        if (r.limitKmh() < limit && r.binds(vehicleClass) && r.schedule().contains(local)) {
          limit = r.limitKmh();
        }
      }
    }
    return limit == posted.limitKmh() ? posted : new SpeedLimit(limit, posted.toleranceKmh());
  }

  /** The highest limit any vehicle could have here at any time, for how long to wait. */
  public SpeedLimit highest() {
    int limit = posted.limitKmh();
    for (SignSetting s : sign) {
      limit = Math.max(limit, s.limitKmh());
    }
    return limit == posted.limitKmh() ? posted : new SpeedLimit(limit, posted.toleranceKmh());
  }

  /**
   * These limits with the sign showing {@code setting} from its moment on; settings after that
   * moment are replaced, and only the newest {@link #MAX_SIGN_SETTINGS} are kept.
   */
  public SpeedLimits withSign(SignSetting setting) {
    List<SignSetting> next = new ArrayList<>();
    for (SignSetting s : sign) {
      if (s.from().isBefore(setting.from())) {
        next.add(s);
      }
    }
    next.add(setting);
    next.sort(Comparator.comparing(SignSetting::from));
    if (next.size() > MAX_SIGN_SETTINGS) {
      next = next.subList(next.size() - MAX_SIGN_SETTINGS, next.size());
    }
    return new SpeedLimits(posted, rules, next);
  }
}
