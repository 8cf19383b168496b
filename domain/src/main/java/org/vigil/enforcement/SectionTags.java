package org.vigil.enforcement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.site.Section;

/**
 * The derivations of section control: time buckets, tags and sealing keys. Pure and deterministic,
 * so that another runtime (a Kafka Streams node sharing the epoch keys) computes the same tags.
 *
 * <p>Design:
 *
 * <ul>
 *   <li><b>Bucket width</b> δ of a section is the time to drive it at {@value #BUCKET_PACE_KMH}
 *       km/h, in whole milliseconds (at least 1): {@code δ = ⌈distanceM · 3600 / 400⌉ ms}. It
 *       depends on the distance only, so a change of the posted limit never shifts the buckets. An
 *       instant t falls in bucket {@code ⌊t/δ⌋} (milliseconds since 1970).
 *   <li><b>Epoch of a bucket</b> is the epoch of the bucket's first instant; its key signs every
 *       tag and seal of the bucket, wherever the sighting that needs it lies.
 *   <li><b>Tag</b> = the first 128 bits of {@code HMAC-SHA256(K_epoch(b), 0x01 ‖ sectionId ‖ 0x00 ‖
 *       matchKey ‖ 0x00 ‖ b)}, with the strings in UTF-8 and b as 8 bytes big-endian.
 *   <li><b>Seal key</b> of a sighting = {@code HMAC-SHA256(K_epoch(b), side ‖ sectionId ‖ 0x00 ‖
 *       matchKey ‖ 0x00 ‖ b)}, side 0x02 for an entry and 0x03 for an exit: a 256-bit AES key that
 *       only someone holding the epoch key and reading the same plate can derive. The leading byte
 *       keeps tags and keys of the same inputs apart (an HKDF-Expand-style label).
 *   <li><b>Transport key</b> of an epoch = {@code HMAC-SHA256(K_epoch, 0x04 ‖ "transport")}: the
 *       AES-256 key {@link TransportSeal} seals detections in transit with, so that nodes sharing
 *       the epoch keys share it, and it is destroyed with its epoch.
 * </ul>
 *
 * <p>Section ids are printable ASCII and match keys letters and digits, so neither contains the
 * 0x00 separator and the encoding is unambiguous.
 */
public final class SectionTags {
  /** The speed whose time over the section is one bucket. */
  static final int BUCKET_PACE_KMH = 400;

  static final byte TAG = 0x01;
  static final byte SEAL_ENTRY = 0x02;
  static final byte SEAL_EXIT = 0x03;
  static final byte TRANSPORT = 0x04;

  private static final byte[] TRANSPORT_INFO = "transport".getBytes(StandardCharsets.UTF_8);

  private SectionTags() {}

  /** The bucket width δ of {@code section} in milliseconds; see the class comment. */
  public static long bucketMillis(Section section) {
    return Math.max(1, (long) Math.ceil(section.distanceM() * 3600 / BUCKET_PACE_KMH));
  }

  /** The bucket {@code at} falls in, for buckets of {@code widthMillis}. */
  public static long bucketOf(Instant at, long widthMillis) {
    return Math.floorDiv(at.toEpochMilli(), widthMillis);
  }

  /**
   * The last bucket an entry at {@code entryAt} emits tags for: the bucket of {@code entryAt +
   * window}. Every exit before {@code entryAt + window} falls in a bucket from the entry's own up
   * to this one.
   */
  public static long lastBucket(Instant entryAt, Duration window, long widthMillis) {
    return bucketOf(entryAt.plus(window), widthMillis);
  }

  /**
   * The tag of plate {@code matchKey} on {@code sectionId} in {@code bucket}, under the raw 256-bit
   * {@code epochKey} of the bucket's epoch: the reference form for other runtimes.
   */
  public static Tag tag(byte[] epochKey, String sectionId, String matchKey, long bucket) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(epochKey, "HmacSHA256"));
      byte[] out = new byte[32];
      derive(mac, TAG, prefix(sectionId, matchKey), bucket, out);
      return toTag(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** {@code sectionId ‖ 0x00 ‖ matchKey ‖ 0x00} in UTF-8: what every derivation starts with. */
  static byte[] prefix(String sectionId, String matchKey) {
    byte[] s = sectionId.getBytes(StandardCharsets.UTF_8);
    byte[] p = matchKey.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = new byte[s.length + p.length + 2];
    System.arraycopy(s, 0, prefix, 0, s.length);
    System.arraycopy(p, 0, prefix, s.length + 1, p.length);
    Arrays.fill(p, (byte) 0);
    return prefix;
  }

  /** Writes {@code HMAC(key of mac, label ‖ prefix ‖ bucket)} to {@code out}, 32 bytes. */
  static void derive(Mac mac, byte label, byte[] prefix, long bucket, byte[] out) {
    mac.update(label);
    mac.update(prefix);
    for (int shift = 56; shift >= 0; shift -= 8) {
      mac.update((byte) (bucket >>> shift));
    }
    try {
      mac.doFinal(out, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("a 32-byte buffer is too short for HmacSHA256", e);
    }
  }

  /** Writes the transport key {@code HMAC(key of mac, 0x04 ‖ "transport")} to {@code out}. */
  static void deriveTransport(Mac mac, byte[] out) {
    mac.update(TRANSPORT);
    mac.update(TRANSPORT_INFO);
    try {
      mac.doFinal(out, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("a 32-byte buffer is too short for HmacSHA256", e);
    }
  }

  /** The first 128 bits of {@code digest} as a tag. */
  static Tag toTag(byte[] digest) {
    return new Tag(longAt(digest, 0), longAt(digest, 8));
  }

  private static long longAt(byte[] b, int at) {
    long v = 0;
    for (int i = at; i < at + 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
