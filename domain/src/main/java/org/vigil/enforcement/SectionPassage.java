package org.vigil.enforcement;

import java.time.Duration;
import java.time.Instant;

/**
 * How a vehicle drove a section: when it passed the entry and the exit camera, and how far apart
 * they are.
 */
public record SectionPassage(Instant entryAt, Instant exitAt, double distanceM) {
  public SectionPassage {
    if (!exitAt.isAfter(entryAt)) {
      throw new IllegalArgumentException("exitAt " + exitAt + " must lie after entryAt " + entryAt);
    }
  }

  public Duration travelTime() {
    return Duration.between(entryAt, exitAt);
  }
}
