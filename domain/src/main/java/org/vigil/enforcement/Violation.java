package org.vigil.enforcement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigil.detection.Detection;
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
 * @param cameraId the camera, for every type but {@link ViolationType#SECTION_SPEED}; otherwise
 *     {@code null}
 * @param sectionId the section, for {@link ViolationType#SECTION_SPEED}; otherwise {@code null}
 * @param plate the vehicle's plate; {@code null} only for a stored violation whose personal data
 *     was shredded at the end of its retention (see {@link #shredded()})
 * @param observedAt when the offence was seen; for a section, the exit time
 * @param measuredSpeedKmh the measured (spot) or average (section) speed; {@link Double#NaN} when
 *     the camera measured none
 * @param limit the limit and tolerance in force for this vehicle at {@code observedAt}
 * @param eventIds the events the decision rests on, entry before exit; empty only when shredded
 * @param passage for a section, the entry time and the distance; otherwise {@code null}
 * @param observation what the camera saw (at the exit, for a section)
 * @param detail the rule's finding in words, naming the values, e.g. {@code red for 1350 ms, grace
 *     500 ms}
 * @param holds why the violation waits for a person; empty when it may go on
 * @param fine the fine under the tariff in force at {@code observedAt}; {@code null} until assessed
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
    SectionPassage passage,
    Observation observation,
    String detail,
    List<Hold> holds,
    Fine fine) {

  public Violation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(limit, "limit");
    eventIds = List.copyOf(eventIds);
    if (plate != null && eventIds.isEmpty()) {
      throw new IllegalArgumentException("eventIds must not be empty");
    }
    if (plate == null && !eventIds.isEmpty()) {
      throw new IllegalArgumentException("a shredded violation keeps no event ids");
    }
    if ((cameraId == null) == (sectionId == null)) {
      throw new IllegalArgumentException("exactly one of cameraId and sectionId must be set");
    }
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(detail, "detail");
    holds = List.copyOf(holds);
  }

  /**
   * Whether its personal data (plate, event ids) was shredded at the end of its retention; its
   * facts (type, place, time, measured values, fine) remain for statistics.
   */
  public boolean shredded() {
    return plate == null;
  }

  /** This violation without its personal data, as it is once shredded. */
  public Violation withoutPersonalData() {
    return new Violation(
        id,
        type,
        cameraId,
        sectionId,
        null,
        observedAt,
        measuredSpeedKmh,
        limit,
        List.of(),
        passage,
        observation,
        detail,
        holds,
        fine);
  }

  /** Whether it waits for a person. */
  public boolean held() {
    return !holds.isEmpty();
  }

  /** Whether a person must read its plate. */
  public boolean needsManualRead() {
    return holds.stream().anyMatch(h -> h.kind().needsManualRead());
  }

  /** This violation with other holds. */
  public Violation withHolds(List<Hold> next) {
    return new Violation(
        id,
        type,
        cameraId,
        sectionId,
        plate,
        observedAt,
        measuredSpeedKmh,
        limit,
        eventIds,
        passage,
        observation,
        detail,
        next,
        fine);
  }

  /** This violation with its fine. */
  public Violation withFine(Fine assessed) {
    return new Violation(
        id,
        type,
        cameraId,
        sectionId,
        plate,
        observedAt,
        measuredSpeedKmh,
        limit,
        eventIds,
        passage,
        observation,
        detail,
        holds,
        assessed);
  }

  /** This violation with the plate a person read, and without the holds that asked for it. */
  public Violation withManualRead(Plate read) {
    List<Hold> rest = holds.stream().filter(h -> !h.kind().needsManualRead()).toList();
    return new Violation(
        id,
        type,
        cameraId,
        sectionId,
        read,
        observedAt,
        measuredSpeedKmh,
        limit,
        eventIds,
        passage,
        observation,
        detail,
        rest,
        fine);
  }

  /** The violation at one camera, decided from one detection. */
  static Violation atCamera(ViolationType type, Detection d, SpeedLimit limit, String detail) {
    List<String> events = List.of(d.cameraId() + "/" + d.eventId());
    return new Violation(
        idOf(type, d.cameraId(), events),
        type,
        d.cameraId(),
        null,
        d.plate(),
        d.observedAt(),
        d.speedKmh(),
        limit,
        List.of(d.eventId()),
        null,
        Observation.of(d),
        detail,
        List.of(),
        null);
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
