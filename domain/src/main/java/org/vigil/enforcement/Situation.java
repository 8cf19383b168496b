package org.vigil.enforcement;

import java.time.LocalDateTime;
import org.vigil.detection.Detection;
import org.vigil.site.Camera;
import org.vigil.site.SiteRules;
import org.vigil.site.SpeedLimit;

/**
 * One detection with everything a camera rule needs to decide it.
 *
 * @param detection what the camera reported
 * @param camera the camera's configuration
 * @param limit the limit in force for this vehicle at its {@code observedAt}
 * @param localTime its {@code observedAt} in the site's time zone, for schedules; {@code null} when
 *     the camera has no rule bound to a schedule (restricted lanes, class bans), which is the only
 *     use of it
 */
public record Situation(
    Detection detection, Camera camera, SpeedLimit limit, LocalDateTime localTime) {

  /** The situation of {@code d} at {@code camera}. */
  public static Situation of(Detection d, Camera camera) {
    SiteRules rules = camera.rules();
    boolean scheduled = !rules.restrictedLanes().isEmpty() || !rules.classBans().isEmpty();
    return new Situation(
        d,
        camera,
        camera.limits().inForce(d.vehicleClass(), d.observedAt(), rules.timeZone()),
        scheduled ? LocalDateTime.ofInstant(d.observedAt(), rules.timeZone()) : null);
  }
}
