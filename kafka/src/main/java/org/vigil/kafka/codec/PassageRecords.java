package org.vigil.kafka.codec;

import java.nio.charset.StandardCharsets;
import org.vigil.kafka.KafkaTopics;
import org.vigil.site.SpeedLimit;
import org.vigil.traffic.Passage;

/**
 * The records of {@link KafkaTopics#PASSAGES}: a decided detection without its plate (a {@link
 * Passage} has none), for traffic statistics; key the camera id in UTF-8.
 *
 * <p>Format, version 1: {@code 0x01 ‖ cameraId ‖ lane (1) ‖ observedAt (8 s + 4 ns) ‖ vehicle class
 * (1) ‖ speed (f64, NaN when none) ‖ limit (4) ‖ tolerance (4)}.
 */
public final class PassageRecords {
  /** The format version, the first byte. */
  public static final int VERSION = 1;

  private static final String WHAT = "passage record";

  private PassageRecords() {}

  /** The record key of {@code p}: its camera id in UTF-8. */
  public static byte[] key(Passage p) {
    return p.cameraId().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] encode(Passage p) {
    return new Wire.Writer(48)
        .u8(VERSION)
        .string(p.cameraId())
        .u8(p.lane())
        .instant(p.observedAt())
        .u8(Wire.code(Codes.CLASSES, p.vehicleClass()))
        .f64(p.speedKmh())
        .i32(p.limit().limitKmh())
        .i32(p.limit().toleranceKmh())
        .toBytes();
  }

  /**
   * What {@link #encode} wrote.
   *
   * @throws IllegalArgumentException naming the length, version or field that is wrong
   */
  public static Passage decode(byte[] bytes) {
    Wire.Reader r = Wire.open(bytes, WHAT, VERSION);
    try {
      String camera = r.required("cameraId");
      int lane = r.u8();
      var at = r.instant();
      var vehicleClass = r.of(Codes.CLASSES, "vehicle class");
      double speed = r.f64();
      SpeedLimit limit = new SpeedLimit(r.i32(), r.i32());
      r.end();
      return new Passage(camera, lane, at, vehicleClass, speed, limit);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(WHAT)) {
        throw e;
      }
      throw new IllegalArgumentException(WHAT + " holds an invalid passage: " + e.getMessage());
    }
  }
}
