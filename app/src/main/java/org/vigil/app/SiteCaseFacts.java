package org.vigil.app;

import java.util.Optional;
import org.vigil.cases.CaseSites;
import org.vigil.enforcement.CameraClocks;
import org.vigil.enforcement.Violation;
import org.vigil.pipeline.SiteRegistry;
import org.vigil.site.Camera;
import org.vigil.site.Section;
import org.vigil.site.Sites;

/**
 * What cases need of the sites in force: the jurisdiction and name of the camera that decided a
 * violation (a section's exit camera), its calibration and its clock's offset now. A camera or
 * section removed since reads as the default jurisdiction {@code KZ} and its id.
 */
final class SiteCaseFacts implements CaseSites {
  static final String DEFAULT_JURISDICTION = "KZ";
  private final SiteRegistry sites;
  private final CameraClocks clocks;

  SiteCaseFacts(SiteRegistry sites, CameraClocks clocks) {
    this.sites = sites;
    this.clocks = clocks;
  }

  private Optional<Camera> camera(Sites s, Violation v) {
    String id =
        v.cameraId() != null
            ? v.cameraId()
            : s.section(v.sectionId()).map(Section::exitCameraId).orElse(null);
    return id == null ? Optional.empty() : s.camera(id);
  }

  @Override
  public String jurisdiction(Violation v) {
    return camera(sites.current(), v)
        .map(c -> c.rules().jurisdiction())
        .orElse(DEFAULT_JURISDICTION);
  }

  @Override
  public String place(Violation v) {
    Sites s = sites.current();
    if (v.sectionId() != null) {
      return s.section(v.sectionId())
          .map(
              sec ->
                  "section "
                      + sec.id()
                      + ": "
                      + s.camera(sec.entryCameraId()).map(Camera::name).orElse(sec.entryCameraId())
                      + " to "
                      + s.camera(sec.exitCameraId()).map(Camera::name).orElse(sec.exitCameraId()))
          .orElse("section " + v.sectionId());
    }
    return s.camera(v.cameraId()).map(Camera::name).orElse(v.cameraId());
  }

  @Override
  public Optional<CameraStatus> camera(Violation v) {
    return camera(sites.current(), v)
        .map(
            c ->
                new CameraStatus(
                    c.id(),
                    c.rules().calibrationValidUntil(),
                    clocks.reading(c.id()).map(r -> r.offset().toMillis()).orElse(null),
                    c.rules().maxClockDrift().toMillis()));
  }
}
