package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.SitesBuilder;

class SitesTest {

  @Test
  void listsEveryProblemNamingEntryAndField() {
    Camera a = new Camera("A", "a", 2, new SpeedLimit(60, 5), null);
    Camera dup = new Camera("A", "a again", 2, new SpeedLimit(60, 5), null);
    Section s = new Section("S", "A", "Z", 500, new SpeedLimit(60, 5));
    assertThatThrownBy(() -> Sites.of(List.of(a, dup), List.of(s)))
        .isInstanceOf(InvalidSitesException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSitesException) e).problems())
                    .containsExactly(
                        "cameras[1] 'A': id is used by an earlier camera",
                        "sections[0] 'S': exitCameraId 'Z' is not a known camera"));
  }

  @Test
  void valuesNameTheBadField() {
    assertThatThrownBy(() -> new SpeedLimit(0, 10))
        .hasMessage("speedLimitKmh must be between 1 and 300, was 0");
    assertThatThrownBy(() -> new Camera("A", null, 0, new SpeedLimit(60, 5), null))
        .hasMessage("lanes must be between 1 and 16, was 0");
    assertThatThrownBy(() -> new Section("S", "A", "A", 10, new SpeedLimit(60, 5)))
        .hasMessageContaining("exitCameraId must differ");
    assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("location.lat");
  }

  @Test
  void removingACameraThatASectionUsesIsRefused() {
    Sites sites = SitesBuilder.standard();
    assertThatThrownBy(() -> sites.withoutCamera("B-007"))
        .isInstanceOf(InvalidSitesException.class)
        .hasMessageContaining("exitCameraId 'B-007' is not a known camera");
    assertThat(sites.withoutSection("S-1").withoutCamera("B-007").cameras()).hasSize(1);
  }

  @Test
  void shortestLegalTravelTimeIsTheTimeAtLimitPlusTolerance() {
    Section s = new Section("S", "A", "B", 1000, new SpeedLimit(90, 10));
    assertThat(s.shortestLegalTravelTime()).isEqualTo(Duration.ofSeconds(36));
    assertThat(s.isSpeeding(Duration.ofSeconds(36), s.limit())).isFalse();
    assertThat(s.isSpeeding(Duration.ofSeconds(36).minusNanos(1), s.limit())).isTrue();
  }
}
