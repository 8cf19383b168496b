package org.vigil.detection;

import java.util.Objects;

/**
 * The traffic signal a camera saw at the stop line when the vehicle crossed it.
 *
 * @param state the signal's colour
 * @param redElapsedMs for {@link State#RED}, how long it had been red, 0 to one day in ms; 0
 *     otherwise
 */
public record Signal(State state, long redElapsedMs) {

  /** A signal's colour. */
  public enum State {
    GREEN,
    AMBER,
    RED
  }

  public Signal {
    Objects.requireNonNull(state, "signal.state is missing");
    if (redElapsedMs < 0 || redElapsedMs > 86_400_000L) {
      throw new IllegalArgumentException(
          "signal.redElapsedMs must be between 0 and 86400000, was " + redElapsedMs);
    }
    if (state != State.RED && redElapsedMs != 0) {
      throw new IllegalArgumentException(
          "signal.redElapsedMs is for a RED signal only, the state was " + state);
    }
  }
}
