package org.vigil.enforcement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.detection.Detection;
import org.vigil.site.Camera;
import org.vigil.site.Sites;

/**
 * Applies every rule to a detection. The one entry point that each runtime (embedded, Kafka
 * Streams) calls; thread-safe when its {@link SectionSightings} is.
 */
public final class Enforcer {
  private final SpotSpeedRule spotSpeed = new SpotSpeedRule();
  private final SectionSpeedRule sectionSpeed;
  private final SectionSightings sightings;
  private final StreamClock streamClock;

  public Enforcer(SectionSightings sightings, StreamClock streamClock) {
    this.sightings = sightings;
    this.sectionSpeed = new SectionSpeedRule(sightings);
    this.streamClock = streamClock;
  }

  /**
   * Decides {@code detection} against {@code sites}.
   *
   * @return the violations it completes, often none
   * @throws IllegalArgumentException when its camera is not in {@code sites}; {@link
   *     org.vigil.detection.Admission} keeps such detections out
   */
  public List<Violation> decide(Detection detection, Sites sites) {
    Camera camera =
        sites
            .camera(detection.cameraId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("unknown camera '" + detection.cameraId() + "'"));
    streamClock.observe(detection.observedAt());
    Optional<Violation> spot = spotSpeed.decide(detection, camera);
    List<Violation> section = sectionSpeed.decide(detection, sites);
    if (spot.isEmpty()) {
      return section;
    }
    if (section.isEmpty()) {
      return List.of(spot.get());
    }
    List<Violation> all = new ArrayList<>(section.size() + 1);
    all.add(spot.get());
    all.addAll(section);
    return all;
  }

  /** Forgets the section sightings that can no longer produce a violation. Call it often. */
  public void forgetExpired() {
    sightings.forgetBefore(streamClock.now());
  }

  /** How many section sightings are waiting. */
  public long waitingSightings() {
    return sightings.size();
  }
}
