package org.vigil.http.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.helidon.http.Status;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.detection.Detection;
import org.vigil.detection.Direction;
import org.vigil.detection.Signal;
import org.vigil.detection.VehicleClass;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.pipeline.IngestItem;
import org.vigil.plate.Plate;

/**
 * Reads a batch of detections from NDJSON (one object per line) or JSON (one object or an array of
 * them) straight from the bytes with Jackson's streaming parser.
 *
 * <p>Contract: an item that is not a valid detection becomes an {@link IngestItem.Malformed} that
 * names the field and the problem, and never fails its neighbours. In NDJSON a line that is not
 * JSON is such an item; in JSON, where one broken value breaks the document, the whole body is
 * refused with 400. Reasons never repeat a plate: a plate's text appears in no message.
 */
public final class DetectionParser {

  /** The most items one batch may hold. */
  public static final int MAX_ITEMS = 20_000;

  /** The two body formats. */
  public enum Format {
    NDJSON,
    JSON
  }

  private DetectionParser() {}

  /**
   * Parses {@code body}.
   *
   * @throws BadRequestException when the body as a whole is unusable (empty, not JSON, not an
   *     object or array, too many items)
   */
  public static List<IngestItem> parse(byte[] body, Format format) {
    return format == Format.NDJSON ? parseNdjson(body) : parseJson(body);
  }

