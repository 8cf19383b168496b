package org.vigil.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.vigil.detection.Detection;
import org.vigil.detection.Signal;
import org.vigil.plate.Plate;

/**
 * Writes detections in the ingestion format, one JSON object per line:
 *
 * <pre>{@code
 * {"eventId":"B-003:17","cameraId":"B-003","observedAt":"2026-11-02T07:30:04.530Z",
 *  "plate":{"text":"911ABY15","country":"KZ","confidence":0.95},"vehicleClass":"CAR",
 *  "speedKmh":107.0,"lane":1}
 * }</pre>
 *
 * {@code observedAt} is UTC with exactly three fraction digits (finer digits are dropped); {@code
 * speedKmh} is left out when the detection has none, {@code lane} when it is 0 and {@code
 * plate.country} when it is unknown; {@code signal} ({@code {"state":"RED","redElapsedMs":1350}})
 * and {@code direction} ({@code "AGAINST_TRAFFIC"}) only when the detection has them. Every line
 * ends with {@code '\n'}.
 *
 * <p>Not thread-safe (it caches the last formatted second): use one writer per thread.
 */
public final class NdjsonWriter {
  private static final JsonFactory JSON =
      new JsonFactoryBuilder().rootValueSeparator((SerializableString) null).build();
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final SerializedString EVENT_ID = new SerializedString("eventId");
  private static final SerializedString CAMERA_ID = new SerializedString("cameraId");
  private static final SerializedString OBSERVED_AT = new SerializedString("observedAt");
  private static final SerializedString PLATE = new SerializedString("plate");
  private static final SerializedString TEXT = new SerializedString("text");
  private static final SerializedString COUNTRY = new SerializedString("country");
  private static final SerializedString CONFIDENCE = new SerializedString("confidence");
  private static final SerializedString VEHICLE_CLASS = new SerializedString("vehicleClass");
  private static final SerializedString SPEED = new SerializedString("speedKmh");
  private static final SerializedString LANE = new SerializedString("lane");
  private static final SerializedString SIGNAL = new SerializedString("signal");
  private static final SerializedString STATE = new SerializedString("state");
  private static final SerializedString RED_ELAPSED = new SerializedString("redElapsedMs");
  private static final SerializedString DIRECTION = new SerializedString("direction");

  private long cachedSecond = Long.MIN_VALUE;
  private char[] timestamp = new char[0];

  /**
   * Writes {@code detections} to {@code out}, one line each. {@code out} is flushed but not closed.
   */
  public void write(List<Detection> detections, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (Detection d : detections) {
        write(d, g);
      }
    }
  }

  /** An NDJSON body for an HTTP post: every detection as one newline-terminated line. */
  public byte[] batch(List<Detection> detections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(detections.size() * 200 + 64);
    try {
      write(detections, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One detection as a line, without the trailing newline. */
  public String line(Detection detection) {
    String line = new String(batch(List.of(detection)), StandardCharsets.UTF_8);
    return line.substring(0, line.length() - 1);
  }

  private void write(Detection d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeFieldName(EVENT_ID);
    g.writeString(d.eventId());
    g.writeFieldName(CAMERA_ID);
    g.writeString(d.cameraId());
    g.writeFieldName(OBSERVED_AT);
    char[] ts = format(d.observedAt());
    g.writeString(ts, 0, ts.length);
    g.writeFieldName(PLATE);
    g.writeStartObject();
    Plate plate = d.plate();
    g.writeFieldName(TEXT);
    g.writeString(plate.text());
    if (plate.country() != null) {
      g.writeFieldName(COUNTRY);
      g.writeString(plate.country());
    }
    g.writeFieldName(CONFIDENCE);
    g.writeNumber(d.confidence());
    g.writeEndObject();
    g.writeFieldName(VEHICLE_CLASS);
    g.writeString(d.vehicleClass().name());
    if (d.hasSpeed()) {
      g.writeFieldName(SPEED);
      g.writeNumber(d.speedKmh());
    }
    if (d.lane() != 0) {
      g.writeFieldName(LANE);
      g.writeNumber(d.lane());
    }
    if (d.signal() != null) {
      g.writeFieldName(SIGNAL);
      g.writeStartObject();
      g.writeFieldName(STATE);
      g.writeString(d.signal().state().name());
      if (d.signal().state() == Signal.State.RED) {
        g.writeFieldName(RED_ELAPSED);
        g.writeNumber(d.signal().redElapsedMs());
      }
      g.writeEndObject();
    }
    if (d.direction() != null) {
      g.writeFieldName(DIRECTION);
      g.writeString(d.direction().name());
    }
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** The instant as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, reformatting the seconds only on change. */
  private char[] format(Instant at) {
    long second = at.getEpochSecond();
    if (second != cachedSecond) {
      String prefix = SECONDS.format(at);
      timestamp = new char[prefix.length() + 5];
      prefix.getChars(0, prefix.length(), timestamp, 0);
      timestamp[prefix.length()] = '.';
      timestamp[timestamp.length - 1] = 'Z';
      cachedSecond = second;
    }
    int millis = at.getNano() / 1_000_000;
    int n = timestamp.length;
    timestamp[n - 4] = (char) ('0' + millis / 100);
    timestamp[n - 3] = (char) ('0' + millis / 10 % 10);
    timestamp[n - 2] = (char) ('0' + millis % 10);
    return timestamp;
  }
}
