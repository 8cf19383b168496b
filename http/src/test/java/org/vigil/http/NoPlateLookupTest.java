package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A plate is reached only through a violation (later: a case), never the other way round: no route
 * offers a plate filter or a "where was this vehicle" lookup. This test holds the line for the
 * published API (every query parameter and path in openapi.yaml) and for the code (every query
 * parameter a handler reads).
 */
class NoPlateLookupTest {
  /** Words that, in a parameter or path, would make a plate or a vehicle searchable. */
  static final List<String> DENIED =
      List.of("plate", "vehicle", "registration", "licen", "keeper", "owner", "vin", "track");

  @Test
  void noPublishedQueryParameterOrPathSearchesByPlateOrVehicle() throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/org/vigil/http/openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> names = new ArrayList<>();
    Matcher query = Pattern.compile("\\{name: ([A-Za-z_-]+), in: query").matcher(yaml);
    while (query.find()) {
      names.add(query.group(1));
    }
    assertThat(names).as("query parameters in openapi.yaml").contains("cameraId", "from");
    Matcher path = Pattern.compile("(?m)^  (/\\S*):$").matcher(yaml);
    List<String> paths = new ArrayList<>();
    while (path.find()) {
      paths.add(path.group(1));
    }
    assertThat(paths).contains("/api/v1/violations");
    assertThat(denied(names)).as("plate-like query parameters").isEmpty();
    assertThat(denied(paths)).as("plate-like paths").isEmpty();
  }

  @Test
  void noHandlerReadsAPlateLikeQueryParameter() throws IOException {
    Pattern read =
        Pattern.compile(
            "(?:\\(\\s*(?:q|query|req\\.query\\(\\))\\s*,\\s*|\\bq\\.(?:get|contains|all|first)\\()"
                + "\"([A-Za-z_-]+)\"");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = read.matcher(Files.readString(f));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    assertThat(names).as("query parameters read by handlers").contains("cameraId", "cursor");
    assertThat(denied(names)).isEmpty();
  }

  static List<String> denied(List<String> names) {
    return names.stream()
        .filter(
            n -> {
              String lower = n.toLowerCase(Locale.ROOT);
              return DENIED.stream()
                  .anyMatch(d -> d.equals("vin") ? lower.equals("vin") : lower.contains(d));
            })
        .toList();
  }
}
