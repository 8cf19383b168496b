package org.vigil.enforcement;

import java.util.List;
import org.vigil.site.SpeedLimit;

/** What became of one detection in the {@link Enforcer}. */
public sealed interface Decision {

  /**
   * It arrived later than the allowed lateness and was not decided.
   *
   * @param reason naming its time and the stream time
   */
  record TooLate(String reason) implements Decision {}

  /** It was a second read of a vehicle the camera had just read: the same sighting. */
  record DuplicateRead() implements Decision {}

  /**
   * It was decided.
   *
   * @param violations what it completed, often nothing
   * @param limit the limit in force for the vehicle at its time, for statistics
   * @param exempt whether the vehicle was exempt, so that nothing about it was kept
   */
  record Decided(List<Violation> violations, SpeedLimit limit, boolean exempt) implements Decision {
    public Decided {
      violations = List.copyOf(violations);
    }
  }
}
