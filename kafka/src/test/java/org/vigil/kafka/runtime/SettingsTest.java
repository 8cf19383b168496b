package org.vigil.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.kafka.KafkaTopics;
import org.vigil.kafka.ingest.KafkaIngest;
import org.vigil.kafka.keys.SharedEpochKeys;
import org.vigil.kafka.sink.ViolationSink;

/** The runtime's settings refuse what cannot work, naming the bad value. */
class SettingsTest {

  @Test
  void topicSettings() {
    Topics.Settings d = Topics.Settings.defaults(6);
    assertThat(d.partitions()).isEqualTo(6);
    assertThat(d.detections()).isEqualTo(Duration.ofMinutes(35));
    assertThat(d.violations()).isEqualTo(Duration.ofDays(7));
    assertThat(d.passages()).isEqualTo(Duration.ofDays(1));
    assertThat(d.epochKeys()).isEqualTo(Duration.ofHours(3));
    assertThatThrownBy(() -> Topics.Settings.defaults(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> d.withEpochKeys(Duration.ZERO))
        .hasMessageContaining("epochKeys retention must be positive, was PT0S");
    var keys = Topics.epochKeys(Duration.ofHours(3));
    assertThat(keys.name()).isEqualTo(KafkaTopics.EPOCH_KEYS);
    assertThat(keys.numPartitions()).isEqualTo(1);
    assertThat(keys.configs()).containsEntry("retention.ms", "10800000");
  }

  @Test
  void epochKeySettings() {
    SharedEpochKeys.Settings d = SharedEpochKeys.Settings.defaults();
    assertThat(d.keep()).isEqualTo(Duration.ofMinutes(110));
    assertThatThrownBy(
            () ->
                new SharedEpochKeys.Settings(
                    Duration.ofMillis(10),
                    Duration.ofHours(3),
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("PT0.01S");
    assertThatThrownBy(
            () ->
                new SharedEpochKeys.Settings(
                    Duration.ofHours(1), Duration.ofHours(3), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("deadline must be positive, was PT0S");
  }

  @Test
  void ingestAndSinkSettings() {
    assertThatThrownBy(
            () ->
                new KafkaIngest.Settings(
                    Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ZERO))
        .hasMessageContaining("PT0.5S");
    assertThatThrownBy(
            () ->
                new KafkaIngest.Settings(
                    Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMillis(-1)))
        .hasMessageContaining("PT-0.001S");
    assertThatThrownBy(
            () -> new ViolationSink.Settings(Duration.ofSeconds(30), Duration.ofSeconds(1), 0))
        .hasMessageContaining("maxPollRecords must be at least 1, was 0");
  }
}
