package org.vigil.site;

import java.util.Objects;

/**
 * A fixed camera at one place on the road, with every rule it enforces.
 *
 * @param id the camera's identifier, unique among cameras, 1 to 64 characters
 * @param name a human-readable description of where it stands
 * @param lanes how many lanes it watches, 1 to 16; lane numbers in detections run from 1
 * @param limits the speed limits it enforces
 * @param location where it stands, or {@code null} when not given
 * @param rules what else it enforces and how far it is trusted
 */
public record Camera(
    String id, String name, int lanes, SpeedLimits limits, GeoPoint location, SiteRules rules) {
  public Camera {
    SiteIds.check("id", id);
    name = name == null || name.isBlank() ? id : name;
    if (lanes < 1 || lanes > 16) {
      throw new IllegalArgumentException("lanes must be between 1 and 16, was " + lanes);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(rules, "rules");
    for (RestrictedLane r : rules.restrictedLanes()) {
      checkLanes("restrictedLanes", r.lanes().stream().mapToInt(Integer::intValue).max(), lanes);
    }
    if (rules.redLight() != null) {
      checkLanes(
          "redLight.turnOnRedLanes",
          rules.redLight().turnOnRedLanes().stream().mapToInt(Integer::intValue).max(),
          lanes);
    }
  }

  /** A speed camera with the default rules. */
  public Camera(String id, String name, int lanes, SpeedLimit limit, GeoPoint location) {
    this(id, name, lanes, SpeedLimits.of(limit), location, SiteRules.DEFAULTS);
  }

  /** The posted limit and tolerance. */
  public SpeedLimit limit() {
    return limits.posted();
  }

  /** This camera with other limits, e.g. a new sign setting. */
  public Camera withLimits(SpeedLimits next) {
    return new Camera(id, name, lanes, next, location, rules);
  }

  private static void checkLanes(String field, java.util.OptionalInt highest, int lanes) {
    if (highest.isPresent() && (highest.getAsInt() > lanes || highest.getAsInt() < 1)) {
      throw new IllegalArgumentException(
          field + " names lane " + highest.getAsInt() + ", but the camera has lanes 1 to " + lanes);
    }
  }
}
