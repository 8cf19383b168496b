package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sightings of one vehicle on one section that are still waiting: entries that a later exit may
 * close, and exits that a late entry may still open. Immutable.
 */
public record SectionState(List<Sighting> entries, List<Sighting> exits) {
  public static final SectionState EMPTY = new SectionState(List.of(), List.of());

  public SectionState {
    entries = List.copyOf(entries);
    exits = List.copyOf(exits);
  }

  public boolean isEmpty() {
    return entries.isEmpty() && exits.isEmpty();
  }

  SectionState withEntry(Sighting entry) {
    return new SectionState(add(entries, entry), exits);
  }

  SectionState withExit(Sighting exit) {
    return new SectionState(entries, add(exits, exit));
  }

  /** This state without the sightings whose {@code forgetAt} lies before {@code streamTime}. */
  public SectionState forgetBefore(Instant streamTime) {
    Predicate<Sighting> alive = s -> !s.forgetAt().isBefore(streamTime);
    return new SectionState(
        entries.stream().filter(alive).toList(), exits.stream().filter(alive).toList());
  }

  /** The latest instant at which any sighting here is still needed, or null when empty. */
  public Instant lastForgetAt() {
    Instant last = null;
    for (Sighting s : entries) {
      last = last == null || s.forgetAt().isAfter(last) ? s.forgetAt() : last;
    }
    for (Sighting s : exits) {
      last = last == null || s.forgetAt().isAfter(last) ? s.forgetAt() : last;
    }
    return last;
  }

  private static List<Sighting> add(List<Sighting> list, Sighting s) {
    for (Sighting existing : list) {
      if (existing.eventId().equals(s.eventId()) && existing.cameraId().equals(s.cameraId())) {
        return list; // the same event again: nothing new
      }
    }
    List<Sighting> next = new ArrayList<>(list.size() + 1);
    next.addAll(list);
    next.add(s);
    return next;
  }
}
