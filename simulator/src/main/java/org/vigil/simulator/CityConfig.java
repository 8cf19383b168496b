package org.vigil.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The parameters of a {@link SimulatedCity}. Two cities built from equal configurations produce the
 * same cameras, sections and detections.
 *
 * @param seed the seed of every random choice
 * @param cameras how many spot cameras, 2 to {@value #MAX_CAMERAS}
 * @param sections how many average-speed sections, 0 to {@code cameras / 2}; each joins two cameras
 *     of its own
 * @param detectionsPerSecond the average number of detections per second across the whole city,
 *     more than 0 and at most {@value #MAX_RATE}
 * @param speederShare the share of vehicles that speed, 0 to 1
 * @param start the {@code observedAt} of the stream's beginning, truncated to milliseconds; {@code
 *     null} means {@link #DEFAULT_START}. Use {@link #withStart withStart(Instant.now())} for live
 *     posting
 * @param incident an incident to stage, or {@code null}
 */
public record CityConfig(
    long seed,
    int cameras,
    int sections,
    double detectionsPerSecond,
    double speederShare,
    Instant start,
    StagedIncident incident) {

  /**
   * A stopped vehicle or crash ahead of a camera: from {@code after} the stream's start, for {@code
   * lasts}, the camera sees a fifth of its usual traffic crawling at 5 to 15 km/h.
   *
   * @param cameraId the camera, which must exist in the city
   * @param after when it starts, counted from the stream's start
   * @param lasts how long it lasts
   */
  public record StagedIncident(String cameraId, Duration after, Duration lasts) {
    public StagedIncident {
      Objects.requireNonNull(cameraId, "incident cameraId");
      if (after.isNegative() || !lasts.isPositive()) {
        throw new IllegalArgumentException(
            "an incident must start at or after the stream's start and last a while, was "
                + after
                + " for "
                + lasts);
      }
    }
  }

  /** The most cameras a city can have. */
  public static final int MAX_CAMERAS = 9_999;

  /** The highest rate of detections per second. */
  public static final double MAX_RATE = 10_000_000;

  /** The share of speeders unless told otherwise. */
  public static final double DEFAULT_SPEEDER_SHARE = 0.03;

  /** The start of the stream unless told otherwise: a Monday morning in Almaty. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-02T07:00:00Z");

  public CityConfig {
    if (cameras < 2 || cameras > MAX_CAMERAS) {
      throw new IllegalArgumentException(
          "cameras must be between 2 and " + MAX_CAMERAS + ", was " + cameras);
    }
    if (sections < 0 || sections > cameras / 2) {
      throw new IllegalArgumentException(
          "sections must be between 0 and cameras / 2 = " + cameras / 2 + ", was " + sections);
    }
    if (!(detectionsPerSecond > 0 && detectionsPerSecond <= MAX_RATE)) {
      throw new IllegalArgumentException(
          "detectionsPerSecond must be more than 0 and at most "
              + (long) MAX_RATE
              + ", was "
              + detectionsPerSecond);
    }
    if (!(speederShare >= 0 && speederShare <= 1)) {
      throw new IllegalArgumentException(
          "speederShare must be between 0 and 1, was " + speederShare);
    }
    start = (start == null ? DEFAULT_START : start).truncatedTo(ChronoUnit.MILLIS);
  }

  /** A configuration without an incident. */
  public CityConfig(
      long seed,
      int cameras,
      int sections,
      double detectionsPerSecond,
      double speederShare,
      Instant start) {
    this(seed, cameras, sections, detectionsPerSecond, speederShare, start, null);
  }

  /** A configuration starting at {@link #DEFAULT_START}. */
  public CityConfig(
      long seed, int cameras, int sections, double detectionsPerSecond, double speederShare) {
    this(seed, cameras, sections, detectionsPerSecond, speederShare, null, null);
  }

  /** The same city with {@code incident} staged. */
  public CityConfig withIncident(StagedIncident incident) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }

  /** Seed 42, 12 cameras, 4 sections, 200 detections per second, 3 % speeders, default start. */
  public static CityConfig defaults() {
    return new CityConfig(42, 12, 4, 200, DEFAULT_SPEEDER_SHARE, DEFAULT_START);
  }

  public CityConfig withSeed(long seed) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }

  public CityConfig withCameras(int cameras, int sections) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }

  public CityConfig withRate(double detectionsPerSecond) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }

  public CityConfig withSpeederShare(double speederShare) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }

  /** The same city with its stream starting at {@code start}, e.g. {@code Instant.now()}. */
  public CityConfig withStart(Instant start) {
    return new CityConfig(
        seed, cameras, sections, detectionsPerSecond, speederShare, start, incident);
  }
}
