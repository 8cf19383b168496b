package org.vigil.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.vigil.detection.VehicleClass;
import org.vigil.site.Camera;
import org.vigil.site.ClassBan;
import org.vigil.site.GeoPoint;
import org.vigil.site.InvalidSitesException;
import org.vigil.site.LimitRule;
import org.vigil.site.RedLight;
import org.vigil.site.RestrictedLane;
import org.vigil.site.Schedule;
import org.vigil.site.Section;
import org.vigil.site.SignSetting;
import org.vigil.site.SiteRules;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;
import org.vigil.site.SpeedLimits;

/**
 * The JSON form of the site configuration, shared by the {@code --sites} file and the admin API:
 *
 * <pre>{@code
 * {"cameras":[{"id":"B-003","name":"A10 km 12 northbound","lanes":4,"speedLimitKmh":100,
 *              "toleranceKmh":10,"location":{"lat":52.41,"lon":13.05}}],
 *  "sections":[{"id":"S-1","entryCameraId":"B-003","exitCameraId":"B-007","distanceM":1138.6,
 *               "speedLimitKmh":90,"toleranceKmh":10}]}
 * }</pre>
 *
 * <p>Every camera may also carry, all optional: {@code timeZone} (default {@code UTC}), {@code
 * jurisdiction} (default {@code KZ}), {@code limits} (lower limits by class and time: {@code
 * [{"classes":["TRUCK"],"schedule":{...},"limitKmh":70}]}), {@code variableLimits} (a sign's
 * history: {@code [{"from":"2026-11-02T07:00:00Z","limitKmh":60}]}, 0 for a blank sign), {@code
 * redLight} ({@code {"graceMs":500,"turnOnRedLanes":[4]}}), {@code restrictedLanes} ({@code
 * [{"lanes":[1],"allowedClasses":["BUS","TAXI"],"schedule":{...}}]}), {@code oneWay}, {@code
 * classBans} ({@code [{"classes":["TRUCK"],"schedule":{"from":"07:00","to":"22:00"}}]}), {@code
 * minConfidence} (default 0.8), {@code duplicateWindowMs} (default 3000), {@code maxClockDriftMs}
 * (default 2000) and {@code calibrationValidUntil} ({@code "2027-06-30"}). A schedule is {@code
 * {"days":["MON","TUE","WED","THU","FRI"],"from":"07:30","to":"17:00"}}; days default to every day,
 * and from equal to to means all day. Sections may carry {@code limits} and {@code variableLimits}
 * too.
 *
 * <p>Reading checks everything and reports every problem at once, each naming its entry and field
 * (e.g. {@code cameras[1] 'B-007': lanes must be between 1 and 16, was 0}). Unknown fields are
 * ignored, so that a file may carry notes.
 */
