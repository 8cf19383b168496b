package org.vigil.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.vigil.contract.SitesJson;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.enforcement.ViolationType;
import org.vigil.plate.Plate;
import org.vigil.site.Camera;
import org.vigil.site.ClassBan;
import org.vigil.site.GeoPoint;
import org.vigil.site.LimitRule;
import org.vigil.site.RedLight;
import org.vigil.site.RestrictedLane;
import org.vigil.site.Schedule;
import org.vigil.site.Section;
import org.vigil.site.SiteRules;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;
import org.vigil.site.SpeedLimits;

/**
 * A seeded synthetic city around Almaty: spot cameras, average-speed sections and an endless,
 * time-ordered stream of vehicle sightings. Everything follows from the {@link CityConfig}: equal
 * configurations give equal cities and equal streams.
 *
 * <p>The ground truth the stream keeps:
 *
 * <ul>
 *   <li>cameras {@code C-001}, {@code C-002}, ... with 2 to 4 lanes and a limit of 40, 60, 80, 90
 *       or 100 km/h plus 10 km/h tolerance; sections {@code S-1}, {@code S-2}, ... each join an
 *       entry and a distinct exit camera of the same limit, 800 to 3000 m apart, and no camera
 *       belongs to two sections;
 *   <li>every vehicle has a plate of its own (Kazakh format, e.g. {@code 911ABY15}, country KZ;
 *       unique for the first 351,520,000 vehicles) and is seen once at a camera, or, when it drives
 *       a section, at its entry and later at its exit camera;
 *   <li>a compliant vehicle never measures above limit plus tolerance, nor averages above it over a
 *       section, so it never causes a violation; a speeder is above by 1 to 60 km/h on every
 *       measurement and on its section average;
 *   <li>{@code observedAt} never decreases and has millisecond precision; event ids are {@code
 *       <cameraId>:<n>} with {@code n} counting from 1 per camera.
 *   <li>the first cameras outside sections watch for more than speed, in this order: a junction
 *       with red-light enforcement (grace 500 ms, turning on red allowed in the last lane), a bus
 *       lane (lane 1, buses and taxis only), a one-way street, and a street closed to trucks. An
 *       offender commits that camera's offence as well as speeding; a compliant vehicle never does.
 *       Cameras outside sections with a limit of 60 or more set trucks and buses 20 km/h lower.
 *       Every camera keeps Almaty time.
 *   <li>a staged incident ({@link CityConfig#incident()}) makes its camera see a fifth of its
 *       traffic at 5 to 15 km/h for its duration; nobody speeds there meanwhile.
 * </ul>
 *
 * <p>Vehicles arrive as a Poisson process. The stream begins with empty roads, so section exits
 * only start once the first vehicles have crossed a section: the rate builds up to {@link
 * CityConfig#detectionsPerSecond()} over the first few minutes of simulated time (the longest
 * section travel time); a city without sections has its full rate from the start.
 *
 * <p>Not thread-safe.
 */
public final class SimulatedCity {
  private static final String[] ROADS = {
    "Al-Farabi Ave", "Abay Ave", "Raiymbek Ave", "Dostyk Ave", "Tole Bi St", "Satpayev St",
    "Nazarbayev Ave", "Seifullin Ave", "Sain St", "Rozybakiev St", "Zhandosov St", "Timiryazev St",
    "Kuldzha Tract", "Suyunbay Ave", "Momyshuly St", "Ryskulov Ave"
  };
  private static final String[] DIRECTIONS = {"eastbound", "northbound", "westbound", "southbound"};
  private static final int[] LIMITS = {40, 60, 80, 90, 100};
  private static final int TOLERANCE_KMH = 10;
  private static final double KM_PER_DEGREE_LAT = 111.2;
  private static final double KM_PER_DEGREE_LON = 81.0;
  private static final int[] NORTH = {0, 1, 0, -1};
  private static final int[] EAST = {1, 0, -1, 0};
  private static final VehicleClass[] CLASSES = {
    VehicleClass.CAR, VehicleClass.TAXI, VehicleClass.VAN,
    VehicleClass.TRUCK, VehicleClass.BUS, VehicleClass.MOTORCYCLE
  };
  private static final double[] CLASS_SHARES = {0.75, 0.08, 0.07, 0.05, 0.03, 0.02};
  private static final ViolationType[] ROLES = {
    ViolationType.RED_LIGHT,
    ViolationType.RESTRICTED_LANE,
    ViolationType.WRONG_WAY,
    ViolationType.RESTRICTED_CLASS
  };
  private static final SiteRules ALMATY_RULES =
      SiteRules.DEFAULTS.withTimeZone(ZoneId.of("Asia/Almaty"));

