package org.vigil.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** Reading request bodies under a size limit. */
public final class Bodies {
  /** A body already read, kept in the request's context: a body can be read from the wire once. */
  private record Read(byte[] bytes) {}

  private Bodies() {}

  /**
   * Reads the whole body, refusing one longer than {@code maxBytes} with 413 before reading it when
   * the length is declared, or as soon as it is exceeded otherwise. A second call for the same
   * request (the guard reads a form body for its CSRF field, then the handler) answers the same
   * bytes.
   */
  public static byte[] read(ServerRequest req, int maxBytes) {
    Optional<Read> earlier = req.context().get(Read.class);
    if (earlier.isPresent()) {
      byte[] body = earlier.get().bytes();
      if (body.length > maxBytes) {
        throw tooLarge(maxBytes, body.length);
      }
      return body;
    }
    byte[] body = readOnce(req, maxBytes);
    req.context().register(new Read(body));
    return body;
  }

  private static byte[] readOnce(ServerRequest req, int maxBytes) {
    long declared = req.headers().contentLength().orElse(-1);
    if (declared > maxBytes) {
      throw tooLarge(maxBytes, declared);
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readNBytes(maxBytes);
      if (body.length == maxBytes && in.read() != -1) {
        throw tooLarge(maxBytes, -1);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /** The media type of the request without parameters, lower case; "" when absent. */
  public static String mediaType(ServerRequest req) {
    return req.headers()
        .first(HeaderNames.CONTENT_TYPE)
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }

  private static BadRequestException tooLarge(int maxBytes, long declared) {
    return new BadRequestException(
        Status.REQUEST_ENTITY_TOO_LARGE_413,
        "body of "
            + (declared >= 0 ? declared + " bytes" : "more than " + maxBytes + " bytes")
            + " is larger than the limit of "
            + maxBytes
            + " bytes; send smaller batches");
  }
}
