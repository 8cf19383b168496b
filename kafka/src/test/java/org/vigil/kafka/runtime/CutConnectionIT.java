package org.vigil.kafka.runtime;

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
 * Issue 6, failure: one of two processing nodes loses its connection to the broker (a TCP proxy
 * between them is cut) while the city's detections are being decided, for longer than its session
 * timeout; the other node takes over, the cut node's open transaction is aborted, and when the
 * connection returns the cut node is fenced and rejoins. No violation is lost or written twice.
 */
class CutConnectionIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(1);

  @TempDir Path dir;

  @Test
  void cuttingOneNodesBrokerConnectionMidStreamLosesAndDuplicatesNoViolation() throws Exception {
    try (ScaleOut run = new ScaleOut(KAFKA, dir, 13, 6)) {
      Map<UUID, Violation> expected = run.embedded();
      run.startNode(0, KAFKA.bootstrapServers());
      run.startNode(1, KAFKA.proxiedBootstrapServers(0));
      run.awaitReady();

      List<Detection> all = run.detections;
      run.post(all.subList(0, all.size() / 2));
      ScaleOut.await(
          () -> run.sink.metrics().violationsRead() > 0,
          Duration.ofSeconds(60),
          "the first violations arrive");
      run.log("cutting node 1 off the broker");
      KAFKA.proxy(0).cut();
      run.post(all.subList(all.size() / 2, all.size()));
      // node 0 alone finishes the city: once node 1's session times out (6 s) the group gives
      // its tasks to node 0, which restores their state once node 1's open transaction is aborted
      run.awaitStored(expected.keySet(), Duration.ofSeconds(90));
      long rebalances = run.node(1).metrics().rebalances();
      run.log("node 0 alone stored every violation; restoring node 1's connection");
      KAFKA.proxy(0).restore();
      // node 1 learns that it was fenced out of the group, and rejoins
      ScaleOut.await(
          () -> run.node(1).metrics().rebalances() > rebalances && run.node(1).isReady(),
          Duration.ofSeconds(60),
          "node 1 rejoins");
      run.log("node 1 rejoined");

      run.assertSameAsEmbedded(expected, Duration.ofSeconds(120));
    }
  }
}
