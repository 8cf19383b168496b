package org.vigil.enforcement;

import java.time.Duration;
import java.util.Objects;
import org.vigil.detection.Detection;

/**
 * One section sighting bound for one of the tags it waits under: what {@link
 * SectionSpeedRule#placements} makes of a detection, and what {@link SectionSpeedRule#place} (or
 * {@link Enforcer#place}) puts in the {@link SectionSightings} of that tag. An entry has one
 * placement per bucket from its own up to that of its time plus the section's shortest legal travel
 * time, an exit exactly one; all placements of one detection share one {@link SealedSighting},
 * sealed once.
 *
 * <p>A partitioned runtime routes each placement by its {@link #tag}, so that the entry and exit of
 * one vehicle meet in one partition without a plate in clear. The {@link #detection} itself is
 * needed where it is placed (its own plate opens the waiting sightings of the other side); a
 * runtime that sends placements over a network must seal it in transit.
 *
 * @param sectionId the section
 * @param tag the tag it waits under
 * @param bucket the time bucket of that tag
 * @param sighting the sealed sighting: whether it is an entry, its home tag and bucket, when it is
 *     forgotten, the sealed evidence
 * @param detection the detection it was made from
 * @param clockOffset how far the detection's camera's clock was off when it was decided ({@link
 *     CameraClocks}), or {@code null} when unknown; a partitioned runtime's holds rest on it
 */
public record Placement(
    String sectionId,
    Tag tag,
    long bucket,
    SealedSighting sighting,
    Detection detection,
    Duration clockOffset) {

  public Placement {
    Objects.requireNonNull(sectionId, "sectionId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(sighting, "sighting");
    Objects.requireNonNull(detection, "detection");
  }

  /** Whether it is a section entry (else an exit). */
  public boolean entry() {
    return sighting.entry();
  }

  @Override
  public String toString() {
    return "Placement["
        + sectionId
        + (entry() ? " entry" : " exit")
        + " of "
        + detection.cameraId()
        + " "
        + detection.eventId()
        + " in bucket "
        + bucket
        + "]";
  }
}
