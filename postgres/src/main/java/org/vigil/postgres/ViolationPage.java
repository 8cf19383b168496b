package org.vigil.postgres;

import java.util.List;
import org.vigil.enforcement.Violation;

/** One page of violations and the cursor of the next one, null on the last page. */
public record ViolationPage(List<Violation> items, ViolationCursor next) {
  public ViolationPage {
    items = List.copyOf(items);
  }
}
