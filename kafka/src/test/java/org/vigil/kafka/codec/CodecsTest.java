package org.vigil.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.enforcement.EpochKeySource;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Hold;
import org.vigil.enforcement.Observation;
import org.vigil.enforcement.Placement;
import org.vigil.enforcement.SealedSighting;
import org.vigil.enforcement.SectionPassage;
import org.vigil.enforcement.SectionState;
import org.vigil.enforcement.Tag;
import org.vigil.enforcement.TransportSeal;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.kafka.ClusterSecret;
import org.vigil.kafka.KafkaTopics;
import org.vigil.plate.Plate;
import org.vigil.site.SpeedLimit;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.traffic.Passage;

/** The wire formats round-trip every field exactly, and refuse bad bytes without naming a plate. */
class CodecsTest {
  private static final String PLATE = "777KZX02";
  private static final Instant T = Instant.parse("2026-11-02T07:00:01.123456Z");
  private static final EpochKeySource SHARED =
      epoch -> {
        byte[] key = new byte[32];
        new SplittableRandom(epoch * 31 + 7).nextBytes(key);
        return key;
      };
  private final EpochKeys keys = new EpochKeys(SHARED, EpochKeys.DEFAULT_EPOCH);
  private final TransportSeal seal = new TransportSeal(keys);
  private final byte[] violationKey = new ClusterSecret(new byte[32]).derive("violations");

  private static Detection full() {
    return new Detection(
        "C-001:42",
        "C-001",
        T,
        new Plate(PLATE, "KZ"),
        0.87,
        VehicleClass.BUS,
        73.5,
        3,
        new Signal(Signal.State.RED, 1350),
        Direction.AGAINST_TRAFFIC);
  }

  @Test
  void aDetectionRoundTripsSealedWithItsEpochHeader() {
    Instant received = T.plusMillis(250);
    ProducerRecord<byte[], byte[]> record =
        DetectionRecords.producerRecord(seal, keys, full(), received);
    assertThat(record.topic()).isEqualTo(KafkaTopics.DETECTIONS);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("C-001");
    long epoch = keys.epochOf(T.toEpochMilli());
    assertThat(record.headers().lastHeader(KafkaTopics.EPOCH_HEADER).value())
        .isEqualTo(DetectionRecords.epochHeader(epoch));
    assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(PLATE);
    TransportSeal otherNode = new TransportSeal(new EpochKeys(SHARED, EpochKeys.DEFAULT_EPOCH));
    DetectionRecords.Received r =
        DetectionRecords.open(otherNode, record.headers(), record.value());
    assertThat(r.detection()).isEqualTo(full());
    assertThat(r.receivedAt()).isEqualTo(received);
  }

  @Test
  void everyClassAndAbsentFieldsRoundTrip() {
    for (VehicleClass c : VehicleClass.values()) {
      Detection d =
          DetectionBuilder.aDetection()
              .plate("1A")
              .country(null)
              .vehicleClass(c)
              .noSpeed()
              .lane(0)
              .build();
      DetectionRecords.Received r = DetectionRecords.decode(DetectionRecords.encode(d, T));
      assertThat(r.detection()).isEqualTo(d);
      assertThat(r.detection().speedKmh()).isNaN();
    }
  }

  @Test
  void badDetectionBytesAreRefusedByLengthOrVersionNeverByPlate() {
    byte[] good = DetectionRecords.encode(full(), T);
    assertThatThrownBy(() -> DetectionRecords.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    byte[] v9 = good.clone();
    v9[0] = 9;
    assertThatThrownBy(() -> DetectionRecords.decode(v9)).hasMessageContaining("version 9");
    for (int cut = 1; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> DetectionRecords.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(good.length > cut ? cut + " bytes" : "")
          .hasMessageNotContaining(PLATE);
    }
    assertThatThrownBy(() -> DetectionRecords.open(seal, new RecordHeaders(), new byte[] {1, 2, 3}))
        .hasMessageContaining(KafkaTopics.EPOCH_HEADER);
    assertThatThrownBy(
            () ->
                DetectionRecords.open(seal, 5, DetectionRecords.sealedValue(seal, keys, full(), T)))
        .hasMessageContaining("epoch 5");
  }

  static Violation sectionViolation() {
    return new Violation(
        UUID.randomUUID(),
        ViolationType.SECTION_SPEED,
        null,
        "S-1",
        new Plate(PLATE, null),
        T,
        123.456789,
        new SpeedLimit(90, 10),
        List.of("e1", "e2"),
        new SectionPassage(T.minusSeconds(31).plusNanos(1000), T, 1138.6),
        new Observation(VehicleClass.TRUCK, 0, 0.9, null, null),
        "average 123.46 km/h",
        List.of(
            new Hold(Hold.Kind.CLOCK_DRIFT, "camera 'B' clock is off by 3000 ms"),
            new Hold(Hold.Kind.CALIBRATION_EXPIRED, "calibration")),
        new Fine(
            "FINE",
            113.456,
            new BigDecimal("29490.00"),
            "KZT",
            new BigDecimal("14745.000"),
            7,
            "CoAO RK art. 592 part 2",
            "one line"));
  }

  static Violation cameraViolation() {
    return new Violation(
        UUID.randomUUID(),
        ViolationType.RED_LIGHT,
        "C-001",
        null,
        new Plate(PLATE, "KZ"),
        T,
        Double.NaN,
        new SpeedLimit(60, 0),
        List.of("e9"),
        null,
        new Observation(
            VehicleClass.CAR, 2, 0.5, new Signal(Signal.State.RED, 900), Direction.WITH_TRAFFIC),
        "red for 900 ms",
        List.of(),
        new Fine("NO_TARIFF", Double.NaN, null, null, null, 0, null, "no tariff"));
  }

  @Test
  void aViolationRoundTripsEveryFieldSealed() {
    for (Violation v :
        List.of(
            sectionViolation(),
            cameraViolation(),
            cameraViolation().withFine(null),
            cameraViolation().withoutPersonalData())) {
      byte[] sealed = ViolationRecords.seal(v, violationKey);
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PLATE);
      assertThat(ViolationRecords.open(sealed, violationKey)).isEqualTo(v);
      assertThat(ViolationRecords.key(v)).isEqualTo(v.id().toString().getBytes());
    }
  }

