package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vigil.detection.Detection;
import org.vigil.detection.VehicleClass;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.site.Camera;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.testkit.TestClock;

class SimulatedCityTest {
  private static final Pattern KZ_PLATE = Pattern.compile("\\d{3}[A-Z]{3}(0[1-9]|1\\d|20)");
  private static final int N = 20_000;

  private static List<SimulatedDetection> take(CityConfig config, int n) {
    return new SimulatedCity(config).next(n);
  }

  @Test
  void theSameSeedGivesTheSameCityAndStream() {
    SimulatedCity a = new SimulatedCity(CityConfig.defaults());
    SimulatedCity b = new SimulatedCity(CityConfig.defaults());

    assertThat(a.sitesJson()).isEqualTo(b.sitesJson());
    assertThat(a.next(3000)).isEqualTo(b.next(3000));
    assertThat(a.compliantPlates()).isEqualTo(b.compliantPlates());
  }

  @Test
  void anotherSeedGivesAnotherCity() {
    SimulatedCity a = new SimulatedCity(CityConfig.defaults());
    SimulatedCity b = new SimulatedCity(CityConfig.defaults().withSeed(43));

    assertThat(a.sitesJson()).isNotEqualTo(b.sitesJson());
    assertThat(a.next(100)).isNotEqualTo(b.next(100));
  }

  @Test
  void takingInPiecesContinuesTheSameStream() {
    SimulatedCity whole = new SimulatedCity(CityConfig.defaults());
    SimulatedCity pieces = new SimulatedCity(CityConfig.defaults());

    List<SimulatedDetection> joined = new ArrayList<>(pieces.next(700));
    Iterator<SimulatedDetection> rest = pieces.detections();
    for (int i = 0; i < 200; i++) {
      assertThat(rest.hasNext()).isTrue();
      joined.add(rest.next());
    }
    joined.addAll(pieces.stream().limit(100).toList());
    joined.addAll(pieces.next(100));

    assertThat(joined).isEqualTo(whole.next(1100));
  }

  @Test
  void sitesFollowTheLayout() {
    CityConfig config = CityConfig.defaults().withCameras(30, 15);
    Sites sites = new SimulatedCity(config).sites();

    assertThat(sites.cameras()).hasSize(30);
    assertThat(sites.cameras().stream().map(Camera::id))
        .startsWith("C-001", "C-002")
        .contains("C-030");
    for (Camera c : sites.cameras()) {
      assertThat(c.lanes()).isBetween(2, 4);
      assertThat(c.limit().limitKmh()).isIn(40, 60, 80, 90, 100);
      assertThat(c.limit().toleranceKmh()).isEqualTo(10);
      assertThat(c.location().lat()).isBetween(43.1, 43.35);
      assertThat(c.location().lon()).isBetween(76.75, 77.05);
      assertThat(c.name()).matches("[A-Za-z -]+ km \\d+ (east|west|north|south)bound");
    }
    assertThat(sites.sections()).hasSize(15);
    Set<String> used = new HashSet<>();
    int i = 1;
    for (Section s : sites.sections()) {
      assertThat(s.id()).isEqualTo("S-" + i++);
      assertThat(s.entryCameraId()).isNotEqualTo(s.exitCameraId());
      assertThat(used.add(s.entryCameraId())).isTrue();
      assertThat(used.add(s.exitCameraId())).isTrue();
      assertThat(s.distanceM()).isBetween(800.0, 3000.0);
      assertThat(s.limit()).isEqualTo(sites.camera(s.entryCameraId()).orElseThrow().limit());
    }
  }

  @Test
  void observedAtNeverDecreasesAndHasMillisecondPrecision() {
    Instant previous = CityConfig.defaults().start();
    for (SimulatedDetection d : take(CityConfig.defaults(), N)) {
      assertThat(d.detection().observedAt()).isAfterOrEqualTo(previous);
      assertThat(d.detection().observedAt().getNano() % 1_000_000).isZero();
      previous = d.detection().observedAt();
    }
  }

