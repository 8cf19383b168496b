package org.vigil.kafka.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.TariffJson;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.codec.ViolationRecords;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.testkit.PlateSearch;
import org.vigil.testkit.TestClock;

/**
 * A simulated city with every violation type, driven through the plain {@link Enforcer} (priced
 * with {@link Fines} and de-duplicated by event id, as the embedded pipeline does) and through the
 * topology: the same violations, every field. Afterwards no record of any topic the topology wrote
 * (outputs, the repartition topic, the changelogs), no store and no byte of its state directory
 * holds a compliant vehicle's plate, nor a speeder's in clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCityTopologyTest {
  private static final int DETECTIONS = 10_000;
  private static final CityConfig CITY = new CityConfig(7, 12, 4, 40, 0.1);
  private static final Fines FINES = new Fines(TariffJson.builtIn());

  @TempDir static Path state;
  @TempDir static Path dump;

  private SimulatedCity city;
  private Harness topology;
  private final Map<UUID, Violation> plain = new HashMap<>();
  private final Map<UUID, Violation> streamed = new HashMap<>();
  private final Map<String, List<TestRecord<byte[], byte[]>>> written = new HashMap<>();

  @BeforeAll
  void driveTheCityThroughBoth() {
    city = new SimulatedCity(CITY);
    Sites sites = city.sites();
    TestClock clock = new TestClock(CITY.start());
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(),
            new EpochKeys(Harness.SHARED, EpochKeys.DEFAULT_EPOCH),
            new StreamClock(clock, VigilTopology.Settings.defaults().allowedLateness()),
            clock,
            Exemptions.NONE);
    Set<String> events = new HashSet<>();
    topology = new Harness(sites, FINES, state, CITY.start());
    for (int i = 0; i < DETECTIONS; i++) {
      SimulatedDetection s = city.next();
      Detection d = s.detection();
      clock.set(d.observedAt());
      if (events.add(d.cameraId() + "/" + d.eventId())
          && enforcer.decide(d, sites, d.observedAt()) instanceof Decision.Decided decided) {
        decided.violations().forEach(v -> plain.put(v.id(), FINES.assess(v, sites)));
      }
      topology.send(d);
    }
    topology.advance(Duration.ofSeconds(2));
    for (String topic : topology.driver.producedTopicNames()) {
      written.put(topic, topology.written(topic));
    }
    for (TestRecord<byte[], byte[]> r : written.get(KafkaTopics.VIOLATIONS)) {
      Violation v = ViolationRecords.open(r.value(), Harness.VIOLATION_KEY);
      assertThat(streamed.put(v.id(), v)).as("each violation is emitted once").isNull();
    }
  }

  @AfterAll
  void close() {
    topology.close();
  }

  @Test
  void theTopologyDecidesWhatThePlainEnforcerDecides() {
    assertThat(plain.values().stream().map(Violation::type).distinct())
        .as("the city shows every violation type")
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ViolationType.class));
    assertThat(streamed.keySet()).isEqualTo(plain.keySet());
    for (UUID id : plain.keySet()) {
      assertThat(streamed.get(id)).as("violation " + id).isEqualTo(plain.get(id));
    }
    assertThat(topology.metrics.dropped()).isZero();
    assertThat(topology.metrics.processed()).isEqualTo(DETECTIONS);
  }

  @Test
  void nothingWrittenHoldsACompliantPlateNorASpeedersInClear() throws IOException {
    int n = 0;
    for (var topic : written.entrySet()) {
      for (TestRecord<byte[], byte[]> r : topic.getValue()) {
        Path f = dump.resolve(topic.getKey() + "-" + n++);
        Files.write(f, concat(r));
      }
    }
    assertThat(written.keySet())
        .contains(
            KafkaTopics.VIOLATIONS,
            KafkaTopics.PASSAGES,
            Harness.APP + "-" + VigilTopology.PLACEMENTS + "-repartition",
            Harness.changelog(VigilTopology.SECTION_STORE),
            Harness.changelog(VigilTopology.EVENT_STORE));
    for (String store :
        List.of(
            VigilTopology.EVENT_STORE,
            VigilTopology.SECTION_STORE,
            VigilTopology.SECTION_DUE_STORE)) {
      KeyValueStore<Bytes, byte[]> s = topology.driver.getKeyValueStore(store);
      try (KeyValueIterator<Bytes, byte[]> all = s.all()) {
        while (all.hasNext()) {
          KeyValue<Bytes, byte[]> e = all.next();
          Files.write(dump.resolve(store + "-" + n++), concat(e.key.get(), e.value));
        }
      }
    }
    Set<String> compliant = city.compliantPlates();
    Set<String> speeders = city.speederPlates();
    assertThat(compliant).hasSizeGreaterThan(5_000);
    assertThat(PlateSearch.find(dump, compliant))
        .as("compliant plates in records or stores")
        .isEmpty();
    assertThat(PlateSearch.find(state, compliant))
        .as("compliant plates in the state dir")
        .isEmpty();
    assertThat(PlateSearch.find(dump, speeders)).as("speeders' plates in clear").isEmpty();
    assertThat(PlateSearch.find(state, speeders)).as("speeders' plates in the state dir").isEmpty();
    assertThat(streamed.values().stream().map(v -> v.plate().text()).toList())
        .as("the sealed violations do carry the speeders' plates")
        .containsAnyElementsOf(speeders);
    String planted = speeders.iterator().next();
    Files.writeString(dump.resolve("planted"), "x" + planted + "y");
    assertThat(PlateSearch.find(dump, speeders)).containsOnlyKeys(planted);
  }

  private static byte[] concat(TestRecord<byte[], byte[]> r) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(r.key() == null ? new byte[0] : r.key());
    parts.add(r.value() == null ? new byte[0] : r.value());
    for (Header h : r.headers()) {
      parts.add(h.key().getBytes(StandardCharsets.UTF_8));
      parts.add(h.value() == null ? new byte[0] : h.value());
    }
    return concat(parts.toArray(byte[][]::new));
  }

  private static byte[] concat(byte[]... parts) {
    int size = 0;
    for (byte[] p : parts) {
      size += p.length + 1;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length + 1;
    }
    return out;
  }
}
