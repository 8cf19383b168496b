package org.vigil.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentTest {
  static final Instant T = Instant.parse("2026-11-02T07:12:10Z");

  static Incident incident(Instant startedAt, Instant detectedAt, double observedFlow) {
    return new Incident(
        Incident.idOf("C-001", startedAt),
        "C-001",
        IncidentKind.FLOW_DROP,
        startedAt,
        detectedAt,
        observedFlow,
        600,
        Double.NaN,
        80,
        "flow fell");
  }

  @Test
  void theIdFollowsFromCameraAndStart() {
    assertThat(Incident.idOf("C-001", T)).isEqualTo(Incident.idOf("C-001", T));
    assertThat(Incident.idOf("C-001", T)).isNotEqualTo(Incident.idOf("C-002", T));
    assertThat(Incident.idOf("C-001", T)).isNotEqualTo(Incident.idOf("C-001", T.plusSeconds(10)));
  }

  @Test
  void refusesNonsenseNamingTheValue() {
    assertThatThrownBy(() -> incident(T, T.minusSeconds(1), 10))
        .hasMessageContaining("detectedAt 2026-11-02T07:12:09Z must not be before");
    assertThatThrownBy(() -> incident(T, T, -3))
        .hasMessageContaining("observedFlowPerMinute")
        .hasMessageContaining("was -3.0");
    Incident ok = incident(T, T.plusSeconds(35), 10);
    assertThatThrownBy(() -> new IncidentEvent.Cleared(ok, T))
        .hasMessageContaining("clearedAt 2026-11-02T07:12:10Z must not be before");
    assertThat(new IncidentEvent.Cleared(ok, T.plusSeconds(60)).incident()).isEqualTo(ok);
  }
}
