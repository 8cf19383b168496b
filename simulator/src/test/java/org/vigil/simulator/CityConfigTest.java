package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CityConfigTest {

  @Test
  void defaultsAreTheDocumentedCity() {
    CityConfig c = CityConfig.defaults();
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.cameras()).isEqualTo(12);
    assertThat(c.sections()).isEqualTo(4);
    assertThat(c.detectionsPerSecond()).isEqualTo(200);
    assertThat(c.speederShare()).isEqualTo(0.03);
    assertThat(c.start()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
  }

  @Test
  void aMissingStartIsTheDefaultAndStartsAreTruncatedToMillis() {
    assertThat(new CityConfig(1, 2, 1, 10, 0.1).start()).isEqualTo(CityConfig.DEFAULT_START);
    Instant now = Instant.parse("2026-01-01T00:00:00.123456789Z");
    assertThat(CityConfig.defaults().withStart(now).start())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void badValuesAreNamedInTheMessage() {
    assertThatThrownBy(() -> new CityConfig(1, 1, 0, 10, 0.1))
        .hasMessageContaining("cameras")
        .hasMessageContaining("was 1");
    assertThatThrownBy(() -> new CityConfig(1, 5, 3, 10, 0.1))
        .hasMessageContaining("sections")
        .hasMessageContaining("was 3");
    assertThatThrownBy(() -> new CityConfig(1, 5, -1, 10, 0.1)).hasMessageContaining("was -1");
    assertThatThrownBy(() -> new CityConfig(1, 5, 1, 0, 0.1))
        .hasMessageContaining("detectionsPerSecond")
        .hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> new CityConfig(1, 5, 1, Double.NaN, 0.1))
        .hasMessageContaining("was NaN");
    assertThatThrownBy(() -> new CityConfig(1, 5, 1, 10, 1.5))
        .hasMessageContaining("speederShare")
        .hasMessageContaining("was 1.5");
  }
}
