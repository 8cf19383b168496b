package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.plate.Plate;

/** An immutable set of {@link Exemption}s, looked up by plate in constant time. */
public final class ExemptionList implements Exemptions {
  private final Map<String, List<Exemption>> byPlate;

  public ExemptionList(Collection<Exemption> exemptions) {
    Map<String, List<Exemption>> map = new HashMap<>();
    for (Exemption e : exemptions) {
      map.computeIfAbsent(e.plate().matchKey(), k -> new ArrayList<>()).add(e);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.byPlate = Map.copyOf(map);
  }

  @Override
  public boolean covers(Plate plate, Instant at) {
    List<Exemption> periods = byPlate.get(plate.matchKey());
    if (periods == null) {
      return false;
    }
    for (Exemption e : periods) {
      if (e.covers(at)) {
        return true;
      }
    }
    return false;
  }
}
