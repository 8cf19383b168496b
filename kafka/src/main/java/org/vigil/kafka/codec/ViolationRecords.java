package org.vigil.kafka.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.crypto.Aead;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Hold;
import org.vigil.enforcement.Observation;
import org.vigil.enforcement.SectionPassage;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.plate.Plate;
import org.vigil.site.SpeedLimit;

/**
 * The records of {@link KafkaTopics#VIOLATIONS}: a priced violation, sealed. The record key is the
 * violation id as a string ({@link #key}), so that the sink writes each once by its id.
 *
 * <p>Sealed format, version 1: {@code 0x01 ‖ nonce (12 random bytes) ‖ AES-256-GCM(plaintext) ‖ tag
 * (16)}, the version byte bound as associated data, under the key {@code
 * ClusterSecret.derive("violations")} that the caller passes in. The plaintext (version 1) holds
 * every field of {@link Violation}: id, type (by name), camera, section, plate, observedAt,
 * measured speed (NaN kept), limit, event ids, passage, observation, detail, holds (kind by name,
 * reason), fine (amounts as decimal strings, so their scale survives). Plaintext bytes are zeroed
 * once sealed or decoded.
 */
public final class ViolationRecords {
  private static final Aead AEAD = new Aead();

  /** The format version, the first byte of a sealed record and of its plaintext. */
  public static final int VERSION = 1;

  private static final String WHAT = "violation record";
  private static final RandomGenerator NONCES = new SecureRandom();

  private ViolationRecords() {}

  /** The record key of {@code v}: its id as a string, in UTF-8. */
  public static byte[] key(Violation v) {
    return v.id().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code v} sealed under {@code key} (32 bytes) with a nonce from a {@link SecureRandom}. */
  public static byte[] seal(Violation v, byte[] key) {
    return seal(v, key, NONCES);
  }

