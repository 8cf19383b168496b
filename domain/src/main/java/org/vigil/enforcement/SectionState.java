package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    List<Sighting> keptEntries = alive(entries, streamTime);
    List<Sighting> keptExits = alive(exits, streamTime);
    return keptEntries == entries && keptExits == exits
        ? this
        : new SectionState(keptEntries, keptExits);
  }

  /** {@code list} itself when every sighting in it is still needed, else those that are. */
  private static List<Sighting> alive(List<Sighting> list, Instant streamTime) {
    List<Sighting> kept = null;
    for (int i = 0; i < list.size(); i++) {
      Sighting s = list.get(i);
      boolean needed = !s.forgetAt().isBefore(streamTime);
      if (!needed && kept == null) {
        kept = new ArrayList<>(list.subList(0, i));
      } else if (needed && kept != null) {
        kept.add(s);
      }
    }
    return kept == null ? list : kept;
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
