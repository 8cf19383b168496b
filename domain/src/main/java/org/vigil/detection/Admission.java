package org.vigil.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.site.Camera;
import org.vigil.site.Sites;

/**
 * The policy that decides whether a well-formed detection may enter enforcement at all: its camera
 * must be configured, its lane must exist there, and it must not come from the future.
 *
 * @param maxClockAhead how far a camera's {@code observedAt} may lie ahead of the server's clock
 */
public record Admission(Duration maxClockAhead) {

  /** A camera clock may run at most this far ahead, by default. */
  public static final Duration DEFAULT_MAX_CLOCK_AHEAD = Duration.ofMinutes(2);

  public Admission {
    if (maxClockAhead.isNegative()) {
      throw new IllegalArgumentException(
          "maxClockAhead must not be negative, was " + maxClockAhead);
    }
  }

  /**
   * Checks {@code detection} against the configuration.
   *
   * @param receivedAt when the server received it
   * @return empty when admitted, or the reason for refusing it, naming the bad value
   */
  public Optional<String> refusal(Detection detection, Sites sites, Instant receivedAt) {
    Optional<Camera> camera = sites.camera(detection.cameraId());
    if (camera.isEmpty()) {
      return Optional.of("unknown camera '" + detection.cameraId() + "'");
    }
    if (detection.lane() > camera.get().lanes()) {
      return Optional.of(
          "lane "
              + detection.lane()
              + " does not exist at camera '"
              + detection.cameraId()
              + "', which has "
              + camera.get().lanes());
    }
    if (detection.observedAt().isAfter(receivedAt.plus(maxClockAhead))) {
      return Optional.of(
          "observedAt "
              + detection.observedAt()
              + " lies more than "
              + maxClockAhead.toSeconds()
              + " s after the server's clock ("
              + receivedAt
              + ")");
    }
    return Optional.empty();
  }
}
