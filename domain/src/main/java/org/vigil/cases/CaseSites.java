package org.vigil.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.vigil.enforcement.Violation;

/** What the case desk needs to know of the sites: jurisdiction, place names, camera status. */
public interface CaseSites {
  /**
   * The jurisdiction whose tariff applies to {@code v}: that of the camera it was decided at (a
   * section's exit camera).
   */
  String jurisdiction(Violation v);

  /** Where {@code v} was seen, in words (the camera's or section's name). */
  String place(Violation v);

  /** The status of the camera that decided {@code v}, when it is known. */
  Optional<CameraStatus> camera(Violation v);

  /**
   * A camera's measuring status.
   *
   * @param cameraId the camera
   * @param calibrationValidUntil the last day of its calibration certificate, or null
   * @param clockOffsetMs its clock's estimated offset now, or null when unknown
   * @param maxClockDriftMs the offset above which its violations are held
   */
  record CameraStatus(
      String cameraId, LocalDate calibrationValidUntil, Long clockOffsetMs, long maxClockDriftMs) {}
}
