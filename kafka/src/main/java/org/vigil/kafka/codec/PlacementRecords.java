package org.vigil.kafka.codec;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Placement;
import org.vigil.enforcement.Tag;
import org.vigil.enforcement.TransportSeal;

/**
 * The records of the placement (repartition) topic: one {@link Placement} keyed by its tag, on its
 * way from the task that decided the detection to the task that owns the tag.
 *
 * <p>Format, version 1: {@code 0x01 ‖ sectionId ‖ tag (16) ‖ bucket (8) ‖ entry (1) ‖ sighting
 * (home tag 16, bucket 8, forgetAt 8 + 4, varint length, sealed) ‖ clock offset (1, then ns 8 when
 * known) ‖ epoch (8) ‖ varint(length) ‖ TransportSeal.seal(epoch, DetectionRecords.encode(d,
 * receivedAt))}: in clear only what the section store holds anyway (tags, times, sealed bytes), the
 * section and the camera's clock offset; the detection with its plate travels sealed under the
 * transport key of its epoch, as on {@code vigil.detections}. The record key is the tag, 16 bytes
 * ({@link #key}).
 */
public final class PlacementRecords {
  /** The format version, the first byte. */
  public static final int VERSION = 1;

  private static final String WHAT = "placement record";

  private PlacementRecords() {}

  /**
   * A placement and when its detection was received, for the end-to-end latency.
   *
   * @param placement the placement
   * @param receivedAt when an ingest node received its detection
   */
  public record Routed(Placement placement, Instant receivedAt) {
    public Routed {
      Objects.requireNonNull(placement, "placement");
      Objects.requireNonNull(receivedAt, "receivedAt");
    }
  }

  /** The record key of a placement under {@code tag}: its 16 bytes, big-endian. */
  public static byte[] key(Tag tag) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (tag.high() >>> (56 - 8 * i));
      b[8 + i] = (byte) (tag.low() >>> (56 - 8 * i));
    }
    return b;
  }

  /**
   * The tag a {@link #key} holds.
   *
   * @throws IllegalArgumentException when it is not 16 bytes
   */
  public static Tag tag(byte[] key) {
    if (key == null || key.length != 16) {
      throw new IllegalArgumentException(
          "a tag key must be 16 bytes, was " + (key == null ? "empty" : key.length + " bytes"));
    }
    Wire.Reader r = new Wire.Reader(key, "tag key");
    return SectionStates.readTag(r);
  }

  /** {@code p} as a record value, its detection sealed under the transport key of its epoch. */
  public static byte[] encode(Placement p, Instant receivedAt, TransportSeal seal, EpochKeys keys) {
    long epoch = DetectionRecords.epochOf(keys, p.detection());
    byte[] sealed = DetectionRecords.sealedValue(seal, keys, p.detection(), receivedAt);
    Wire.Writer w =
        new Wire.Writer(96 + p.sighting().sealed().length + sealed.length)
            .u8(VERSION)
            .string(p.sectionId());
    SectionStates.writeTag(w, p.tag());
    w.i64(p.bucket()).bool(p.entry());
    SectionStates.writeSighting(w, p.sighting());
    w.duration(p.clockOffset()).i64(epoch).bytes(sealed);
    return w.toBytes();
  }

  /**
   * What {@link #encode} wrote, its detection opened.
   *
   * @throws IllegalArgumentException naming the length, version or field that is wrong, or the
   *     epoch whose transport key does not open the detection
   */
  public static Routed decode(byte[] bytes, TransportSeal seal) {
    Wire.Reader r = Wire.open(bytes, WHAT, VERSION);
    String sectionId = r.required("sectionId");
    Tag tag = SectionStates.readTag(r);
    long bucket = r.i64();
    boolean entry = r.bool();
    var sighting = SectionStates.readSighting(r, entry);
    var offset = r.duration();
    long epoch = r.i64();
    byte[] sealed = r.bytes();
    r.end();
    DetectionRecords.Received received = DetectionRecords.open(seal, epoch, sealed);
    Arrays.fill(sealed, (byte) 0);
    return new Routed(
        new Placement(sectionId, tag, bucket, sighting, received.detection(), offset),
        received.receivedAt());
  }

  /** A serde of placement records whose detections {@code seal} seals under {@code keys}. */
  public static Serde<Routed> serde(TransportSeal seal, EpochKeys keys) {
    Serializer<Routed> ser =
        (topic, r) -> r == null ? null : encode(r.placement(), r.receivedAt(), seal, keys);
    Deserializer<Routed> de = (topic, b) -> b == null ? null : decode(b, seal);
    return Serdes.serdeFrom(ser, de);
  }
}
