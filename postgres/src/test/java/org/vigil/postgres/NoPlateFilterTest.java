package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The store offers no way to find violations by plate: the query has no plate field, and no SQL in
 * PostgresViolations filters or orders by a plate's value (it writes and returns plates, and the
 * start-up sealing of rows stored before V6 asks only whether a clear plate is still there).
 */
class NoPlateFilterTest {

  @Test
  void theViolationQueryHasNoPlateOrVehicleField() {
    assertThat(
            Arrays.stream(ViolationQuery.class.getRecordComponents())
                .map(RecordComponent::getName)
                .map(n -> n.toLowerCase(Locale.ROOT)))
        .isNotEmpty()
        .noneMatch(n -> n.contains("plate") || n.contains("vehicle") || n.contains("keeper"));
  }

  @Test
  void noSqlFiltersByPlate() throws IOException {
    String source =
        Files.readString(Path.of("src/main/java/org/vigil/postgres/PostgresViolations.java"));
    assertThat(source).contains("plate_text");
    Pattern filter =
        Pattern.compile(
            "(?is)\\b(where|and|or|on|order\\s+by|group\\s+by)\\s+\\(?\\s*(\\w+\\.)?plate_\\w+\\b"
                + "(?!\\s+is\\s+(not\\s+)?null)");
    assertThat(filter.matcher("select id from violation where plate_text = ?").find())
        .as("the check itself sees a filter by plate")
        .isTrue();
    assertThat(filter.matcher(source).find())
        .as("a plate column after WHERE/AND/OR/ON/BY")
        .isFalse();
  }
}
