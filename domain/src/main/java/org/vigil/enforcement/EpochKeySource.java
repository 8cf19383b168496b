package org.vigil.enforcement;

import java.util.random.RandomGenerator;

/**
 * Where the bytes of an epoch key come from, when {@link EpochKeys} first needs the key of an
 * epoch. The embedded runtime draws them at random; several nodes that must derive the same tags
 * (the Kafka runtime) agree on them through a source they share.
 *
 * <p>Contract: asked twice for the same epoch by the same or another node of one deployment, a
 * source returns the same 32 bytes; it never writes them anywhere in clear, and it may keep no copy
 * longer than the caller's {@link EpochKeys} keeps the key.
 */
@FunctionalInterface
public interface EpochKeySource {

  /** The 256-bit key of {@code epoch}: a fresh array that the caller owns and will zero. */
  byte[] keyOf(long epoch);

  /** Fresh random bytes for each epoch: the keys of one process alone. */
  static EpochKeySource random(RandomGenerator random) {
    return epoch -> {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      return bytes;
    };
  }
}
