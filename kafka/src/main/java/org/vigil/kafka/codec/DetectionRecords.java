package org.vigil.kafka.codec;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.vigil.detection.Detection;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.TransportSeal;
import org.vigil.kafka.KafkaTopics;
import org.vigil.plate.Plate;

/**
 * The records of {@link KafkaTopics#DETECTIONS}: one detection and when an ingest node received it.
 *
 * <p>Format, version 1 (compact binary, big-endian; strings {@code varint(length + 1) ‖ UTF-8}):
 * {@code 0x01 ‖ eventId ‖ cameraId ‖ observedAt (8 s + 4 ns) ‖ plate text ‖ plate country (or none)
 * ‖ confidence (f64) ‖ vehicle class (1) ‖ speed (f64, NaN when none) ‖ lane (1) ‖ signal (1, then
 * red ms (8) when present) ‖ direction (1) ‖ receivedAt (8 s + 4 ns)}.
 *
 * <p>On the topic the value is {@code TransportSeal.seal(epoch, encode(d, receivedAt))} with {@code
 * epoch = keys.epochOf(d.observedAt().toEpochMilli())}, the header {@link KafkaTopics#EPOCH_HEADER}
 * holds that epoch as 8 bytes big-endian, and the key is the camera id in UTF-8, so that one
 * camera's detections stay in one partition, in order. {@link #producerRecord} builds exactly that
 * record and {@link #open(TransportSeal, Headers, byte[])} reads it.
 */
public final class DetectionRecords {
  /** The format version, the first byte. */
  public static final int VERSION = 1;

  private static final String WHAT = "detection record";

  private DetectionRecords() {}

  /**
   * A detection and when it was received.
   *
   * @param detection the detection
   * @param receivedAt when an ingest node received it
   */
  public record Received(Detection detection, Instant receivedAt) {
    public Received {
      Objects.requireNonNull(detection, "detection");
      Objects.requireNonNull(receivedAt, "receivedAt");
    }
  }

  /**
   * {@code d} and {@code receivedAt} in the format of version 1, in clear: seal it before sending.
   */
  public static byte[] encode(Detection d, Instant receivedAt) {
    Wire.Writer w = new Wire.Writer(96);
    w.u8(VERSION)
        .string(d.eventId())
        .string(d.cameraId())
        .instant(d.observedAt())
        .string(d.plate().text())
        .string(d.plate().country())
        .f64(d.confidence())
        .u8(Wire.code(Codes.CLASSES, d.vehicleClass()))
        .f64(d.speedKmh())
        .u8(d.lane());
    Codes.signal(w, d.signal());
    w.u8(Wire.code(Codes.DIRECTIONS, d.direction())).instant(receivedAt);
    return w.toBytes();
  }

  /**
   * What {@link #encode} wrote.
   *
   * @throws IllegalArgumentException naming the length, version or field that is wrong (never a
   *     plate)
   */
  public static Received decode(byte[] bytes) {
    Wire.Reader r = Wire.open(bytes, WHAT, VERSION);
    try {
      String eventId = r.required("eventId");
      String cameraId = r.required("cameraId");
      Instant observedAt = r.instant();
      String text = r.required("plate");
      String country = r.string();
      double confidence = r.f64();
      var vehicleClass = r.of(Codes.CLASSES, "vehicle class");
      Objects.requireNonNull(vehicleClass);
      double speed = r.f64();
      int lane = r.u8();
      var signal = Codes.signal(r);
      var direction = r.of(Codes.DIRECTIONS, "direction");
      Instant receivedAt = r.instant();
      r.end();
      return new Received(
          new Detection(
              eventId,
              cameraId,
              observedAt,
              new Plate(text, country),
              confidence,
              vehicleClass,
              speed,
              lane,
              signal,
              direction),
          receivedAt);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(WHAT)) {
        throw e;
      }
      throw new IllegalArgumentException(WHAT + " holds an invalid detection: " + e.getMessage());
    }
  }

  /** The epoch whose transport key seals {@code d}: that of its {@code observedAt}. */
  public static long epochOf(EpochKeys keys, Detection d) {
    return keys.epochOf(d.observedAt().toEpochMilli());
  }

  /** The value on the topic: {@code d} encoded and sealed under the transport key of its epoch. */
  public static byte[] sealedValue(
      TransportSeal seal, EpochKeys keys, Detection d, Instant receivedAt) {
    byte[] plain = encode(d, receivedAt);
    try {
      return seal.seal(epochOf(keys, d), plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * What {@link #sealedValue} sealed under the transport key of {@code epoch}.
   *
   * @throws IllegalArgumentException when it does not open under that epoch's key or does not
   *     decode
   */
  public static Received open(TransportSeal seal, long epoch, byte[] value) {
    byte[] plain = seal.open(epoch, value);
    try {
      return decode(plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The record an ingest node sends: topic {@link KafkaTopics#DETECTIONS}, key the camera id in
   * UTF-8, value {@link #sealedValue}, header {@link KafkaTopics#EPOCH_HEADER} the epoch.
   */
  public static ProducerRecord<byte[], byte[]> producerRecord(
      TransportSeal seal, EpochKeys keys, Detection d, Instant receivedAt) {
    long epoch = epochOf(keys, d);
    byte[] plain = encode(d, receivedAt);
    byte[] value;
    try {
      value = seal.seal(epoch, plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(KafkaTopics.EPOCH_HEADER, epochHeader(epoch)));
    return new ProducerRecord<>(
        KafkaTopics.DETECTIONS, null, cameraKey(d.cameraId()), value, headers);
  }

  /**
   * Opens a record of {@link KafkaTopics#DETECTIONS} by its {@link KafkaTopics#EPOCH_HEADER}.
   *
   * @throws IllegalArgumentException when the header is missing or not 8 bytes, or the value does
   *     not open or decode
   */
  public static Received open(TransportSeal seal, Headers headers, byte[] value) {
    Header h = headers == null ? null : headers.lastHeader(KafkaTopics.EPOCH_HEADER);
    if (h == null) {
      throw new IllegalArgumentException(
          "the detection record has no " + KafkaTopics.EPOCH_HEADER + " header");
    }
    if (value == null) {
      throw new IllegalArgumentException("the detection record has no value");
    }
    return open(seal, epochFromHeader(h.value()), value);
  }

  /** The camera id as the record key: UTF-8. */
  public static byte[] cameraKey(String cameraId) {
    return cameraId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code epoch} as the header value: 8 bytes big-endian. */
  public static byte[] epochHeader(long epoch) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (epoch >>> (56 - 8 * i));
    }
    return b;
  }

  /**
   * The epoch an {@link #epochHeader} holds.
   *
   * @throws IllegalArgumentException when it is not 8 bytes
   */
  public static long epochFromHeader(byte[] header) {
    if (header == null || header.length != 8) {
      throw new IllegalArgumentException(
          "the "
              + KafkaTopics.EPOCH_HEADER
              + " header must be 8 bytes, was "
              + (header == null ? "empty" : header.length + " bytes"));
    }
    long v = 0;
    for (byte x : header) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }
}