  private static List<IngestItem> parseNdjson(byte[] body) {
    List<IngestItem> items = new ArrayList<>(body.length / 200 + 1);
    int line = 0;
    int start = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      if (!isBlank(body, start, end)) {
        if (items.size() == MAX_ITEMS) {
          throw tooMany();
        }
        items.add(parseLine(body, start, end - start, line));
      }
      line++;
      start = end + 1;
    }
    if (items.isEmpty()) {
      throw new BadRequestException("body holds no detection");
    }
    return items;
  }

  private static IngestItem parseLine(byte[] body, int offset, int length, int index) {
    try (JsonParser p = Json.FACTORY.createParser(body, offset, length)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return new IngestItem.Malformed(
            index, null, "line must hold a JSON object, held " + describe(first));
      }
      IngestItem item = readItem(p, index);
      if (p.nextToken() != null) {
        return new IngestItem.Malformed(
            index, eventIdOf(item), "line holds more than one JSON value");
      }
      return item;
    } catch (StreamConstraintsException e) {
      return new IngestItem.Malformed(index, null, "line exceeds a limit: " + e.getMessage());
    } catch (IOException e) {
      return new IngestItem.Malformed(
          index, null, "line is not valid JSON in UTF-8" + near(e, false));
    }
  }

  private static List<IngestItem> parseJson(byte[] body) {
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      JsonToken first = p.nextToken();
      List<IngestItem> items = new ArrayList<>();
      if (first == JsonToken.START_OBJECT) {
        items.add(readItem(p, 0));
      } else if (first == JsonToken.START_ARRAY) {
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw new BadRequestException("body ends inside the array");
          }
          if (items.size() == MAX_ITEMS) {
            throw tooMany();
          }
          if (t == JsonToken.START_OBJECT) {
            items.add(readItem(p, index));
          } else {
            p.skipChildren();
            items.add(
                new IngestItem.Malformed(
                    index, null, "item must be a JSON object, was " + describe(t)));
          }
          index++;
        }
      } else {
        throw new BadRequestException(
            "body must be a JSON object or an array of objects, was " + describe(first));
      }
      if (p.nextToken() != null) {
        throw new BadRequestException("body holds more than one JSON value; use NDJSON for that");
      }
      if (items.isEmpty()) {
        throw new BadRequestException("body holds no detection");
      }
      return items;
    } catch (StreamConstraintsException e) {
      throw new BadRequestException("body exceeds a limit: " + e.getMessage());
    } catch (IOException e) {
      throw new BadRequestException("body is not valid JSON in UTF-8" + near(e, true));
    }
  }

  /** Reads one object, the parser standing on its START_OBJECT, up to its END_OBJECT. */
  private static IngestItem readItem(JsonParser p, int index) throws IOException {
    Fields f = new Fields();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "eventId" -> f.eventId = f.text(p, value, "eventId");
        case "cameraId" -> f.cameraId = f.text(p, value, "cameraId");
        case "observedAt" -> f.observedAt = f.text(p, value, "observedAt");
        case "vehicleClass" -> f.vehicleClass = f.text(p, value, "vehicleClass");
        case "speedKmh" -> f.speedKmh = f.number(p, value, "speedKmh", Double.NaN);
        case "lane" -> f.lane = f.whole(p, value, "lane");
        case "plate" -> readPlate(p, value, f);
        case "signal" -> readSignal(p, value, f);
        case "direction" -> f.direction = f.text(p, value, "direction");
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("object not closed");
    }
    return f.toItem(index);
  }

  private static void readPlate(JsonParser p, JsonToken value, Fields f) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_OBJECT) {
      f.problem("plate must be an object, was " + describe(value));
      p.skipChildren();
      return;
    }
    f.plateSeen = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "text" -> f.plateText = f.text(p, v, "plate.text");
        case "country" -> f.country = f.text(p, v, "plate.country");
        case "confidence" -> f.confidence = f.number(p, v, "plate.confidence", 1.0);
        default -> p.skipChildren();
      }
    }
  }

  private static void readSignal(JsonParser p, JsonToken value, Fields f) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_OBJECT) {
      f.problem("signal must be an object, was " + describe(value));
      p.skipChildren();
      return;
    }
    f.signalSeen = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "state" -> f.signalState = f.text(p, v, "signal.state");
        case "redElapsedMs" -> f.redElapsedMs = f.number(p, v, "signal.redElapsedMs", 0);
        default -> p.skipChildren();
      }
    }
  }

  /** The fields of one item as read, and the first problem met. */
  private static final class Fields {
    String eventId;
    String cameraId;
    String observedAt;
    String vehicleClass;
    double speedKmh = Double.NaN;
    int lane;
    boolean plateSeen;
    String plateText;
    String country;
    double confidence = 1.0;
    boolean signalSeen;
    String signalState;
    double redElapsedMs;
    String direction;
    String problem;

    void problem(String reason) {
      if (problem == null) {
        problem = reason;
      }
    }

    String text(JsonParser p, JsonToken t, String field) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      if (t != JsonToken.VALUE_NULL) {
        problem(field + " must be a string, was " + describe(t));
        p.skipChildren();
      }
      return null;
    }

    double number(JsonParser p, JsonToken t, String field, double absent) throws IOException {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      if (t != JsonToken.VALUE_NULL) {
        problem(field + " must be a number, was " + describe(t));
        p.skipChildren();
      }
      return absent;
    }

    int whole(JsonParser p, JsonToken t, String field) throws IOException {
      if (t == JsonToken.VALUE_NUMBER_INT) {
        long v = p.getLongValue();
        if (v < 0 || v > 1000) {
          problem(field + " must be between 1 and 16, was " + v);
          return 0;
        }
        return (int) v;
      }
      if (t != JsonToken.VALUE_NULL) {
        problem(field + " must be a whole number, was " + describe(t));
        p.skipChildren();
      }
      return 0;
    }

    Signal signal() {
      if (!signalSeen) {
        return null;
      }
      if (signalState == null) {
        throw new IllegalArgumentException("signal.state is missing");
      }
      Signal.State state;
      try {
        state = Signal.State.valueOf(signalState.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown signal.state '" + abbreviate(signalState) + "', expected RED, AMBER or GREEN",
            e);
      }
      if (redElapsedMs != Math.rint(redElapsedMs)) {
        throw new IllegalArgumentException(
            "signal.redElapsedMs must be a whole number of milliseconds, was " + redElapsedMs);
      }
      return new Signal(state, (long) redElapsedMs);
    }

    static Direction direction(String text) {
      try {
        return Direction.valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown direction '"
                + abbreviate(text)
                + "', expected WITH_TRAFFIC or AGAINST_TRAFFIC",
            e);
      }
    }

    IngestItem toItem(int index) {
      String id = eventId;
      if (problem != null) {
        return new IngestItem.Malformed(index, id, problem);
      }
      String missing =
          eventId == null
              ? "eventId"
              : cameraId == null
                  ? "cameraId"
                  : observedAt == null
                      ? "observedAt"
                      : !plateSeen ? "plate" : plateText == null ? "plate.text" : null;
      if (missing != null) {
        return new IngestItem.Malformed(index, id, "missing field '" + missing + "'");
      }
      Instant at;
      try {
        at = IsoInstants.parse(observedAt);
      } catch (DateTimeParseException e) {
        return new IngestItem.Malformed(
            index,
            id,
            "bad timestamp in observedAt: '"
                + abbreviate(observedAt)
                + "', expected ISO-8601 such as 2026-11-02T07:30:04.530Z");
      }
      try {
        VehicleClass kind =
            vehicleClass == null ? VehicleClass.OTHER : VehicleClass.parse(vehicleClass);
        return new IngestItem.Parsed(
            index,
            new Detection(
                eventId,
                cameraId,
                at,
                Plate.of(plateText, country),
                confidence,
                kind,
                speedKmh,
                lane,
                signal(),
                direction == null ? null : direction(direction)));
      } catch (IllegalArgumentException e) {
        return new IngestItem.Malformed(index, id, e.getMessage());
      }
    }
  }

  private static String eventIdOf(IngestItem item) {
    return switch (item) {
      case IngestItem.Parsed p -> p.detection().eventId();
      case IngestItem.Malformed m -> m.eventId();
    };
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  /** Where a parse error is, without the text around it (which may hold a plate). */
  private static String near(IOException e, boolean withLine) {
    if (e instanceof JsonProcessingException jpe) {
      JsonLocation at = jpe.getLocation();
      if (at != null && at.getColumnNr() > 0) {
        return withLine
            ? " near line " + at.getLineNr() + ", column " + at.getColumnNr()
            : " near column " + at.getColumnNr();
      }
    }
    return "";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static BadRequestException tooMany() {
    return new BadRequestException(
        Status.REQUEST_ENTITY_TOO_LARGE_413,
        "batch holds more than " + MAX_ITEMS + " items; send smaller batches");
  }
}