public final class SitesJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SitesJson() {}

  /**
   * Reads a whole configuration.
   *
   * @throws InvalidSitesException listing every problem
   */
  public static Sites read(byte[] json) {
    JsonNode root = tree(json);
    if (!root.isObject()) {
      throw new InvalidSitesException(List.of("the configuration must be a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    List<Camera> cameras = list(root, "cameras", SitesJson::camera, problems);
    List<Section> sections = list(root, "sections", SitesJson::section, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSitesException(problems);
    }
    return Sites.of(cameras, sections);
  }

  /** Reads one camera, e.g. the body of {@code PUT /api/v1/admin/cameras/{id}}. */
  public static Camera readCamera(byte[] json) {
    return one(tree(json), "camera", SitesJson::camera);
  }

  /** Reads one section. */
  public static Section readSection(byte[] json) {
    return one(tree(json), "section", SitesJson::section);
  }

  /** The configuration as pretty-printed JSON text, ending with a newline. */
  public static String write(Sites sites) {
    try {
      return MAPPER.writeValueAsString(tree(sites)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON form of {@code sites}. */
  public static ObjectNode tree(Sites sites) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode cameras = root.putArray("cameras");
    sites.cameras().forEach(c -> cameras.add(tree(c)));
    ArrayNode sections = root.putArray("sections");
    sites.sections().forEach(s -> sections.add(tree(s)));
    return root;
  }

  public static ObjectNode tree(Camera c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("name", c.name());
    n.put("lanes", c.lanes());
    n.put("speedLimitKmh", c.limit().limitKmh());
    n.put("toleranceKmh", c.limit().toleranceKmh());
    if (c.location() != null) {
      n.putObject("location").put("lat", c.location().lat()).put("lon", c.location().lon());
    }
    limitsTree(n, c.limits());
    SiteRules r = c.rules();
    SiteRules d = SiteRules.DEFAULTS;
    if (!r.timeZone().equals(d.timeZone())) {
      n.put("timeZone", r.timeZone().getId());
    }
    if (!r.jurisdiction().equals(d.jurisdiction())) {
      n.put("jurisdiction", r.jurisdiction());
    }
    if (r.redLight() != null) {
      ObjectNode red = n.putObject("redLight");
      red.put("graceMs", r.redLight().graceMs());
      ArrayNode lanes = red.putArray("turnOnRedLanes");
      new TreeSet<>(r.redLight().turnOnRedLanes()).forEach(lanes::add);
    }
    if (!r.restrictedLanes().isEmpty()) {
      ArrayNode all = n.putArray("restrictedLanes");
      for (RestrictedLane rl : r.restrictedLanes()) {
        ObjectNode o = all.addObject();
        ArrayNode lanes = o.putArray("lanes");
        new TreeSet<>(rl.lanes()).forEach(lanes::add);
        ArrayNode classes = o.putArray("allowedClasses");
        new TreeSet<>(rl.allowedClasses()).forEach(v -> classes.add(v.name()));
        o.set("schedule", scheduleTree(rl.schedule()));
      }
    }
    if (r.oneWay()) {
      n.put("oneWay", true);
    }
    if (!r.classBans().isEmpty()) {
      ArrayNode all = n.putArray("classBans");
      for (ClassBan ban : r.classBans()) {
        ObjectNode o = all.addObject();
        ArrayNode classes = o.putArray("classes");
        new TreeSet<>(ban.classes()).forEach(v -> classes.add(v.name()));
        o.set("schedule", scheduleTree(ban.schedule()));
      }
    }
    if (r.minConfidence() != d.minConfidence()) {
      n.put("minConfidence", r.minConfidence());
    }
    if (!r.duplicateWindow().equals(d.duplicateWindow())) {
      n.put("duplicateWindowMs", r.duplicateWindow().toMillis());
    }
    if (!r.maxClockDrift().equals(d.maxClockDrift())) {
      n.put("maxClockDriftMs", r.maxClockDrift().toMillis());
    }
    if (r.calibrationValidUntil() != null) {
      n.put("calibrationValidUntil", r.calibrationValidUntil().toString());
    }
    return n;
  }

  private static void limitsTree(ObjectNode n, SpeedLimits limits) {
    if (!limits.rules().isEmpty()) {
      ArrayNode all = n.putArray("limits");
      for (LimitRule rule : limits.rules()) {
        ObjectNode o = all.addObject();
        if (!rule.classes().isEmpty()) {
          ArrayNode classes = o.putArray("classes");
          new TreeSet<>(rule.classes()).forEach(v -> classes.add(v.name()));
        }
        if (!rule.schedule().equals(Schedule.ALWAYS)) {
          o.set("schedule", scheduleTree(rule.schedule()));
        }
        o.put("limitKmh", rule.limitKmh());
      }
    }
    if (!limits.sign().isEmpty()) {
      ArrayNode all = n.putArray("variableLimits");
      for (SignSetting setting : limits.sign()) {
        all.addObject().put("from", setting.from().toString()).put("limitKmh", setting.limitKmh());
      }
    }
  }

  private static ObjectNode scheduleTree(Schedule schedule) {
    ObjectNode o = MAPPER.createObjectNode();
    if (schedule.days().size() < 7) {
      ArrayNode days = o.putArray("days");
      new TreeSet<>(schedule.days())
          .forEach(
              day ->
                  days.add(
                      day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT)));
    }
    o.put("from", schedule.from().toString());
    o.put("to", schedule.to().toString());
    return o;
  }

  public static ObjectNode tree(Section s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("entryCameraId", s.entryCameraId());
    n.put("exitCameraId", s.exitCameraId());
    n.put("distanceM", s.distanceM());
    n.put("speedLimitKmh", s.limit().limitKmh());
    n.put("toleranceKmh", s.limit().toleranceKmh());
    limitsTree(n, s.limits());
    return n;
  }

  private static Camera camera(JsonNode n) {
    JsonNode location = n.get("location");
    GeoPoint at = null;
    if (location != null && !location.isNull()) {
      if (!location.isObject()) {
        throw new IllegalArgumentException("location must be an object with lat and lon");
      }
      at = new GeoPoint(number(location, "location.lat"), number(location, "location.lon"));
    }
    SiteRules d = SiteRules.DEFAULTS;
    String zone = optionalText(n, "timeZone");
    String jurisdiction = optionalText(n, "jurisdiction");
    String calibration = optionalText(n, "calibrationValidUntil");
    SiteRules rules =
        new SiteRules(
            zone == null ? d.timeZone() : zone(zone),
            jurisdiction == null ? d.jurisdiction() : jurisdiction,
            redLight(n.get("redLight")),
            objects(n, "restrictedLanes", SitesJson::restrictedLane),
            bool(n, "oneWay"),
            objects(n, "classBans", SitesJson::classBan),
            n.has("minConfidence") ? number(n, "minConfidence") : d.minConfidence(),
            n.has("duplicateWindowMs")
                ? Duration.ofMillis(whole(n, "duplicateWindowMs"))
                : d.duplicateWindow(),
            n.has("maxClockDriftMs")
                ? Duration.ofMillis(whole(n, "maxClockDriftMs"))
                : d.maxClockDrift(),
            calibration == null ? null : date("calibrationValidUntil", calibration));
    return new Camera(
        text(n, "id"), optionalText(n, "name"), whole(n, "lanes"), limits(n), at, rules);
  }

  private static Section section(JsonNode n) {
    return new Section(
        text(n, "id"),
        text(n, "entryCameraId"),
        text(n, "exitCameraId"),
        number(n, "distanceM"),
        limits(n));
  }

  private static SpeedLimits limits(JsonNode n) {
    return new SpeedLimits(
        new SpeedLimit(whole(n, "speedLimitKmh"), whole(n, "toleranceKmh")),
        objects(
            n,
            "limits",
            o ->
                new LimitRule(
                    o.has("classes") ? classes(o, "classes") : Set.of(),
                    schedule(o.get("schedule")),
                    whole(o, "limitKmh"))),
        objects(n, "variableLimits", SitesJson::signSetting));
  }

  /** Reads one sign setting, e.g. the body of a variable-limit change. */
  public static SignSetting signSetting(JsonNode o) {
    return new SignSetting(instant("from", text(o, "from")), whole(o, "limitKmh"));
  }

  private static RedLight redLight(JsonNode o) {
    if (o == null || o.isNull()) {
      return null;
    }
    if (!o.isObject()) {
      throw new IllegalArgumentException("redLight must be an object, was " + o);
    }
    return new RedLight(
        o.has("graceMs") ? whole(o, "graceMs") : RedLight.DEFAULT_GRACE_MS,
        o.has("turnOnRedLanes") ? lanes(o, "turnOnRedLanes") : Set.of());
  }

  private static RestrictedLane restrictedLane(JsonNode o) {
    return new RestrictedLane(
        lanes(o, "lanes"), classes(o, "allowedClasses"), schedule(o.get("schedule")));
  }

  private static ClassBan classBan(JsonNode o) {
    return new ClassBan(classes(o, "classes"), schedule(o.get("schedule")));
  }

  private static Schedule schedule(JsonNode o) {
    if (o == null || o.isNull()) {
      return Schedule.ALWAYS;
    }
    if (!o.isObject()) {
      throw new IllegalArgumentException("schedule must be an object, was " + o);
    }
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    if (o.has("days")) {
      days = EnumSet.noneOf(DayOfWeek.class);
      for (JsonNode day : array(o, "days")) {
        days.add(day(day));
      }
    }
    String from = optionalText(o, "from");
    String to = optionalText(o, "to");
    return new Schedule(
        days,
        from == null ? LocalTime.MIDNIGHT : time("schedule.from", from),
        to == null ? LocalTime.MIDNIGHT : time("schedule.to", to));
  }

  private static DayOfWeek day(JsonNode v) {
    String name = v.isTextual() ? v.asText().trim().toUpperCase(Locale.ROOT) : "";
    for (DayOfWeek day : DayOfWeek.values()) {
      if (!name.isEmpty()
          && (day.name().equals(name) || day.name().startsWith(name) && name.length() == 3)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "schedule.days holds " + v + ", expected MON, TUE, WED, THU, FRI, SAT or SUN");
  }

  private static Set<VehicleClass> classes(JsonNode o, String field) {
    Set<VehicleClass> out = EnumSet.noneOf(VehicleClass.class);
    for (JsonNode v : array(o, field)) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException(field + " must hold class names, held " + v);
      }
      out.add(VehicleClass.parse(v.asText()));
    }
    return out;
  }

  private static Set<Integer> lanes(JsonNode o, String field) {
    Set<Integer> out = new TreeSet<>();
    for (JsonNode v : array(o, field)) {
      if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 16) {
        throw new IllegalArgumentException(field + " must hold lane numbers 1 to 16, held " + v);
      }
      out.add(v.asInt());
    }
    return out;
  }

  private static <T> List<T> objects(JsonNode n, String field, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>();
    if (!n.has(field) || n.get(field).isNull()) {
      return out;
    }
    int i = 0;
    for (JsonNode o : array(n, field)) {
      if (!o.isObject()) {
        throw new IllegalArgumentException(field + "[" + i + "] must be an object, was " + o);
      }
      try {
        out.add(reader.apply(o));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
      }
      i++;
    }
    return out;
  }

  private static JsonNode array(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException(field + " must be an array, was " + v);
    }
    return v;
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(field + " must be true or false, was " + v);
    }
    return v.asBoolean();
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "timeZone '" + id + "' is not a known time zone such as Asia/Almaty", e);
    }
  }

  private static LocalTime time(String field, String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be a time like 07:30, was '" + text + "'", e);
    }
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be a date like 2027-06-30, was '" + text + "'", e);
    }
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be a UTC time like 2026-11-02T07:00:00Z, was '" + text + "'", e);
    }
  }

  private static <T> List<T> list(
      JsonNode root, String field, Function<JsonNode, T> reader, List<String> problems) {
    JsonNode array = root.get(field);
    List<T> out = new ArrayList<>();
    if (array == null || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      problems.add(field + " must be an array");
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      JsonNode id = entry.get("id");
      String where =
          field + "[" + i + "]" + (id != null && id.isTextual() ? " '" + id.asText() + "'" : "");
      if (!entry.isObject()) {
        problems.add(where + ": must be an object");
        continue;
      }
      try {
        out.add(reader.apply(entry));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static <T> T one(JsonNode n, String what, Function<JsonNode, T> reader) {
    if (!n.isObject()) {
      throw new InvalidSitesException(List.of("the " + what + " must be a JSON object"));
    }
    try {
      return reader.apply(n);
    } catch (IllegalArgumentException e) {
      throw new InvalidSitesException(List.of(what + ": " + e.getMessage()));
    }
  }

  private static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidSitesException(
          List.of(
              "not valid JSON near line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidSitesException(List.of("cannot read the configuration: " + e.getMessage()));
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, was " + v);
    }
    return v.asText();
  }

  private static String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : text(n, field);
  }

  private static int whole(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be a whole number, was " + v);
    }
    return v.asInt();
  }

  private static double number(JsonNode n, String field) {
    String name = field.substring(field.lastIndexOf('.') + 1);
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number, was " + v);
    }
    return v.asDouble();
  }
}
