package org.vigil.enforcement;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.plate.Plate;

/**
 * What section control needs of one end of a passage to decide it: the facts that are sealed while
 * the sighting waits, and that exist in clear only within the call that opens them.
 *
 * @param cameraId the camera that saw it
 * @param eventId the camera's event id
 * @param observedAt when
 * @param plate the plate
 * @param observation what else the camera saw
 * @param clockOffset how far the camera's clock was off when the sighting was decided, as {@link
 *     CameraClocks} estimated it; {@code null} when unknown. A partitioned runtime holds a section
 *     violation for a drifting clock by it (see {@link Enforcer#place}).
 */
record Evidence(
    String cameraId,
    String eventId,
    Instant observedAt,
    Plate plate,
    Observation observation,
    Duration clockOffset) {
  Evidence {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(observation, "observation");
  }

  static Evidence of(Detection d, Duration clockOffset) {
    return new Evidence(
        d.cameraId(), d.eventId(), d.observedAt(), d.plate(), Observation.of(d), clockOffset);
  }

  /** The evidence as bytes, for sealing; the caller zeroes them once sealed. */
  byte[] encode() {
    byte[] camera = cameraId.getBytes(StandardCharsets.UTF_8);
    byte[] event = eventId.getBytes(StandardCharsets.UTF_8);
    byte[] text = plate.text().getBytes(StandardCharsets.UTF_8);
    byte[] country =
        plate.country() == null ? new byte[0] : plate.country().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(
            8
                + camera.length
                + event.length
                + text.length
                + country.length
                + 8
                + 4
                + 1
                + 4
                + 8
                + 10
                + 9);
    put(b, camera);
    put(b, event);
    put(b, text);
    put(b, country);
    b.putLong(observedAt.getEpochSecond()).putInt(observedAt.getNano());
    b.put((byte) observation.vehicleClass().ordinal());
    b.putInt(observation.lane()).putDouble(observation.confidence());
    Signal signal = observation.signal();
    b.put(signal == null ? 0 : (byte) (signal.state().ordinal() + 1));
    b.putLong(signal == null ? 0 : signal.redElapsedMs());
    b.put(observation.direction() == null ? 0 : (byte) (observation.direction().ordinal() + 1));
    b.put(clockOffset == null ? 0 : (byte) 1);
    b.putLong(clockOffset == null ? 0 : clockOffset.toNanos());
    Arrays.fill(text, (byte) 0);
    return b.array();
  }

  /**
   * The evidence {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when {@code bytes} are no encoded evidence
   */
  static Evidence decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      String camera = string(b);
      String event = string(b);
      String text = string(b);
      String country = string(b);
      Instant at = Instant.ofEpochSecond(b.getLong(), b.getInt());
      VehicleClass vehicleClass = VehicleClass.values()[b.get()];
      int lane = b.getInt();
      double confidence = b.getDouble();
      int signalState = b.get();
      long redElapsedMs = b.getLong();
      int direction = b.get();
      boolean hasOffset = b.get() != 0;
      long offsetNanos = b.getLong();
      return new Evidence(
          camera,
          event,
          at,
          new Plate(text, country.isEmpty() ? null : country),
          new Observation(
              vehicleClass,
              lane,
              confidence,
              signalState == 0
                  ? null
                  : new Signal(Signal.State.values()[signalState - 1], redElapsedMs),
              direction == 0 ? null : Direction.values()[direction - 1]),
          hasOffset ? Duration.ofNanos(offsetNanos) : null);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "sealed evidence of " + bytes.length + " bytes is malformed", e);
    }
  }

  private static void put(ByteBuffer b, byte[] field) {
    b.putShort((short) field.length).put(field);
  }

  private static String string(ByteBuffer b) {
    byte[] field = new byte[b.getShort()];
    b.get(field);
    String s = new String(field, StandardCharsets.UTF_8);
    Arrays.fill(field, (byte) 0);
    return s;
  }

  @Override
  public String toString() {
    return "Evidence[" + cameraId + " " + eventId + " at " + observedAt + "]";
  }
}
