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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vigil.site.Camera;
import org.vigil.site.GeoPoint;
import org.vigil.site.InvalidSitesException;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

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
    return n;
  }

  public static ObjectNode tree(Section s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("entryCameraId", s.entryCameraId());
    n.put("exitCameraId", s.exitCameraId());
    n.put("distanceM", s.distanceM());
    n.put("speedLimitKmh", s.limit().limitKmh());
    n.put("toleranceKmh", s.limit().toleranceKmh());
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
    return new Camera(
        text(n, "id"),
        optionalText(n, "name"),
        whole(n, "lanes"),
        new SpeedLimit(whole(n, "speedLimitKmh"), whole(n, "toleranceKmh")),
        at);
  }

  private static Section section(JsonNode n) {
    return new Section(
        text(n, "id"),
        text(n, "entryCameraId"),
        text(n, "exitCameraId"),
        number(n, "distanceM"),
        new SpeedLimit(whole(n, "speedLimitKmh"), whole(n, "toleranceKmh")));
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