  @Test
  void aViolationDoesNotOpenUnderAnotherKeyOrWhenAltered() {
    byte[] sealed = ViolationRecords.seal(sectionViolation(), violationKey);
    byte[] other = new ClusterSecret(new byte[32]).derive("other");
    assertThatThrownBy(() -> ViolationRecords.open(sealed, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not open");
    byte[] v2 = sealed.clone();
    v2[0] = 2;
    assertThatThrownBy(() -> ViolationRecords.open(v2, violationKey))
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> ViolationRecords.open(new byte[5], violationKey))
        .hasMessageContaining("5");
    assertThatThrownBy(() -> ViolationRecords.seal(sectionViolation(), new byte[16]))
        .hasMessageContaining("16");
  }

  @Test
  void aPassageRoundTrips() {
    Passage p = new Passage("C-002", 2, T, VehicleClass.VAN, 55.5, new SpeedLimit(60, 10));
    assertThat(PassageRecords.decode(PassageRecords.encode(p))).isEqualTo(p);
    Passage none = new Passage("C-002", 0, T, VehicleClass.VAN, Double.NaN, new SpeedLimit(60, 10));
    assertThat(PassageRecords.decode(PassageRecords.encode(none))).isEqualTo(none);
    assertThatThrownBy(() -> PassageRecords.decode(new byte[] {1, 3, 65, 66}))
        .hasMessageContaining("truncated");
  }

  @Test
  void aSectionStateRoundTrips() {
    SealedSighting entry = new SealedSighting(new Tag(1, -2), true, 77, T, new byte[] {1, 2, 3, 4});
    SealedSighting exit =
        new SealedSighting(new Tag(-5, 6), false, 78, T.plusSeconds(9), new byte[40]);
    SectionState state = new SectionState(List.of(entry), List.of(exit, exit));
    SectionState back =
        SectionStates.serde()
            .deserializer()
            .deserialize("t", SectionStates.serde().serializer().serialize("t", state));
    assertThat(back.entries()).hasSize(1);
    assertThat(back.exits()).hasSize(2);
    SealedSighting e = back.entries().getFirst();
    assertThat(List.of(e.home(), e.entry(), e.bucket(), e.forgetAt()))
        .isEqualTo(List.of(entry.home(), true, 77L, T));
    assertThat(e.sealed()).isEqualTo(entry.sealed());
    assertThat(back.exits().getFirst().entry()).isFalse();
    assertThat(SectionStates.decode(SectionStates.encode(SectionState.EMPTY)).isEmpty()).isTrue();
    assertThatThrownBy(() -> SectionStates.decode(new byte[] {1, 1, 0}))
        .hasMessageContaining("truncated");
  }

  @Test
  void aPlacementRoundTripsWithItsDetectionSealed() {
    SealedSighting sighting =
        new SealedSighting(new Tag(11, 12), true, 100, T.plusSeconds(40), new byte[] {9, 9});
    Placement p =
        new Placement("S-1", new Tag(13, 14), 101, sighting, full(), Duration.ofMillis(-3000));
    byte[] value = PlacementRecords.encode(p, T.plusMillis(5), seal, keys);
    assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain(PLATE);
    PlacementRecords.Routed r = PlacementRecords.decode(value, seal);
    Placement back = r.placement();
    assertThat(r.receivedAt()).isEqualTo(T.plusMillis(5));
    assertThat(back.sectionId()).isEqualTo("S-1");
    assertThat(back.tag()).isEqualTo(new Tag(13, 14));
    assertThat(back.bucket()).isEqualTo(101);
    assertThat(back.entry()).isTrue();
    assertThat(back.detection()).isEqualTo(full());
    assertThat(back.clockOffset()).isEqualTo(Duration.ofMillis(-3000));
    assertThat(back.sighting().sealed()).isEqualTo(sighting.sealed());
    assertThat(back.sighting().home()).isEqualTo(sighting.home());
    assertThat(PlacementRecords.tag(PlacementRecords.key(new Tag(-1, 5))))
        .isEqualTo(new Tag(-1, 5));
    Placement unknownClock = new Placement("S-1", new Tag(13, 14), 101, sighting, full(), null);
    assertThat(
            PlacementRecords.decode(PlacementRecords.encode(unknownClock, T, seal, keys), seal)
                .placement()
                .clockOffset())
        .isNull();
    assertThatThrownBy(() -> PlacementRecords.tag(new byte[3])).hasMessageContaining("3 bytes");
  }
}
