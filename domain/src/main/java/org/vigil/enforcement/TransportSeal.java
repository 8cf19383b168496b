package org.vigil.enforcement;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Seals records in transit between the nodes of a partitioned runtime (a detection on its way from
 * an ingest node to the rules, a placement on its way to its tag's partition) under the transport
 * key of an epoch, so that a queue or its disk holds no plate in clear, and a record is unreadable
 * once its epoch's key is destroyed.
 *
 * <p>Design: the transport key of epoch e is {@code HMAC-SHA256(K_e, 0x04 ‖ "transport")} (see
 * {@link SectionTags}), K_e being the {@link EpochKeys} key of e; nodes that share the epoch keys
 * (through an {@link EpochKeySource}) share it and nothing else needs distributing. A sealed record
 * is {@code version (1 byte, 1) ‖ nonce (12 random bytes) ‖ AES-256-GCM ciphertext ‖ tag (16
 * bytes)}. Random nonces, because several nodes seal under one key: NIST SP 800-38D bounds a key to
 * 2<sup>32</sup> random-nonce messages, about 1.2 million records a second for a whole one-hour
 * epoch across the deployment; a busier deployment needs shorter epochs. Thread-safe when its
 * random generator is (a {@link SecureRandom} is).
 */
public final class TransportSeal {
  /** The format version, the first byte of a sealed record. */
  public static final byte VERSION = 1;

  /** How many bytes a sealed record has beyond its plaintext. */
  public static final int OVERHEAD = 1 + Sealer.NONCE + Sealer.GCM_TAG_BYTES;

  private final EpochKeys keys;
  private final Sealer sealer;

  /** Seals with nonces from a {@link SecureRandom}. */
  public TransportSeal(EpochKeys keys) {
    this(keys, new SecureRandom());
  }

  /**
   * @param keys the epoch keys the transport keys are derived from
   * @param nonces where the nonces come from (a {@link SecureRandom} in production)
   */
  public TransportSeal(EpochKeys keys, RandomGenerator nonces) {
    this.keys = keys;
    this.sealer = new Sealer(nonces);
  }

  /**
   * {@code plain} sealed under the transport key of {@code epoch}; {@code plain} is not changed.
   */
  public byte[] seal(long epoch, byte[] plain) {
    byte[] out = sealer.seal(key(epoch), plain, 1);
    out[0] = VERSION;
    return out;
  }

  /**
   * The plaintext of {@code sealed}, which {@link #seal} sealed under the transport key of {@code
   * epoch}.
   *
   * @throws IllegalArgumentException naming the epoch when it does not open under that key (another
   *     epoch, altered or truncated bytes, another deployment's keys), or naming the length or
   *     version when it is no sealed record
   */
  public byte[] open(long epoch, byte[] sealed) {
    if (sealed.length < OVERHEAD) {
      throw new IllegalArgumentException(
          "a sealed record has at least " + OVERHEAD + " bytes, this one " + sealed.length);
    }
    if (sealed[0] != VERSION) {
      throw new IllegalArgumentException(
          "sealed record format version " + sealed[0] + " is unknown; expected " + VERSION);
    }
    byte[] plain = sealer.open(key(epoch), sealed, 1);
    if (plain == null) {
      throw new IllegalArgumentException(
          "the record does not open under the transport key of epoch " + epoch);
    }
    return plain;
  }

  private byte[] key(long epoch) {
    byte[] key = new byte[32];
    EpochKeys.Lease lease = keys.lease(epoch);
    try {
      SectionTags.deriveTransport(lease.mac(), key);
    } finally {
      lease.release();
    }
    return key;
  }

  @Override
  public String toString() {
    return "TransportSeal[keys hidden]";
  }
}
