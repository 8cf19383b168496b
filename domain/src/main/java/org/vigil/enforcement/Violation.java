package org.vigil.enforcement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigil.plate.Plate;
import org.vigil.site.SpeedLimit;

/**
 * A decided offence with the facts it rests on.
 *
 * <p>Its {@link #id} is derived from the type and the events it was decided from, so deciding the
 * same events again, on any node and after any restart, yields the same id: storage keeps one.
 *
 * @param id derived from type, place and events; see {@link #idOf}
 * @param type the offence
 * @param cameraId the camera, for {@link ViolationType#SPEED}; otherwise {@code null}
 * @param sectionId the section, for {@link ViolationType#SECTION_SPEED}; otherwise {@code null}
 * @param plate the vehicle's plate
 * @param observedAt when the offence was seen; for a section, the exit time
 * @param measuredSpeedKmh the measured (spot) or average (section) speed
 * @param limit the limit and tolerance in force at {@code observedAt}
 * @param eventIds the events the decision rests on, entry before exit
 * @param passage for a section, the entry time and the distance; otherwise {@code null}
 */
public record Violation(
    UUID id,
    ViolationType type,
    String cameraId,
    String sectionId,
    Plate plate,
    Instant observedAt,
    double measuredSpeedKmh,
    SpeedLimit limit,
    List<String> eventIds,
    SectionPassage passage) {

  public Violation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(limit, "limit");
    eventIds = List.copyOf(eventIds);
    if (eventIds.isEmpty()) {
      throw new IllegalArgumentException("eventIds must not be empty");
    }
    if ((cameraId == null) == (sectionId == null)) {
      throw new IllegalArgumentException("exactly one of cameraId and sectionId must be set");
    }
  }

  /**
   * The id of the violation of {@code type} at {@code place} decided from {@code events}; each
   * event is given as {@code cameraId + "/" + eventId}, since event ids are unique per camera only.
   */
  public static UUID idOf(ViolationType type, String place, List<String> events) {
    String key = type.name() + '|' + place + '|' + String.join("|", events);
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Violation[" + id + " " + type + " at " + observedAt + "]";
  }
}