  @Test
  void theRateIsTheConfiguredOneOnceSectionTrafficIsUnderWay() {
    Instant start = CityConfig.defaults().start();
    SimulatedCity city = new SimulatedCity(CityConfig.defaults());
    city.nextUntil(start.plusSeconds(600));

    int steady = city.nextUntil(start.plusSeconds(900)).size();

    assertThat(steady / 300.0).isCloseTo(200, within(6.0));
  }

  @Test
  void withoutSectionsTheRateHoldsFromTheStart() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withCameras(5, 0).withRate(50));

    int n = city.nextUntil(CityConfig.DEFAULT_START.plusSeconds(400).minusMillis(1)).size();

    assertThat(n / 400.0).isCloseTo(50, within(2.0));
  }

  @Test
  void speedersAreTheConfiguredShare() {
    assertThat(speederShare(CityConfig.defaults())).isCloseTo(0.03, within(0.008));
    assertThat(speederShare(CityConfig.defaults().withSpeederShare(0.2)))
        .isCloseTo(0.2, within(0.02));
    assertThat(speederShare(CityConfig.defaults().withSpeederShare(0))).isZero();
  }

  private static double speederShare(CityConfig config) {
    return take(config, N).stream().filter(SimulatedDetection::speeder).count() / (double) N;
  }

  @Test
  void spotSpeedsAreOnTheRightSideOfTheLimit() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.1));
    double compliantSum = 0;
    int compliant = 0;
    for (SimulatedDetection s : city.next(N)) {
      Detection d = s.detection();
      Camera camera = city.sites().camera(d.cameraId()).orElseThrow();
      int threshold =
          camera
              .limits()
              .inForce(d.vehicleClass(), d.observedAt(), camera.rules().timeZone())
              .thresholdKmh();
      if (s.speeder()) {
        assertThat(d.speedKmh())
            .isGreaterThanOrEqualTo(threshold + 1)
            .isLessThanOrEqualTo(threshold + 60);
      } else {
        assertThat(d.speedKmh()).isLessThanOrEqualTo(threshold).isPositive();
        compliantSum += d.speedKmh() - camera.limit().limitKmh();
        compliant++;
      }
      assertThat(d.lane()).isBetween(1, camera.lanes());
      assertThat(d.confidence()).isBetween(0.80, 0.99);
      assertThat(Math.round(d.speedKmh() * 10) / 10.0).isEqualTo(d.speedKmh());
    }
    assertThat(compliantSum / compliant).as("mean deviation from the limit").isBetween(-4.0, 2.0);
  }

  @Test
  void sectionAveragesAreOnTheRightSideOfTheLimit() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.2));
    Map<String, Detection> entries = new HashMap<>();
    int compliantPassages = 0;
    int speedingPassages = 0;
    for (SimulatedDetection s : city.next(N)) {
      Detection d = s.detection();
      for (Section section : city.sites().sectionsStartingAt(d.cameraId())) {
        assertThat(entries.put(section.id() + "/" + d.plate().text(), d)).isNull();
      }
      for (Section section : city.sites().sectionsEndingAt(d.cameraId())) {
        Detection entry = entries.remove(section.id() + "/" + d.plate().text());
        if (entry == null) {
          continue;
        }
        Duration travel = Duration.between(entry.observedAt(), d.observedAt());
        double average = section.distanceM() / 1000 / (travel.toMillis() / 3_600_000.0);
        if (s.speeder()) {
          speedingPassages++;
          assertThat(section.isSpeeding(travel, section.limit())).isTrue();
          assertThat(average).isGreaterThan(section.limit().thresholdKmh());
          assertThat(average).isLessThanOrEqualTo(section.limit().thresholdKmh() + 60.5);
        } else {
          compliantPassages++;
          assertThat(section.isSpeeding(travel, section.limit())).isFalse();
          assertThat(average).isLessThanOrEqualTo(section.limit().thresholdKmh());
        }
      }
    }
    assertThat(compliantPassages).isGreaterThan(500);
    assertThat(speedingPassages).isGreaterThan(100);
  }

  @Test
  void platesAreKazakhAndNeverSharedBetweenVehicles() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.3));
    Map<String, Boolean> speederByPlate = new HashMap<>();
    Map<VehicleClass, Integer> classes = new HashMap<>();
    for (SimulatedDetection s : city.next(N)) {
      Detection d = s.detection();
      assertThat(d.plate().text()).matches(KZ_PLATE);
      assertThat(d.plate().country()).isEqualTo("KZ");
      Boolean before = speederByPlate.putIfAbsent(d.plate().text(), s.speeder());
      assertThat(before).isIn(null, s.speeder());
      classes.merge(d.vehicleClass(), 1, Integer::sum);
    }
    assertThat(classes.get(VehicleClass.CAR)).isGreaterThan(N / 2);
    assertThat(classes)
        .containsKeys(
            VehicleClass.VAN,
            VehicleClass.TRUCK,
            VehicleClass.BUS,
            VehicleClass.MOTORCYCLE,
            VehicleClass.TAXI);

    Set<String> compliant = city.compliantPlates();
    Set<String> speeders = city.speederPlates();
    assertThat(compliant).doesNotContainAnyElementsOf(speeders);
    assertThat(compliant.size() + speeders.size()).isEqualTo(city.vehiclesSeen());
    speederByPlate.forEach(
        (plate, speeder) -> assertThat(speeder ? speeders : compliant).contains(plate));
  }

  @Test
  void eventIdsCountPerCamera() {
    Map<String, Long> last = new HashMap<>();
    for (SimulatedDetection s : take(CityConfig.defaults(), 5000)) {
      Detection d = s.detection();
      long n = last.merge(d.cameraId(), 1L, Long::sum);
      assertThat(d.eventId()).isEqualTo(d.cameraId() + ":" + n);
    }
  }

  @Test
  void theEnforcerFindsEverySpeederAndNoCompliantVehicle() {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withSpeederShare(0.1));
    TestClock clock = TestClock.standard();
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new StreamClock(clock, Duration.ofMinutes(10)),
            clock,
            Exemptions.NONE);
    Set<String> flagged = new HashSet<>();
    Set<ViolationType> types = EnumSet.noneOf(ViolationType.class);
    for (SimulatedDetection s : city.next(N)) {
      Decision decision =
          enforcer.decide(s.detection(), city.sites(), s.detection().observedAt().plusMillis(50));
      Set<ViolationType> atCamera = EnumSet.noneOf(ViolationType.class);
      for (Violation v : ((Decision.Decided) decision).violations()) {
        flagged.add(v.plate().text());
        types.add(v.type());
        assertThat(v.held()).as("held: %s", v.holds()).isFalse();
        if (v.type() != ViolationType.SECTION_SPEED) {
          atCamera.add(v.type());
        }
      }
      assertThat(atCamera).as("camera offences of %s", s.detection()).isEqualTo(s.offences());
    }

    assertThat(types).as("every violation type").containsExactlyInAnyOrder(ViolationType.values());
    assertThat(flagged).isEqualTo(city.speederPlates());
    assertThat(flagged).doesNotContainAnyElementsOf(city.compliantPlates());
  }

  @Test
  void nextUntilTakesExactlyTheDetectionsUpToTheInstant() {
    Instant now = Instant.parse("2030-05-05T12:00:00.250Z");
    SimulatedCity city = new SimulatedCity(CityConfig.defaults().withStart(now));

    List<SimulatedDetection> firstSecond = city.nextUntil(now.plusSeconds(1));

    assertThat(firstSecond).hasSizeBetween(130, 270);
    assertThat(firstSecond)
        .allSatisfy(d -> assertThat(d.detection().observedAt()).isBetween(now, now.plusSeconds(1)));
    assertThat(city.nextObservedAt()).isAfter(now.plusSeconds(1));
    Instant next = city.nextObservedAt();
    assertThat(city.next().detection().observedAt()).isEqualTo(next);
  }
}
