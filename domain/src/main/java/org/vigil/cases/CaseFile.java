package org.vigil.cases;

import java.util.Objects;
import org.vigil.enforcement.Violation;
import org.vigil.keeper.Keeper;

/**
 * A case with what it rests on. Personal data (plate, keeper): {@link #toString()} prints ids only.
 *
 * @param c the case
 * @param violation its violation, as recorded (shredded once its retention ended)
 * @param keeper the keeper, once identified; otherwise null
 */
public record CaseFile(Case c, Violation violation, Keeper keeper) {
  public CaseFile {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(violation, "violation");
  }

  @Override
  public String toString() {
    return "CaseFile[" + c + "]";
  }
}
