package org.vigil.site;

import java.time.Instant;
import java.util.Objects;

/**
 * What a variable message sign showed from a moment on, until the next setting.
 *
 * @param from when the sign started showing it
 * @param limitKmh the limit shown, 1 to 300 km/h, or 0 when the sign is blank and the posted limit
 *     applies again
 */
public record SignSetting(Instant from, int limitKmh) {
  public SignSetting {
    Objects.requireNonNull(from, "from");
    if (limitKmh < 0 || limitKmh > 300) {
      throw new IllegalArgumentException(
          "limitKmh must be between 1 and 300, or 0 for a blank sign, was " + limitKmh);
    }
  }

  /** Whether the sign is blank, leaving the posted limit in force. */
  public boolean blank() {
    return limitKmh == 0;
  }
}
