package org.vigil.site;

import java.util.Objects;

/**
 * A fixed camera at one place on the road.
 *
 * @param id the camera's identifier, unique among cameras, 1 to 64 characters
 * @param name a human-readable description of where it stands
 * @param lanes how many lanes it watches, 1 to 16; lane numbers in detections run from 1
 * @param limit the speed limit it enforces
 * @param location where it stands, or {@code null} when not given
 */
public record Camera(String id, String name, int lanes, SpeedLimit limit, GeoPoint location) {
  public Camera {
    SiteIds.check("id", id);
    name = name == null || name.isBlank() ? id : name;
    if (lanes < 1 || lanes > 16) {
      throw new IllegalArgumentException("lanes must be between 1 and 16, was " + lanes);
    }
    Objects.requireNonNull(limit, "limit");
  }
}
