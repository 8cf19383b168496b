package org.vigil.http.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

  @Test
  void readyWhenEveryCheckPasses() {
    HealthRoutes health =
        new HealthRoutes("ingest", List.of(new HealthCheck("broker", Optional::empty)));
    assertThat(health.problems()).isEmpty();
  }

  @Test
  void namesEachFailingCheckWithItsProblem() {
    AtomicReference<Optional<String>> broker = new AtomicReference<>(Optional.empty());
    HealthRoutes health =
        new HealthRoutes(
            "process",
            List.of(
                new HealthCheck("database", () -> Optional.of("no connection")),
                new HealthCheck("broker", broker::get)));
    assertThat(health.problems()).containsExactly(java.util.Map.entry("database", "no connection"));
    broker.set(Optional.of("not acknowledged in 5 s"));
    assertThat(health.problems()).containsKeys("database", "broker");
  }

  @Test
  void aCheckThatThrowsFailsWithItsTypeOnly() {
    HealthRoutes health =
        new HealthRoutes(
            "cases",
            List.of(
                new HealthCheck(
                    "sink",
                    () -> {
                      throw new IllegalStateException("secret detail");
                    })));
    assertThat(health.problems())
        .containsExactly(java.util.Map.entry("sink", "the check failed: IllegalStateException"));
  }

  @Test
  void refusesANameThatIsNoShortWord() {
    assertThatThrownBy(() -> new HealthCheck("Data Base", Optional::empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Data Base'");
  }
}
