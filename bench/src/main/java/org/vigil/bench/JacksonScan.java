package org.vigil.bench;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.vigil.http.Json;

/**
 * Plain Jackson streaming over an NDJSON body: the cost of merely tokenising it as JSON, the
 * baseline the server's parser is compared with. Uses the server's {@link Json#FACTORY}, so the
 * same read limits apply.
 */
public final class JacksonScan {
  private JacksonScan() {}

  /**
   * Finds every token of every line of {@code ndjson} (a sequence of root-level values) without
   * decoding any value.
   *
   * @return how many tokens there were
   * @throws IOException when the body is not JSON
   */
  public static long tokens(byte[] ndjson) throws IOException {
    long tokens = 0;
    try (JsonParser p = Json.FACTORY.createParser(ndjson)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }
}
