package org.vigil.kafka.codec;

import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;

/**
 * The one-byte codes of enumerations in the record formats: a constant's position in these arrays,
 * fixed by the format (new constants are appended), never its Java ordinal.
 */
final class Codes {
  static final VehicleClass[] CLASSES = {
    VehicleClass.CAR,
    VehicleClass.MOTORCYCLE,
    VehicleClass.VAN,
    VehicleClass.TRUCK,
    VehicleClass.BUS,
    VehicleClass.TAXI,
    VehicleClass.OTHER
  };

  /** Index 0 is "none". */
  static final Signal.State[] SIGNALS = {
    null, Signal.State.GREEN, Signal.State.AMBER, Signal.State.RED
  };

  /** Index 0 is "none". */
  static final Direction[] DIRECTIONS = {null, Direction.WITH_TRAFFIC, Direction.AGAINST_TRAFFIC};

  private Codes() {}

  static void signal(Wire.Writer w, Signal s) {
    w.u8(Wire.code(SIGNALS, s == null ? null : s.state()));
    if (s != null) {
      w.i64(s.redElapsedMs());
    }
  }

  static Signal signal(Wire.Reader r) {
    Signal.State state = r.of(SIGNALS, "signal");
    return state == null ? null : new Signal(state, r.i64());
  }
}