  /** The share of vehicles seen at a section's entry camera that go on to its exit. */
  static final double ENTER_SECTION = 0.85;

  private static final long PLATE_SPACE = 1000L * 26 * 26 * 26 * 20;
  // A prime that does not divide PLATE_SPACE (2^8 * 5^4 * 13^3), so i -> i * STEP is a bijection.
  private static final long PLATE_STEP = 2_147_483_647L;
  private static final long SPEEDER_SALT = 0x3C6EF372FE94F82AL;

  private final CityConfig config;
  private final RandomGenerator rng;
  private final List<Camera> cameras = new ArrayList<>();
  private final List<Section> sectionList = new ArrayList<>();
  private final Sites sites;
  private final Section[] sectionFrom;
  private final int[] exitOf;
  private final long[] sequences;
  private final long plateOffset;
  private final double nanosPerVehicle;
  private final PriorityQueue<PendingExit> exits =
      new PriorityQueue<>(
          Comparator.comparingLong(PendingExit::atNanos).thenComparingLong(PendingExit::order));
  private final ViolationType[] roles;
  private final int incidentCamera;
  private long nextArrivalNanos;
  private long vehicles;
  private long exitOrder;

  private record Vehicle(Plate plate, VehicleClass vehicleClass, boolean speeder) {}

  private record PendingExit(long atNanos, long order, Vehicle vehicle, int camera) {}

  public SimulatedCity(CityConfig config) {
    this.config = config;
    this.rng = new SplittableRandom(config.seed());
    this.sectionFrom = new Section[config.cameras()];
    this.exitOf = new int[config.cameras()];
    this.sequences = new long[config.cameras()];
    for (int s = 1; s <= config.sections(); s++) {
      String road = randomRoad();
      int km = 1 + rng.nextInt(25);
      int dir = rng.nextInt(DIRECTIONS.length);
      int lanes = 2 + rng.nextInt(3);
      SpeedLimit limit = randomLimit();
      GeoPoint at = randomPoint();
      double distanceM = Math.round((800 + 2200 * rng.nextDouble()) * 10) / 10.0;
      int entry = cameras.size();
      addCamera(road, km, dir, lanes, limit, at);
      addCamera(
          road,
          km + (int) Math.ceil(distanceM / 1000),
          dir,
          lanes,
          limit,
          ahead(at, dir, distanceM));
      Section section =
          new Section(
              "S-" + s, cameras.get(entry).id(), cameras.get(entry + 1).id(), distanceM, limit);
      sectionList.add(section);
      sectionFrom[entry] = section;
      exitOf[entry] = entry + 1;
    }
    int role = 0;
    while (cameras.size() < config.cameras()) {
      addFreeCamera(role++);
    }
    this.roles = new ViolationType[config.cameras()];
    for (int i = 2 * config.sections(), r = 0; i < config.cameras() && r < ROLES.length; i++, r++) {
      roles[i] = ROLES[r];
    }
    this.incidentCamera = config.incident() == null ? -1 : indexOf(config.incident().cameraId());
    this.sites = Sites.of(cameras, sectionList);
    this.plateOffset = rng.nextLong(PLATE_SPACE);
    double sectionShare = (double) config.sections() / config.cameras() * ENTER_SECTION;
    this.nanosPerVehicle = 1e9 * (1 + sectionShare) / config.detectionsPerSecond();
    this.nextArrivalNanos = arrivalGap();
  }

  /** The configuration this city was built from. */
  public CityConfig config() {
    return config;
  }

  /** Every camera and section of the city. */
  public Sites sites() {
    return sites;
  }

  /** The site configuration in the server's JSON format; see {@link SitesJson}. */
  public String sitesJson() {
    return SitesJson.write(sites);
  }

  /** The next detection of the stream. */
  public SimulatedDetection next() {
    PendingExit due = exits.peek();
    if (due != null && due.atNanos() <= nextArrivalNanos) {
      exits.poll();
      return sighting(due.camera(), due.vehicle(), due.atNanos());
    }
    long at = nextArrivalNanos;
    nextArrivalNanos += arrivalGap();
    return arrive(at);
  }

