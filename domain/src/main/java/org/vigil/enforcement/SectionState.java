package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed sightings waiting under one tag: entries that a later exit may close, and exits that a
 * late entry may still open. Immutable.
 */
public record SectionState(List<SealedSighting> entries, List<SealedSighting> exits) {
  public static final SectionState EMPTY = new SectionState(List.of(), List.of());

  public SectionState {
    entries = List.copyOf(entries);
    exits = List.copyOf(exits);
  }

  public boolean isEmpty() {
    return entries.isEmpty() && exits.isEmpty();
  }

  SectionState withEntry(SealedSighting entry) {
    return new SectionState(add(entries, entry), exits);
  }

  SectionState withExit(SealedSighting exit) {
    return new SectionState(entries, add(exits, exit));
  }

  /** This state without the sightings whose {@code forgetAt} lies before {@code streamTime}. */
  public SectionState forgetBefore(Instant streamTime) {
    List<SealedSighting> keptEntries = alive(entries, streamTime);
    List<SealedSighting> keptExits = alive(exits, streamTime);
    return keptEntries == entries && keptExits == exits
        ? this
        : new SectionState(keptEntries, keptExits);
  }

  /** {@code list} itself when every sighting in it is still needed, else those that are. */
  private static List<SealedSighting> alive(List<SealedSighting> list, Instant streamTime) {
    List<SealedSighting> kept = null;
    for (int i = 0; i < list.size(); i++) {
      SealedSighting s = list.get(i);
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
    for (SealedSighting s : entries) {
      last = last == null || s.forgetAt().isAfter(last) ? s.forgetAt() : last;
    }
    for (SealedSighting s : exits) {
      last = last == null || s.forgetAt().isAfter(last) ? s.forgetAt() : last;
    }
    return last;
  }

  /** How many of the sightings here are counted under {@code tag}, their home. */
  long countedUnder(Tag tag) {
    long n = 0;
    for (SealedSighting s : entries) {
      n += s.home().equals(tag) ? 1 : 0;
    }
    for (SealedSighting s : exits) {
      n += s.home().equals(tag) ? 1 : 0;
    }
    return n;
  }

  private static List<SealedSighting> add(List<SealedSighting> list, SealedSighting s) {
    List<SealedSighting> next = new ArrayList<>(list.size() + 1);
    next.addAll(list);
    next.add(s);
    return next;
  }
}