  /** {@code v} sealed under {@code key} (32 bytes) with a nonce from {@code nonces}. */
  public static byte[] seal(Violation v, byte[] key, RandomGenerator nonces) {
    checkKey(key);
    byte[] plain = encode(v);
    try {
      byte[] out = AEAD.seal(new SecretKeySpec(key, "AES"), new byte[] {VERSION}, plain, nonces, 1);
      out[0] = VERSION;
      return out;
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The violation {@link #seal} sealed under {@code key}.
   *
   * @throws IllegalArgumentException naming the length or version when {@code value} is no sealed
   *     violation, or saying that it does not open under this key
   */
  public static Violation open(byte[] value, byte[] key) {
    checkKey(key);
    if (value == null || value.length < 1 + Aead.NONCE_BYTES + Aead.TAG_BYTES) {
      throw new IllegalArgumentException(
          "a sealed violation has at least "
              + (1 + Aead.NONCE_BYTES + Aead.TAG_BYTES)
              + " bytes, this one "
              + (value == null ? 0 : value.length));
    }
    if (value[0] != VERSION) {
      throw new IllegalArgumentException(
          "sealed violation has format version " + value[0] + ", this node reads " + VERSION);
    }
    byte[] plain = AEAD.open(new SecretKeySpec(key, "AES"), new byte[] {VERSION}, value, 1);
    if (plain == null) {
      throw new IllegalArgumentException(
          "the sealed violation of " + value.length + " bytes does not open under this key");
    }
    try {
      return decode(plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static void checkKey(byte[] key) {
    if (key == null || key.length != ClusterSecret.BYTES) {
      throw new IllegalArgumentException(
          "the violation key must be "
              + ClusterSecret.BYTES
              + " bytes, was "
              + (key == null ? 0 : key.length));
    }
  }

  static byte[] encode(Violation v) {
    Wire.Writer w = new Wire.Writer(512);
    w.u8(VERSION)
        .i64(v.id().getMostSignificantBits())
        .i64(v.id().getLeastSignificantBits())
        .string(v.type().name())
        .string(v.cameraId())
        .string(v.sectionId());
    w.bool(v.plate() != null);
    if (v.plate() != null) {
      w.string(v.plate().text()).string(v.plate().country());
    }
    w.instant(v.observedAt())
        .f64(v.measuredSpeedKmh())
        .i32(v.limit().limitKmh())
        .i32(v.limit().toleranceKmh())
        .varint(v.eventIds().size());
    for (String e : v.eventIds()) {
      w.string(e);
    }
    SectionPassage p = v.passage();
    w.bool(p != null);
    if (p != null) {
      w.instant(p.entryAt()).instant(p.exitAt()).f64(p.distanceM());
    }
    Observation o = v.observation();
    w.u8(Wire.code(Codes.CLASSES, o.vehicleClass())).i32(o.lane()).f64(o.confidence());
    Codes.signal(w, o.signal());
    w.u8(Wire.code(Codes.DIRECTIONS, o.direction())).string(v.detail()).varint(v.holds().size());
    for (Hold h : v.holds()) {
      w.string(h.kind().name()).string(h.reason());
    }
    Fine f = v.fine();
    w.bool(f != null);
    if (f != null) {
      w.string(f.outcome())
          .f64(f.retainedSpeedKmh())
          .string(decimal(f.amount()))
          .string(f.currency())
          .string(decimal(f.discountedAmount()))
          .i32(f.discountWithinDays())
          .string(f.basis())
          .string(f.explanation());
    }
    return w.toBytes();
  }

  static Violation decode(byte[] plain) {
    Wire.Reader r = Wire.open(plain, WHAT, VERSION);
    try {
      UUID id = new UUID(r.i64(), r.i64());
      ViolationType type = name(ViolationType.class, r.required("type"), r);
      String cameraId = r.string();
      String sectionId = r.string();
      Plate plate = r.bool() ? new Plate(r.required("plate"), r.string()) : null;
      var observedAt = r.instant();
      double measured = r.f64();
      SpeedLimit limit = new SpeedLimit(r.i32(), r.i32());
      int events = r.length(r.varint());
      List<String> eventIds = new ArrayList<>(events);
      for (int i = 0; i < events; i++) {
        eventIds.add(r.required("event id"));
      }
      SectionPassage passage =
          r.bool() ? new SectionPassage(r.instant(), r.instant(), r.f64()) : null;
      var vehicleClass = r.of(Codes.CLASSES, "vehicle class");
      int lane = r.i32();
      double confidence = r.f64();
      var signal = Codes.signal(r);
      var direction = r.of(Codes.DIRECTIONS, "direction");
      String detail = r.required("detail");
      int holdCount = r.length(r.varint());
      List<Hold> holds = new ArrayList<>(holdCount);
      for (int i = 0; i < holdCount; i++) {
        holds.add(new Hold(name(Hold.Kind.class, r.required("hold"), r), r.required("reason")));
      }
      Fine fine =
          r.bool()
              ? new Fine(
                  r.required("outcome"),
                  r.f64(),
                  decimal(r.string(), r),
                  r.string(),
                  decimal(r.string(), r),
                  r.i32(),
                  r.string(),
                  r.required("explanation"))
              : null;
      r.end();
      return new Violation(
          id,
          type,
          cameraId,
          sectionId,
          plate,
          observedAt,
          measured,
          limit,
          eventIds,
          passage,
          new Observation(vehicleClass, lane, confidence, signal, direction),
          detail,
          holds,
          fine);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(WHAT)) {
        throw e;
      }
      throw new IllegalArgumentException(WHAT + " holds an invalid violation: " + e.getMessage());
    }
  }

  private static <E extends Enum<E>> E name(Class<E> type, String name, Wire.Reader r) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw r.bad(type.getSimpleName() + " '" + name + "' is unknown");
    }
  }

  private static String decimal(BigDecimal d) {
    return d == null ? null : d.toString();
  }

  private static BigDecimal decimal(String s, Wire.Reader r) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw r.bad("an amount is not a number");
    }
  }
}
