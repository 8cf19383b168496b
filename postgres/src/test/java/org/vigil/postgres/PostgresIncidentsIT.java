package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.traffic.incident.Incident;
import org.vigil.traffic.incident.IncidentEvent;
import org.vigil.traffic.incident.IncidentKind;

/** Against a real, embedded PostgreSQL. */
class PostgresIncidentsIT {
  static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");
  @TempDir static Path dataDir;
  static Database database;
  static PostgresIncidents incidents;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    incidents = new PostgresIncidents(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  static Incident incident(String camera, int minute, IncidentKind kind, double observedSpeed) {
    Instant start = T0.plusSeconds(60L * minute);
    return new Incident(
        Incident.idOf(camera, start),
        camera,
        kind,
        start,
        start.plusSeconds(35),
        12,
        300,
        observedSpeed,
        80,
        "camera " + camera + ": it fell");
  }

  @Test
  void recordsIdempotentlyAndListsWithFilters() throws Exception {
    Incident a = incident("C-001", 10, IncidentKind.FLOW_DROP, Double.NaN);
    Incident b = incident("C-002", 20, IncidentKind.SPEED_DROP, 11.5);
    Incident c = incident("C-001", 30, IncidentKind.FLOW_DROP, 20);
    incidents.record(new IncidentEvent.Raised(a));
    incidents.record(new IncidentEvent.Raised(a));
    incidents.record(new IncidentEvent.Raised(b));
    incidents.record(new IncidentEvent.Raised(c));
    Instant cleared = a.detectedAt().plusSeconds(120);
    incidents.record(new IncidentEvent.Cleared(a, cleared));
    incidents.record(new IncidentEvent.Cleared(a, cleared.plusSeconds(60)));

    List<RecordedIncident> all =
        incidents.find(new IncidentQuery(null, T0.plusSeconds(2400), null, null, 100));
    assertThat(all).extracting(r -> r.incident()).containsExactly(c, b, a);
    assertThat(all.get(2).clearedAt()).as("the first clearing is kept").isEqualTo(cleared);
    assertThat(all.get(1).incident().observedSpeedKmh()).isEqualTo(11.5);
    assertThat(all.get(2).incident().observedSpeedKmh()).isNaN();

    assertThat(find(null, null, "C-001", null, 100)).containsExactly(c, a);
    assertThat(find(null, T0.plusSeconds(2400), null, true, 100)).containsExactly(c, b);
    assertThat(find(null, T0.plusSeconds(2400), null, false, 100)).containsExactly(a);
    assertThat(find(T0.plusSeconds(600), T0.plusSeconds(1800), null, null, 100))
        .containsExactly(b, a);
    assertThat(find(null, T0.plusSeconds(2400), null, null, 1)).containsExactly(c);
  }

  @Test
  void aClearingWhoseRaiseWasMissedRecordsBoth() throws Exception {
    Incident d = incident("C-009", 50, IncidentKind.FLOW_DROP, Double.NaN);
    incidents.cleared(d, d.detectedAt().plusSeconds(10));
    assertThat(find(null, null, "C-009", false, 10)).containsExactly(d);
  }

  static List<Incident> find(Instant from, Instant to, String camera, Boolean open, int limit)
      throws Exception {
    return incidents.find(new IncidentQuery(from, to, camera, open, limit)).stream()
        .map(RecordedIncident::incident)
        .toList();
  }
}
