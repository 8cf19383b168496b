package org.vigil.http.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.traffic.incident.Incident;
import org.vigil.traffic.incident.IncidentEvent;
import org.vigil.traffic.incident.IncidentKind;

class IncidentHubTest {
  static final Instant T = Instant.parse("2026-11-02T07:12:10Z");
  static final Incident INCIDENT =
      new Incident(
          Incident.idOf("C-012", T),
          "C-012",
          IncidentKind.FLOW_DROP,
          T,
          T.plusSeconds(35),
          12.04,
          300,
          Double.NaN,
          80,
          "camera C-012: flow fell");

  @Test
  void everySubscriberGetsEveryEventAndASlowOneIsDroppedAlone() throws Exception {
    IncidentHub hub = new IncidentHub(Duration.ofMillis(1));
    IncidentHub.Subscriber slow = hub.subscribe();
    IncidentHub.Subscriber quick = hub.subscribe();
    for (int i = 0; i < IncidentHub.QUEUE + 1; i++) {
      hub.publish(new IncidentEvent.Raised(INCIDENT));
      assertThat(quick.next()).isNotNull();
    }
    assertThat(slow.next()).isNull();
    assertThat(slow.ended()).as("dropped once its queue was full").isTrue();
    assertThat(hub.subscribers()).isEqualTo(1);
    assertThat(quick.next()).as("a heartbeat interval without events").isNull();
    assertThat(quick.ended()).isFalse();
    hub.close();
    quick.next();
    assertThat(quick.ended()).isTrue();
    IncidentHub.Subscriber late = hub.subscribe();
    late.next();
    assertThat(late.ended()).isTrue();
  }

  @Test
  void aFrameIsTheEventNameAndTheIncidentAsOneLineOfJson() {
    assertThat(IncidentRoutes.frame(new IncidentEvent.Cleared(INCIDENT, T.plusSeconds(90))))
        .isEqualTo(
            "event: incident-cleared\ndata: {\"id\":\""
                + INCIDENT.id()
                + "\",\"cameraId\":\"C-012\",\"kind\":\"FLOW_DROP\","
                + "\"startedAt\":\"2026-11-02T07:12:10Z\",\"detectedAt\":\"2026-11-02T07:12:45Z\","
                + "\"clearedAt\":\"2026-11-02T07:13:40Z\",\"observedFlowPerMinute\":12.0,"
                + "\"usualFlowPerMinute\":300.0,\"observedSpeedKmh\":null,\"usualSpeedKmh\":80.0,"
                + "\"detail\":\"camera C-012: flow fell\"}\n\n");
  }
}
