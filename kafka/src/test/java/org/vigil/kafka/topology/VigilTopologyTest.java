package org.vigil.kafka.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.EpochKeys;
import org.vigil.enforcement.Exemptions;
import org.vigil.kafka.KafkaTopics;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.tariff.TariffBook;

/** The configuration both the runtime and the tests use, and the shape of the topology. */
class VigilTopologyTest {

  @Test
  void theStreamsConfigIsExactlyOnceWithRetentionOfTheSectionWindowPlusLateness() {
    Properties p =
        VigilTopology.streamsConfig("broker:9092", KafkaTopics.APPLICATION_ID, Path.of("/tmp/s"));
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(KafkaTopics.APPLICATION_ID);
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/tmp/s");
    assertThat(p.get(StreamsConfig.topicPrefix("retention.ms")))
        .isEqualTo(Long.toString(Duration.ofMinutes(35).toMillis()));
    new StreamsConfig(p); // valid as a whole
  }

  @Test
  void theTopologyReadsDetectionsAndWritesViolationsAndPassagesThroughOneRepartitionByTag() {
    Topology t =
        VigilTopology.build(
            VigilTopology.Settings.defaults(),
            () -> Sites.of(List.of(), List.of()),
            Exemptions.NONE,
            () -> new Fines(TariffBook.of(List.of())),
            EpochKeys.secure(),
            new byte[32],
            Clock.systemUTC(),
            new TopologyMetrics());
    String description = t.describe().toString();
    assertThat(description)
        .contains(
            KafkaTopics.DETECTIONS,
            KafkaTopics.VIOLATIONS,
            KafkaTopics.PASSAGES,
            VigilTopology.PLACEMENTS + "-repartition",
            VigilTopology.EVENT_STORE,
            VigilTopology.SECTION_STORE,
            VigilTopology.SECTION_DUE_STORE);
    assertThat(t.describe().subtopologies()).hasSize(2);
  }

  @Test
  void settingsNameTheirBadValue() {
    assertThatThrownBy(
            () -> new VigilTopology.Settings(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("PT-1S");
    assertThatThrownBy(
            () -> new VigilTopology.Settings(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(30)))
        .hasMessageContaining("dedupWindow");
    assertThatThrownBy(
            () ->
                VigilTopology.build(
                    VigilTopology.Settings.defaults(),
                    () -> null,
                    Exemptions.NONE,
                    () -> null,
                    EpochKeys.secure(),
                    new byte[16],
                    Clock.systemUTC(),
                    new TopologyMetrics()))
        .hasMessageContaining("16");
  }
}