  /** The next {@code n} detections of the stream, in order. */
  public List<SimulatedDetection> next(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    List<SimulatedDetection> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /**
   * Every further detection observed at or before {@code until}, in order: for live posting, call
   * it with {@code Instant.now()} on a city whose configuration starts now.
   */
  public List<SimulatedDetection> nextUntil(Instant until) {
    List<SimulatedDetection> out = new ArrayList<>();
    while (!nextObservedAt().isAfter(until)) {
      out.add(next());
    }
    return out;
  }

  /** When the next detection of the stream is observed. */
  public Instant nextObservedAt() {
    PendingExit due = exits.peek();
    long at = due == null ? nextArrivalNanos : Math.min(due.atNanos(), nextArrivalNanos);
    return instantOf(at);
  }

  /** The rest of the stream as an endless iterator; it shares its position with {@link #next}. */
  public Iterator<SimulatedDetection> detections() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public SimulatedDetection next() {
        return SimulatedCity.this.next();
      }
    };
  }

  /** The rest of the stream as an endless sequential stream, e.g. {@code stream().limit(n)}. */
  public Stream<SimulatedDetection> stream() {
    return Stream.generate(this::next);
  }

  /** How many vehicles have been seen so far. */
  public long vehiclesSeen() {
    return vehicles;
  }

  /** The plates of every compliant vehicle seen so far: none of them may ever be stored. */
  public Set<String> compliantPlates() {
    return plates(false);
  }

  /** The plates of every speeding vehicle seen so far. */
  public Set<String> speederPlates() {
    return plates(true);
  }

  private Set<String> plates(boolean speeders) {
    Set<String> plates = new LinkedHashSet<>();
    for (long i = 0; i < vehicles; i++) {
      if (isSpeeder(i) == speeders) {
        plates.add(plateText(i));
      }
    }
    return Collections.unmodifiableSet(plates);
  }

  private Camera addCamera(String road, int km, int dir, int lanes, SpeedLimit limit, GeoPoint at) {
    return addCamera(road, km, dir, lanes, SpeedLimits.of(limit), at, ALMATY_RULES, "");
  }

  private Camera addCamera(
      String road,
      int km,
      int dir,
      int lanes,
      SpeedLimits limits,
      GeoPoint at,
      SiteRules rules,
      String what) {
    String id = String.format(Locale.ROOT, "C-%03d", cameras.size() + 1);
    Camera camera =
        new Camera(id, road + " km " + km + " " + DIRECTIONS[dir] + what, lanes, limits, at, rules);
    cameras.add(camera);
    return camera;
  }

  /** A camera outside the sections, with the {@code role}-th special rule, if any. */
  private Camera addFreeCamera(int role) {
    String road = randomRoad();
    int km = 1 + rng.nextInt(25);
    int dir = rng.nextInt(DIRECTIONS.length);
    int lanes = 2 + rng.nextInt(3);
    SpeedLimit posted = randomLimit();
    GeoPoint at = randomPoint();
    List<LimitRule> lower =
        posted.limitKmh() >= 60
            ? List.of(
                new LimitRule(
                    EnumSet.of(VehicleClass.TRUCK, VehicleClass.BUS),
                    Schedule.ALWAYS,
                    posted.limitKmh() - 20))
            : List.of();
    SiteRules r = ALMATY_RULES;
    String what = "";
    switch (role) {
      case 0 -> {
        r =
            rules(
                new RedLight(RedLight.DEFAULT_GRACE_MS, Set.of(lanes)),
                List.of(),
                false,
                List.of());
        what = ", junction";
      }
      case 1 -> {
        r =
            rules(
                null,
                List.of(
                    new RestrictedLane(
                        Set.of(1),
                        EnumSet.of(VehicleClass.BUS, VehicleClass.TAXI),
                        Schedule.ALWAYS)),
                false,
                List.of());
        what = ", bus lane";
      }
      case 2 -> {
        r = rules(null, List.of(), true, List.of());
        what = ", one-way";
      }
      case 3 -> {
        r =
            rules(
                null,
                List.of(),
                false,
                List.of(new ClassBan(EnumSet.of(VehicleClass.TRUCK), Schedule.ALWAYS)));
        what = ", no trucks";
      }
      default -> {}
    }
    return addCamera(road, km, dir, lanes, new SpeedLimits(posted, lower, List.of()), at, r, what);
  }

  private static SiteRules rules(
      RedLight redLight, List<RestrictedLane> lanes, boolean oneWay, List<ClassBan> bans) {
    SiteRules d = ALMATY_RULES;
    return new SiteRules(
        d.timeZone(),
        d.jurisdiction(),
        redLight,
        lanes,
        oneWay,
        bans,
        d.minConfidence(),
        d.duplicateWindow(),
        d.maxClockDrift(),
        d.calibrationValidUntil());
  }

  private String randomRoad() {
    return ROADS[rng.nextInt(ROADS.length)];
  }

  private SpeedLimit randomLimit() {
    return new SpeedLimit(LIMITS[rng.nextInt(LIMITS.length)], TOLERANCE_KMH);
  }

  private GeoPoint randomPoint() {
    return point(
        43.24 + 0.06 * (2 * rng.nextDouble() - 1), 76.90 + 0.1 * (2 * rng.nextDouble() - 1));
  }

  /** The point {@code distanceM} metres from {@code from} in direction {@code dir}. */
  private static GeoPoint ahead(GeoPoint from, int dir, double distanceM) {
    double km = distanceM / 1000;
    return point(
        from.lat() + NORTH[dir] * km / KM_PER_DEGREE_LAT,
        from.lon() + EAST[dir] * km / KM_PER_DEGREE_LON);
  }

  private static GeoPoint point(double lat, double lon) {
    return new GeoPoint(Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5);
  }

  private long arrivalGap() {
    return (long) (-Math.log(1 - rng.nextDouble()) * nanosPerVehicle);
  }

  private int indexOf(String cameraId) {
    for (int i = 0; i < cameras.size(); i++) {
      if (cameras.get(i).id().equals(cameraId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "the incident's camera '" + cameraId + "' is not in the city");
  }

  /** Whether the staged incident is under way at {@code camera} at {@code atNanos}. */
  private boolean incidentAt(int camera, long atNanos) {
    if (camera != incidentCamera) {
      return false;
    }
    long from = config.incident().after().toNanos();
    return atNanos >= from && atNanos < from + config.incident().lasts().toNanos();
  }

  private SimulatedDetection arrive(long atNanos) {
    int camera = rng.nextInt(cameras.size());
    while (incidentAt(camera, atNanos) && rng.nextDouble() < 0.8) {
      camera = rng.nextInt(cameras.size());
    }
    long index = vehicles++;
    Vehicle vehicle = new Vehicle(plate(index), vehicleClass(), isSpeeder(index));
    SimulatedDetection seen = sighting(camera, vehicle, atNanos);
    Section section = sectionFrom[camera];
    if (section != null && rng.nextDouble() < ENTER_SECTION) {
      long entryMillis = Math.floorDiv(atNanos, 1_000_000L);
      long exitMillis = entryMillis + travelMillis(section, vehicle.speeder());
      exits.add(new PendingExit(exitMillis * 1_000_000L, exitOrder++, vehicle, exitOf[camera]));
    }
    return seen;
  }

  private SimulatedDetection sighting(int cameraIndex, Vehicle vehicle, long atNanos) {
    Camera camera = cameras.get(cameraIndex);
    long sequence = ++sequences[cameraIndex];
    double confidence = (80 + rng.nextInt(20)) / 100.0;
    boolean offender = vehicle.speeder();
    boolean incident = incidentAt(cameraIndex, atNanos);
    ViolationType role = roles[cameraIndex];
    VehicleClass kind = vehicle.vehicleClass();
    int lanes = camera.lanes();
    int lane = 1 + rng.nextInt(lanes);
    Signal signal = null;
    Direction direction = null;
    Set<ViolationType> offences = EnumSet.noneOf(ViolationType.class);
    if (role == ViolationType.RED_LIGHT) {
      if (offender) {
        lane = 1 + rng.nextInt(lanes - 1);
        signal = new Signal(Signal.State.RED, 600 + rng.nextInt(3400));
      } else if (rng.nextDouble() < 0.1) {
        signal = new Signal(Signal.State.RED, lane == lanes ? rng.nextInt(5000) : rng.nextInt(501));
      } else {
        signal = new Signal(rng.nextDouble() < 0.1 ? Signal.State.AMBER : Signal.State.GREEN, 0);
      }
    } else if (role == ViolationType.RESTRICTED_LANE) {
      boolean mayUse = kind == VehicleClass.BUS || kind == VehicleClass.TAXI;
      if (offender) {
        kind = VehicleClass.CAR;
        lane = 1;
      } else if (!mayUse && lane == 1) {
        lane = 2 + rng.nextInt(lanes - 1);
      }
    } else if (role == ViolationType.WRONG_WAY) {
      direction = offender ? Direction.AGAINST_TRAFFIC : Direction.WITH_TRAFFIC;
    } else if (role == ViolationType.RESTRICTED_CLASS) {
      if (offender) {
        kind = VehicleClass.TRUCK;
      } else if (kind == VehicleClass.TRUCK) {
        kind = VehicleClass.VAN;
      }
    }
    Instant at = instantOf(atNanos);
    SpeedLimit limit = camera.limits().inForce(kind, at, camera.rules().timeZone());
    double speed;
    if (incident) {
      speed = 5 + rng.nextInt(101) / 10.0;
    } else {
      speed = speed(limit, offender);
      if (offender) {
        offences.add(ViolationType.SPEED);
      }
    }
    if (offender && role != null) {
      offences.add(role);
    }
    Detection detection =
        new Detection(
            camera.id() + ":" + sequence,
            camera.id(),
            at,
            vehicle.plate(),
            confidence,
            kind,
            speed,
            lane,
            signal,
            direction);
    return new SimulatedDetection(detection, offender, offences);
  }

  private Instant instantOf(long nanos) {
    return config.start().plusMillis(Math.floorDiv(nanos, 1_000_000L));
  }

  /**
   * A speed to 0.1 km/h: a compliant vehicle's is normal around the limit (sd 7 km/h) but never
   * above limit plus tolerance; a speeder's is 1 to 60 km/h above it, small excesses more likely.
   */
  private double speed(SpeedLimit limit, boolean speeder) {
    int threshold = limit.thresholdKmh();
    if (speeder) {
      double u = rng.nextDouble();
      return Math.round((threshold + 1 + 59 * u * u) * 10) / 10.0;
    }
    double floor = Math.max(5, limit.limitKmh() - 35);
    while (true) {
      double v = limit.limitKmh() + 7 * rng.nextGaussian();
      if (v >= floor && v <= threshold) {
        return Math.round(v * 10) / 10.0;
      }
    }
  }

  /** A whole-millisecond travel time whose average speed is on the vehicle's side of the limit. */
  private long travelMillis(Section section, boolean speeder) {
    double exact = section.distanceM() * 3600 / speed(section.limit(), speeder);
    long millis = (long) (speeder ? Math.floor(exact) : Math.ceil(exact));
    while (section.isSpeeding(Duration.ofMillis(millis), section.limit()) != speeder) {
      millis += speeder ? -1 : 1;
    }
    return millis;
  }

  private VehicleClass vehicleClass() {
    double u = rng.nextDouble();
    for (int i = 0; i < CLASSES.length - 1; i++) {
      u -= CLASS_SHARES[i];
      if (u < 0) {
        return CLASSES[i];
      }
    }
    return CLASSES[CLASSES.length - 1];
  }

  /** Whether vehicle {@code index} speeds: a pure function of the seed and the index. */
  private boolean isSpeeder(long index) {
    long z = (config.seed() ^ SPEEDER_SALT) + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53 < config.speederShare();
  }

  private Plate plate(long index) {
    return new Plate(plateText(index), "KZ");
  }

  /**
   * Three digits, three letters, region 01 to 20; distinct for distinct indexes below the space.
   */
  private String plateText(long index) {
    long code = (index % PLATE_SPACE * PLATE_STEP + plateOffset) % PLATE_SPACE;
    int digits = (int) (code % 1000);
    int letters = (int) (code / 1000 % 17576);
    int region = (int) (code / 1000 / 17576) + 1;
    char[] c = {
      (char) ('0' + digits / 100),
      (char) ('0' + digits / 10 % 10),
      (char) ('0' + digits % 10),
      (char) ('A' + letters / 676),
      (char) ('A' + letters / 26 % 26),
      (char) ('A' + letters % 26),
      (char) ('0' + region / 10),
      (char) ('0' + region % 10)
    };
    return new String(c);
  }
}
