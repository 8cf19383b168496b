package org.vigil.kafka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.testkit.PlateSearch;
import org.vigil.testkit.kafka.KafkaBrokerExtension;

/**
 * Issue 6, equivalence: a simulated city with every violation type, posted to an ingest node and
 * decided by two processing nodes, ends in PostgreSQL as exactly the violations the embedded
 * runtime records for the same posts: the same ids, equal field by field, each once; and no plate
 * is in clear anywhere in the broker's data or the nodes' state.
 */
class KafkaEquivalenceIT {
  // small index files, so that the search for plates does not read gigabytes of preallocated zeros
  @RegisterExtension
  static final KafkaBrokerExtension KAFKA =
      new KafkaBrokerExtension(0, Map.of("log.index.size.max.bytes", "65536"));

  @TempDir Path dir;

  @Test
  void twoProcessingNodesDecideASimulatedCityExactlyAsTheEmbeddedRuntime() throws Exception {
    try (ScaleOut run = new ScaleOut(KAFKA, dir, 11, 6)) {
      Map<UUID, Violation> expected = run.embedded();
      assertThat(ScaleOut.types(expected)).containsExactlyInAnyOrder(ViolationType.values());

      run.startNode(0, KAFKA.bootstrapServers());
      run.startNode(1, KAFKA.bootstrapServers());
      run.awaitReady();
      run.post(run.detections);
      run.log("posted " + run.detections.size() + " detections, expecting " + expected.size());

      run.assertSameAsEmbedded(expected, Duration.ofSeconds(90));
      assertThat(run.node(0).topologyMetrics().processed()).as("both nodes took part").isPositive();
      assertThat(run.node(1).topologyMetrics().processed()).isPositive();

      // the figures the lead exposes at /metrics
      for (ViolationType type : ViolationType.values()) {
        long expectedOfType = expected.values().stream().filter(v -> v.type() == type).count();
        long decided =
            run.node(0).topologyMetrics().violations(type)
                + run.node(1).topologyMetrics().violations(type);
        assertThat(decided)
            .as("decisions by rule: %s", type)
            .isGreaterThanOrEqualTo(expectedOfType);
      }
      for (int i = 0; i < 2; i++) {
        ProcessNode.Metrics m = run.node(i).metrics();
        assertThat(m.state()).isEqualTo("RUNNING");
        assertThat(m.consumerLag()).isGreaterThanOrEqualTo(0);
        assertThat(m.processRate()).isGreaterThanOrEqualTo(0);
      }
      assertThat(run.sink.metrics().lag()).isZero();
      assertThat(run.sink.metrics().latencyNanosMax()).isPositive();
      assertThat(run.ingest.metrics().accepted()).isEqualTo(run.detections.size());
      assertThat(run.ingest.metrics().sendFailures()).isZero();

      // no plate, of a compliant vehicle or a speeder, in clear in the broker's logs (every
      // topic, internal ones too) or the processing nodes' state directories
      Set<String> plates = new HashSet<>(run.city.compliantPlates());
      plates.addAll(run.city.speederPlates());
      assertThat(plates).hasSizeGreaterThan(10_000);
      run.log("searching the broker's data and the nodes' state for " + plates.size() + " plates");
      assertThat(PlateSearch.find(KAFKA.broker().config().dataDir(), plates)).isEmpty();
      assertThat(PlateSearch.find(dir.resolve("state-0"), plates)).isEmpty();
      assertThat(PlateSearch.find(dir.resolve("state-1"), plates)).isEmpty();
      run.log("no plate found");
    }
  }
}
