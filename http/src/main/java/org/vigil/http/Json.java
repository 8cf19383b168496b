package org.vigil.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out: one configured factory and mapper, and the error body every route uses. */
public final class Json {

  /**
   * The limits every JSON body is read under. Detections are three levels deep; a deeper document
   * is hostile and is refused before it costs anything.
   */
  public static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(16)
          .maxStringLength(1 << 20)
          .maxNumberLength(64)
          .maxNameLength(256)
          .build();

  public static final JsonFactory FACTORY =
      JsonFactory.builder().streamReadConstraints(LIMITS).build();

  public static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

  private Json() {}

  /** Sends {@code body} as JSON with {@code status}. */
  public static void send(ServerResponse res, Status status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response body", e);
    }
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(bytes);
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  public static void error(ServerResponse res, Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.code());
    body.put("error", message);
    send(res, status, body);
  }
}
