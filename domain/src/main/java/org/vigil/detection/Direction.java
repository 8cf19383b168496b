package org.vigil.detection;

/** Which way a vehicle moved relative to the traffic the camera's site allows. */
public enum Direction {
  WITH_TRAFFIC,
  AGAINST_TRAFFIC
}
