package org.vigil.keeper;

import java.time.Instant;
import org.vigil.plate.Plate;

/**
 * The port to a vehicle registry: who was the registered keeper of a plate at a moment.
 *
 * <p>Called only for a confirmed case, once per case; the caller records the lookup on the audit
 * trail. Implementations never log the plate or the answer.
 */
public interface KeeperRegistry {
  /**
   * The keeper of {@code plate} at {@code at}.
   *
   * @return {@link Lookup.Found}, {@link Lookup.NotFound} when the registry knows no keeper, or
   *     {@link Lookup.Unavailable} when it could not be asked (try again later)
   */
  Lookup lookup(Plate plate, Instant at);

  /** What the registry answered. */
  sealed interface Lookup {
    /** The registry named the keeper. */
    record Found(Keeper keeper) implements Lookup {}

    /** The registry knows no keeper of this plate at that time. */
    record NotFound() implements Lookup {}

    /**
     * The registry could not be asked or answered badly; {@code reason} names the status or failure
     * and never the plate.
     */
    record Unavailable(String reason) implements Lookup {}
  }
}
