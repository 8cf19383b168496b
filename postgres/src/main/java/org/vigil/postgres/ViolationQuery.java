package org.vigil.postgres;

import java.time.Instant;
import org.vigil.enforcement.ViolationType;

/**
 * A filter over recorded violations and a page of it. Every field but {@code limit} may be null.
 *
 * @param from violations observed at or after this instant
 * @param to violations observed before this instant
 * @param type only this type
 * @param cameraId only this camera's
 * @param sectionId only this section's
 * @param held only those held for a person (true) or only those not held (false)
 * @param manualRead only those waiting for a manual plate read (true), or only the others (false)
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page, see {@link ViolationCursor}
 */
public record ViolationQuery(
    Instant from,
    Instant to,
    ViolationType type,
    String cameraId,
    String sectionId,
    Boolean held,
    Boolean manualRead,
    int limit,
    ViolationCursor after) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;

  public ViolationQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from != null && to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("to (" + to + ") must lie after from (" + from + ")");
    }
  }
}
