package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
  @TempDir Path dir;

  @Test
  void readsRolePartitionsAndSecret() throws Exception {
    Path secret = Files.write(dir.resolve("s"), new byte[32]);
    KafkaSettings s =
        KafkaSettings.of(
            "localhost:9092",
            "Process",
            Map.of("VIGIL_KAFKA_SECRET_FILE", secret.toString(), "VIGIL_KAFKA_PARTITIONS", "4"));
    assertThat(s.role()).isEqualTo(KafkaSettings.Role.PROCESS);
    assertThat(s.partitions()).isEqualTo(4);
    assertThat(s.secret()).hasToString("ClusterSecret[hidden]");
  }

  @Test
  void namesTheBadValue() throws Exception {
    Path secret = Files.write(dir.resolve("short"), new byte[31]);
    Map<String, String> env = Map.of("VIGIL_KAFKA_SECRET_FILE", secret.toString());
    assertThatThrownBy(() -> KafkaSettings.of("b:9092", "router", env))
        .hasMessageContaining("'router'");
    assertThatThrownBy(() -> KafkaSettings.of("b:9092", null, env)).hasMessageContaining("--role");
    assertThatThrownBy(() -> KafkaSettings.of("b:9092", "ingest", Map.of()))
        .hasMessageContaining("VIGIL_KAFKA_SECRET_FILE");
    assertThatThrownBy(
            () ->
                KafkaSettings.of(
                    "b:9092",
                    "ingest",
                    Map.of(
                        "VIGIL_KAFKA_SECRET_FILE",
                        secret.toString(),
                        "VIGIL_KAFKA_PARTITIONS",
                        "many")))
        .hasMessageContaining("'many'");
    assertThatThrownBy(() -> KafkaSettings.of("b:9092", "ingest", env).secret())
        .hasMessageContaining("held 31");
  }
}
