package org.vigil.testkit;

import java.util.ArrayList;
import java.util.List;
import org.vigil.site.Camera;
import org.vigil.site.GeoPoint;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

/** Builds site configurations for tests. */
public final class SitesBuilder {
  private final List<Camera> cameras = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();

  public static SitesBuilder sites() {
    return new SitesBuilder();
  }

  /**
   * The sample: camera B-003 (100 + 10 km/h, 4 lanes), camera B-007 (same), and section S-1
   * from B-003 to B-007, 1138.6 m at 90 + 10 km/h.
   */
  public static Sites standard() {
    return sites()
        .camera("B-003", 100, 10)
        .camera("B-007", 100, 10)
        .section("S-1", "B-003", "B-007", 1138.6, 90, 10)
        .build();
  }

  public SitesBuilder camera(String id, int limitKmh, int toleranceKmh) {
    cameras.add(
        new Camera(
            id,
            "camera " + id,
            4,
            new SpeedLimit(limitKmh, toleranceKmh),
            new GeoPoint(43.24, 76.89)));
    return this;
  }

  public SitesBuilder camera(Camera camera) {
    cameras.add(camera);
    return this;
  }

  public SitesBuilder camera(CameraBuilder camera) {
    return camera(camera.build());
  }

  public SitesBuilder section(
      String id, String entry, String exit, double distanceM, int limitKmh, int toleranceKmh) {
    sections.add(new Section(id, entry, exit, distanceM, new SpeedLimit(limitKmh, toleranceKmh)));
    return this;
  }

  public Sites build() {
    return Sites.of(cameras, sections);
  }
}
