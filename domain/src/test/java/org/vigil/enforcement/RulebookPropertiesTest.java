package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;
import static org.vigil.testkit.CameraBuilder.daily;
import static org.vigil.testkit.CameraBuilder.weekdays;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.site.Schedule;
import org.vigil.site.Sites;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.SitesBuilder;

/**
 * Every camera rule of the rulebook against a reference model written as plainly as the law reads:
 * one junction with a stop line, a bus-and-taxi lane on weekday mornings, a one-way carriageway, a
 * night ban on trucks, a truck limit, a school zone and a variable message sign. Detections are
 * generated anywhere in a week of local time, in any lane, class, direction and signal state, with
 * speeds across every limit, so that every boundary (grace, schedule edges, limit plus tolerance)
 * is crossed.
 */
class RulebookPropertiesTest {
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  private static final int GRACE_MS = 500;
  private static final int POSTED = 60;
  private static final int TOLERANCE = 5;
  private static final int TRUCK_LIMIT = 50;
  private static final int SCHOOL_LIMIT = 30;
  private static final int SIGN_LIMIT = 40;

  /** The sign showed 40 km/h on Wednesday 4 November 2026 from 12:00 to 14:00 local time. */
  private static final Instant SIGN_ON = Instant.parse("2026-11-04T07:00:00Z");

  private static final Instant SIGN_OFF = Instant.parse("2026-11-04T09:00:00Z");

  /** Monday 2 November 2026, 00:00 in Almaty. */
  private static final LocalDateTime WEEK = LocalDateTime.parse("2026-11-02T00:00:00");

  private static final Sites SITES =
      SitesBuilder.sites()
          .camera(
              aCamera("J")
                  .lanes(4)
                  .limit(POSTED, TOLERANCE)
                  .zone(ALMATY.getId())
                  .redLight(GRACE_MS, 4)
                  .restrictedLane(
                      1,
                      EnumSet.of(VehicleClass.BUS, VehicleClass.TAXI),
                      new Schedule(weekdays(), LocalTime.of(7, 0), LocalTime.of(10, 0)))
                  .oneWay()
                  .ban(EnumSet.of(VehicleClass.TRUCK), daily("22:00", "06:00"))
                  .limitFor(EnumSet.of(VehicleClass.TRUCK), Schedule.ALWAYS, TRUCK_LIMIT)
                  .limitFor(
                      Set.of(),
                      new Schedule(weekdays(), LocalTime.of(7, 30), LocalTime.of(17, 0)),
                      SCHOOL_LIMIT)
                  .sign(SIGN_ON.toString(), SIGN_LIMIT)
                  .sign(SIGN_OFF.toString(), 0))
          .build();

  record Passing(
      LocalDateTime local,
      int lane,
      VehicleClass vehicleClass,
      Direction direction,
      Signal signal,
      double speedKmh) {

    Detection detection() {
      return DetectionBuilder.aDetection()
          .camera("J")
          .at(local.atZone(ALMATY).toInstant())
          .lane(lane)
          .vehicleClass(vehicleClass)
          .direction(direction)
          .signal(signal)
          .speed(speedKmh)
          .build();
    }
  }

  @Provide
  Arbitrary<Passing> passings() {
    Arbitrary<LocalDateTime> local =
        Arbitraries.oneOf(
                Arbitraries.longs().between(0, 7L * 24 * 3600 - 1),
                // near every schedule edge, to the second
                Arbitraries.of(7 * 3600L, 7 * 3600L + 1800, 10 * 3600L, 17 * 3600L, 22 * 3600L)
                    .flatMap(
                        edge ->
                            Arbitraries.integers()
                                .between(0, 6)
                                .flatMap(
                                    day ->
                                        Arbitraries.longs()
                                            .between(-2, 1)
                                            .map(d -> day * 86_400L + edge + d))))
            .map(WEEK::plusSeconds);
    Arbitrary<Signal> signal =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.of(Signal.State.GREEN, Signal.State.AMBER).map(s -> new Signal(s, 0)),
            Arbitraries.longs()
                .between(0, 5000)
                .edgeCases(e -> e.add((long) GRACE_MS, (long) GRACE_MS + 1))
                .map(ms -> new Signal(Signal.State.RED, ms)));
    return Combinators.combine(
            local,
            Arbitraries.integers().between(1, 4),
            Arbitraries.of(VehicleClass.class),
            Arbitraries.of(Direction.class).injectNull(0.3),
            signal,
            Arbitraries.doubles().between(0, 120).ofScale(1))
        .as(Passing::new);
  }

  @Property(tries = 2000)
  void everyCameraRuleMatchesTheReferenceModel(@ForAll("passings") Passing p) {
    List<Violation> found = Enforcement.of(SITES, Duration.ofMinutes(5)).see(p.detection());
    assertThat(new TreeSet<>(found.stream().map(Violation::type).toList()))
        .as("%s", p)
        .isEqualTo(expectedTypes(p));
    for (Violation v : found) {
      assertThat(v.limit().limitKmh()).as("the limit recorded for %s", p).isEqualTo(limitFor(p));
      assertThat(v.limit().toleranceKmh()).isEqualTo(TOLERANCE);
    }
  }

  private static Set<ViolationType> expectedTypes(Passing p) {
    Set<ViolationType> types = new TreeSet<>();
    if (p.speedKmh() > limitFor(p) + TOLERANCE) {
      types.add(ViolationType.SPEED);
    }
    if (p.signal() != null
        && p.signal().state() == Signal.State.RED
        && p.signal().redElapsedMs() > GRACE_MS
        && p.lane() != 4) {
      types.add(ViolationType.RED_LIGHT);
    }
    boolean weekday = p.local().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    int minute = p.local().getHour() * 60 + p.local().getMinute();
    if (p.lane() == 1
        && p.vehicleClass() != VehicleClass.BUS
        && p.vehicleClass() != VehicleClass.TAXI
        && weekday
        && minute >= 7 * 60
        && minute < 10 * 60) {
      types.add(ViolationType.RESTRICTED_LANE);
    }
    if (p.direction() == Direction.AGAINST_TRAFFIC) {
      types.add(ViolationType.WRONG_WAY);
    }
    if (p.vehicleClass() == VehicleClass.TRUCK && (minute >= 22 * 60 || minute < 6 * 60)) {
      types.add(ViolationType.RESTRICTED_CLASS);
    }
    return types;
  }

  /** The lowest of every limit that binds this vehicle now, as the most restrictive sign does. */
  private static int limitFor(Passing p) {
    Instant at = p.local().atZone(ALMATY).toInstant();
    int limit = !at.isBefore(SIGN_ON) && at.isBefore(SIGN_OFF) ? SIGN_LIMIT : POSTED;
    if (p.vehicleClass() == VehicleClass.TRUCK) {
      limit = Math.min(limit, TRUCK_LIMIT);
    }
    boolean weekday = p.local().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    int minute = p.local().getHour() * 60 + p.local().getMinute();
    if (weekday && minute >= 7 * 60 + 30 && minute < 17 * 60) {
      limit = Math.min(limit, SCHOOL_LIMIT);
    }
    return limit;
  }
}
