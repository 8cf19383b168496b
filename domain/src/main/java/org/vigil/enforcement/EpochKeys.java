package org.vigil.enforcement;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The epoch keys of section control: one random 256-bit key per epoch of stream time, held in this
 * process's memory only.
 *
 * <p>Design: epoch {@code e} covers the instants {@code [e·Δ, (e+1)·Δ)} of stream time, Δ being
 * {@link #epochLength()}. A key is made when it is first asked for, so the key of the next epoch
 * exists as soon as an entry near the end of an epoch needs tags for buckets beyond it, and the
 * previous epoch's key stays as long as a waiting sighting may need it; {@link #destroyBefore} then
 * zeroes it. Keys are never written anywhere, never logged, and {@link #toString()} names only the
 * epochs held. A restart starts with no keys: sightings that waited before the restart were lost
 * with the memory anyway, and new tags cannot match old ones.
 *
 * <p>HMACs are computed by {@link Mac} instances kept in a pool per key, so that a tag costs no key
 * set-up; destroying a key also re-keys every pooled {@code Mac} with zeros, so no derived key
 * material of it stays behind. Thread-safe.
 */
public final class EpochKeys {
  /** The default epoch length: one hour of stream time. */
  public static final Duration DEFAULT_EPOCH = Duration.ofHours(1);

  private static final int KEY_BYTES = 32;
  private static final String HMAC = "HmacSHA256";

  private final EpochKeySource source;
  private final long epochMillis;
  private final Map<Long, EpochKey> keys = new ConcurrentHashMap<>();
  private volatile EpochKey latest;

  /**
   * @param random where the key bytes come from: a {@link SecureRandom} in production, a seeded
   *     generator in tests
   * @param epochLength how long one key is used; at least one second and a whole number of
   *     milliseconds
   */
  public EpochKeys(RandomGenerator random, Duration epochLength) {
    this(EpochKeySource.random(random), epochLength);
  }

  /**
   * @param source where each epoch's key bytes come from: shared by the nodes that must derive the
   *     same tags
   * @param epochLength how long one key is used; at least one second and a whole number of
   *     milliseconds
   */
  public EpochKeys(EpochKeySource source, Duration epochLength) {
    if (epochLength.compareTo(Duration.ofSeconds(1)) < 0
        || epochLength.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "epochLength must be at least 1 s in whole milliseconds, was " + epochLength);
    }
    this.source = source;
    this.epochMillis = epochLength.toMillis();
  }

  /** Keys from a {@link SecureRandom}, one per {@link #DEFAULT_EPOCH}. */
  public static EpochKeys secure() {
    return new EpochKeys(new SecureRandom(), DEFAULT_EPOCH);
  }

  public Duration epochLength() {
    return Duration.ofMillis(epochMillis);
  }

  /** The epoch that the instant {@code epochMilli} (milliseconds since 1970) falls in. */
  public long epochOf(long epochMilli) {
    return Math.floorDiv(epochMilli, epochMillis);
  }

  /** The first instant after epoch {@code epoch}. */
  public Instant endOf(long epoch) {
    return Instant.ofEpochMilli((epoch + 1) * epochMillis);
  }

  /** The key of {@code epoch}, made now if there is none. */
  EpochKey key(long epoch) {
    EpochKey last = latest;
    if (last != null && last.epoch == epoch && !last.isDestroyed()) {
      return last;
    }
    EpochKey key = keys.computeIfAbsent(epoch, this::fresh);
    latest = key;
    return key;
  }

  /**
   * A {@code Mac} keyed with the key of {@code epoch}, with the key to give it back to. Should the
   * key be destroyed between its look-up and the borrowing (another thread forgetting due epochs),
   * the key is made afresh: its {@link EpochKeySource} gives the same bytes again when it is
   * shared, and a random one's new key matches nothing older, as a destroyed key should.
   */
  Lease lease(long epoch) {
    EpochKey key = key(epoch);
    Mac mac = key.tryBorrow();
    while (mac == null) {
      key = key(epoch);
      mac = key.tryBorrow();
    }
    return new Lease(key, mac);
  }

  /** A borrowed {@code Mac} and the key it belongs to. */
  record Lease(EpochKey key, Mac mac) {
    void release() {
      key.release(mac);
    }
  }

  private EpochKey fresh(long epoch) {
    byte[] bytes = source.keyOf(epoch);
    if (bytes.length != KEY_BYTES) {
      int length = bytes.length;
      Arrays.fill(bytes, (byte) 0);
      throw new IllegalStateException(
          "the key source gave " + length + " bytes for epoch " + epoch + ", not " + KEY_BYTES);
    }
    return new EpochKey(epoch, bytes);
  }

  /**
   * Destroys the key of every epoch that ends at or before {@code instant}: it is removed and its
   * bytes zeroed. A tag or seal of such an epoch can never be made or opened again.
   */
  public void destroyBefore(Instant instant) {
    long firstKept = Math.floorDiv(instant.toEpochMilli(), epochMillis);
    for (Long epoch : keys.keySet()) {
      if (epoch < firstKept) {
        EpochKey key = keys.remove(epoch);
        if (key != null) {
          key.destroy();
        }
      }
    }
  }

  /** The epochs whose keys are held, oldest first; for tests and metrics. */
  long[] heldEpochs() {
    return keys.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
  }

  @Override
  public String toString() {
    return "EpochKeys[" + keys.size() + " epochs of " + epochMillis + " ms, keys hidden]";
  }

  /**
   * One epoch's key with its pool of keyed {@link Mac}s. It is its own {@link SecretKey}, so that
   * destroying it zeroes the one copy of the bytes this class holds.
   */
  static final class EpochKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final long epoch;
    private final byte[] bytes;
    private final transient ConcurrentLinkedQueue<Mac> pool = new ConcurrentLinkedQueue<>();
    private volatile boolean destroyed;

    private EpochKey(long epoch, byte[] bytes) {
      this.epoch = epoch;
      this.bytes = bytes;
    }

    long epoch() {
      return epoch;
    }

    /** A {@code Mac} keyed with this key; give it back with {@link #release}. */
    Mac borrow() {
      Mac mac = tryBorrow();
      if (mac == null) {
        throw new IllegalStateException("the key of epoch " + epoch + " is destroyed");
      }
      return mac;
    }

    /** A {@code Mac} keyed with this key, or null once it is destroyed. */
    Mac tryBorrow() {
      if (destroyed) {
        return null;
      }
      Mac mac = pool.poll();
      if (mac != null) {
        return mac;
      }
      try {
        mac = Mac.getInstance(HMAC);
        mac.init(this);
        return mac;
      } catch (IllegalStateException e) {
        return null; // destroyed while being keyed
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }

    void release(Mac mac) {
      if (destroyed) {
        scrub(mac);
      } else {
        pool.offer(mac);
      }
    }

    @Override
    public String getAlgorithm() {
      return HMAC;
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    /** A copy of the key bytes, as {@link Mac#init} needs them; it wipes its copy after use. */
    @Override
    public byte[] getEncoded() {
      if (destroyed) {
        throw new IllegalStateException("the key of epoch " + epoch + " is destroyed");
      }
      return bytes.clone();
    }

    @Override
    public void destroy() {
      destroyed = true;
      Arrays.fill(bytes, (byte) 0);
      Mac mac;
      while ((mac = pool.poll()) != null) {
        scrub(mac);
      }
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    /** Whether every byte of the key is zero; for tests of destruction. */
    boolean bytesZeroed() {
      for (byte b : bytes) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private static void scrub(Mac mac) {
      try {
        mac.init(new Zeros());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 refused a zero key", e);
      }
    }

    @Override
    public String toString() {
      return "EpochKey[" + epoch + (destroyed ? ", destroyed]" : ", hidden]");
    }
  }

  /** An all-zero key, to overwrite what a {@code Mac} derived from a destroyed key. */
  private static final class Zeros implements SecretKey {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAlgorithm() {
      return HMAC;
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return new byte[KEY_BYTES];
    }
  }
}
