package org.vigil.http.portal;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits the attempts to open a case with a wrong notice number and plate pair, per client and per
 * notice number, so that neither a plate nor a notice number can be guessed. A notice number that
 * exists counts exactly like one that does not.
 */
public interface OpenThrottle {
  /**
   * Whether {@code client} may try {@code noticeNumber} now.
   *
   * @return empty when it may; else how long until it may
   */
  Optional<Duration> refusal(String client, String noticeNumber);

  /** Counts a failed attempt of {@code client} at {@code noticeNumber}. */
  void failed(String client, String noticeNumber);
}
