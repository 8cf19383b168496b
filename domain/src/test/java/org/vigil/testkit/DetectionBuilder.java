package org.vigil.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.plate.Plate;

/**
 * Builds detections for tests, with sensible defaults: camera B-003, plate 911ABY15 (KZ), a car at
 * 80 km/h in lane 1 at 2026-11-02T07:30:04.530Z, and a fresh event id each time.
 */
public final class DetectionBuilder {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private String eventId;
  private String cameraId = "B-003";
  private Instant observedAt = Instant.parse("2026-11-02T07:30:04.530Z");
  private String plate = "911ABY15";
  private String country = "KZ";
  private double confidence = 0.95;
  private VehicleClass vehicleClass = VehicleClass.CAR;
  private double speedKmh = 80;
  private int lane = 1;
  private Signal signal;
  private Direction direction;

  public static DetectionBuilder aDetection() {
    return new DetectionBuilder();
  }

  public DetectionBuilder eventId(String eventId) {
    this.eventId = eventId;
    return this;
  }

  public DetectionBuilder camera(String cameraId) {
    this.cameraId = cameraId;
    return this;
  }

  public DetectionBuilder at(Instant observedAt) {
    this.observedAt = observedAt;
    return this;
  }

  public DetectionBuilder at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  public DetectionBuilder later(Duration by) {
    return at(observedAt.plus(by));
  }

  public DetectionBuilder plate(String text) {
    this.plate = text;
    return this;
  }

  public DetectionBuilder country(String country) {
    this.country = country;
    return this;
  }

  public DetectionBuilder confidence(double confidence) {
    this.confidence = confidence;
    return this;
  }

  public DetectionBuilder vehicleClass(VehicleClass vehicleClass) {
    this.vehicleClass = vehicleClass;
    return this;
  }

  public DetectionBuilder speed(double speedKmh) {
    this.speedKmh = speedKmh;
    return this;
  }

  public DetectionBuilder noSpeed() {
    return speed(Double.NaN);
  }

  public DetectionBuilder lane(int lane) {
    this.lane = lane;
    return this;
  }

  /** The signal at the stop line had been red for {@code elapsedMs}. */
  public DetectionBuilder red(long elapsedMs) {
    this.signal = new Signal(Signal.State.RED, elapsedMs);
    return this;
  }

  public DetectionBuilder signal(Signal signal) {
    this.signal = signal;
    return this;
  }

  public DetectionBuilder direction(Direction direction) {
    this.direction = direction;
    return this;
  }

  public DetectionBuilder againstTraffic() {
    return direction(Direction.AGAINST_TRAFFIC);
  }

  public Detection build() {
    String id = eventId != null ? eventId : cameraId + ":" + SEQUENCE.incrementAndGet();
    return new Detection(
        id,
        cameraId,
        observedAt,
        Plate.of(plate, country),
        confidence,
        vehicleClass,
        speedKmh,
        lane,
        signal,
        direction);
  }
}
