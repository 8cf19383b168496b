package org.vigil.site;

import java.util.Set;

/**
 * Red-light enforcement at a stop line.
 *
 * @param graceMs how long the signal may have been red when a vehicle crosses without an offence, 0
 *     to 10000 ms; {@value #DEFAULT_GRACE_MS} by default
 * @param turnOnRedLanes lanes where turning on red is allowed: never an offence there
 */
public record RedLight(int graceMs, Set<Integer> turnOnRedLanes) {

  /** The grace when the site names none. */
  public static final int DEFAULT_GRACE_MS = 500;

  public RedLight {
    if (graceMs < 0 || graceMs > 10_000) {
      throw new IllegalArgumentException(
          "redLight.graceMs must be between 0 and 10000, was " + graceMs);
    }
    turnOnRedLanes = Set.copyOf(turnOnRedLanes);
  }
}
