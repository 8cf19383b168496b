package org.vigil.http.ingest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.http.BadRequestException;
import org.vigil.http.Bodies;
import org.vigil.http.Json;
import org.vigil.pipeline.CameraGrant;
import org.vigil.pipeline.DetectionIntake;
import org.vigil.pipeline.IngestItem;
import org.vigil.pipeline.IngestResult;
import org.vigil.pipeline.StorageUnavailableException;

/**
 * {@code POST /api/v1/detections}: a camera's batch in, counts and rejections out. The answer is
 * sent only after every violation of the batch is durable.
 */
public final class IngestHandler implements Handler {

  /** The largest body accepted: 32 MiB, about 150,000 detections' worth, far above MAX_ITEMS. */
  public static final int MAX_BODY_BYTES = 32 << 20;

  private final DetectionIntake pipeline;
  private final IngestKeys keys;

  public IngestHandler(DetectionIntake pipeline, IngestKeys keys) {
    this.pipeline = pipeline;
    this.keys = keys;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    Optional<CameraGrant> grant =
        req.headers()
            .first(HeaderNames.AUTHORIZATION)
            .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(v -> v.substring(7).trim())
            .flatMap(keys::grantOf);
    if (grant.isEmpty()) {
      res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"vigil-ingest\"");
      Json.error(
          res,
          Status.UNAUTHORIZED_401,
          "a valid camera key is needed: Authorization: Bearer <key>");
      return;
    }
    DetectionParser.Format format =
        switch (Bodies.mediaType(req)) {
          case "application/x-ndjson", "application/ndjson", "application/jsonl" ->
              DetectionParser.Format.NDJSON;
          case "application/json", "" -> DetectionParser.Format.JSON;
          default ->
              throw new BadRequestException(
                  Status.UNSUPPORTED_MEDIA_TYPE_415,
                  "Content-Type '"
                      + Bodies.mediaType(req)
                      + "' is not accepted; use application/x-ndjson or application/json");
        };
    List<IngestItem> items = DetectionParser.parse(Bodies.read(req, MAX_BODY_BYTES), format);
    IngestResult result;
    try {
      result = pipeline.ingest(items, grant.get());
    } catch (StorageUnavailableException e) {
      res.header(HeaderNames.RETRY_AFTER, "5");
      Json.error(res, Status.SERVICE_UNAVAILABLE_503, e.getMessage());
      return;
    }
    Json.send(res, Status.OK_200, body(result));
  }

  private static Map<String, Object> body(IngestResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", result.accepted());
    body.put("duplicates", result.duplicates());
    body.put("violations", result.violations());
    List<Map<String, Object>> rejected = new ArrayList<>(result.rejected().size());
    for (IngestResult.Rejection r : result.rejected()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("index", r.index());
      item.put("eventId", r.eventId());
      item.put("reason", r.reason());
      rejected.add(item);
    }
    body.put("rejected", rejected);
    return body;
  }
}
