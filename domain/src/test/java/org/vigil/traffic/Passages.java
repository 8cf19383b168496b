package org.vigil.traffic;

import java.time.Instant;
import org.vigil.detection.VehicleClass;
import org.vigil.site.SpeedLimit;

/** Passages for tests: at B-003, under 100 + 10 km/h, unless said otherwise. */
final class Passages {
  static final SpeedLimit LIMIT = new SpeedLimit(100, 10);
  static final Instant T0 = Instant.parse("2026-11-02T07:30:00Z");

  private Passages() {}

  static Passage at(Instant t, int lane, VehicleClass c, double speedKmh) {
    return new Passage("B-003", lane, t, c, speedKmh, LIMIT);
  }

  static Passage car(double speedKmh) {
    return at(T0, 1, VehicleClass.CAR, speedKmh);
  }
}
