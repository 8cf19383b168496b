package org.vigil.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.pipeline.LiveCounters;

class MetricsRoutesTest {

  @Test
  void scrapeNamesEveryPipelineTotalAndTheIngestTimer() {
    try (MetricsRoutes metrics = new MetricsRoutes(new LiveCounters())) {
      String text = metrics.scrape();
      assertThat(text)
          .contains("vigil_detections_accepted_total 0.0")
          .contains("vigil_detections_late_total 0.0")
          .contains("vigil_violations_total{type=\"SECTION_SPEED\"} 0.0")
          .contains("vigil_violations_held_total 0.0")
          .contains("vigil_ingest_request_seconds_bucket")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void timedIngestRecordsEachRequestEvenWhenItFails() throws Exception {
    try (MetricsRoutes metrics = new MetricsRoutes(null)) {
      metrics.timedIngest((req, res) -> {}).handle(null, null);
      try {
        metrics
            .timedIngest(
                (req, res) -> {
                  throw new IllegalStateException("refused");
                })
            .handle(null, null);
      } catch (IllegalStateException expected) {
        // the failure still counts as a request
      }
      assertThat(metrics.scrape()).contains("vigil_ingest_request_seconds_count 2");
    }
  }
}
