package org.vigil.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Violation;
import org.vigil.testkit.kafka.KafkaBrokerExtension;

/**
 * Issue 6, failure: one of two processing nodes is stopped while the city's detections are being
 * decided; the other takes over its partitions and their section state, and no violation is lost or
 * written twice.
 */
class StopNodeIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir Path dir;

  @Test
  void stoppingOneNodeMidStreamLosesAndDuplicatesNoViolation() throws Exception {
    try (ScaleOut run = new ScaleOut(KAFKA, dir, 12, 6)) {
      Map<UUID, Violation> expected = run.embedded();
      run.startNode(0, KAFKA.bootstrapServers());
      ProcessNode second = run.startNode(1, KAFKA.bootstrapServers());
      run.awaitReady();

      List<Detection> all = run.detections;
      run.post(all.subList(0, all.size() / 2));
      ScaleOut.await(
          () -> run.sink.metrics().violationsRead() > 0,
          Duration.ofSeconds(60),
          "the first violations arrive");
      run.log("stopping node 1");
      assertThat(run.stopNode(1, Duration.ofSeconds(20))).isTrue();
      run.post(all.subList(all.size() / 2, all.size()));
      run.log("posted the rest");

      run.assertSameAsEmbedded(expected, Duration.ofSeconds(90));
      assertThat(second.isLive()).isFalse();
    }
  }
}
