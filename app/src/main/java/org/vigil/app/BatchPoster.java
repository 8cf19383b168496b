package org.vigil.app;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.vigil.contract.IngestClient;

/**
 * Posts NDJSON batches for the command line and keeps the server's totals. A batch the server could
 * not make durable (503) is sent again, up to five times.
 */
final class BatchPoster {
  private final IngestClient client;
  final LongAdder sent = new LongAdder();
  final LongAdder accepted = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder violations = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder failedBatches = new LongAdder();
  private volatile String lastError;

  BatchPoster(URI url, String key) {
    this.client = new IngestClient(url, key);
  }

  /** Posts one batch of {@code items} detections; returns whether the server took it. */
  boolean post(byte[] ndjson, int items) throws InterruptedException {
    sent.add(items);
    for (int attempt = 1; ; attempt++) {
      try {
        IngestClient.Result r = client.post(ndjson);
        if (r.ok()) {
          accepted.add(r.accepted());
          duplicates.add(r.duplicates());
          violations.add(r.violations());
          rejected.add(r.rejected());
          return true;
        }
        lastError = "HTTP " + r.status() + ": " + r.body();
        if (r.status() != 503 || attempt == 5) {
          failedBatches.increment();
          return false;
        }
      } catch (IOException e) {
        lastError = e.toString();
        if (attempt == 5) {
          failedBatches.increment();
          return false;
        }
      }
      Thread.sleep(200L * attempt);
    }
  }

  /** The totals as one line. */
  String totals() {
    return String.format(
        Locale.ROOT,
        "sent %,d · accepted %,d · duplicates %,d · rejected %,d · violations %,d%s",
        sent.sum(),
        accepted.sum(),
        duplicates.sum(),
        rejected.sum(),
        violations.sum(),
        failedBatches.sum() == 0
            ? ""
            : " · failed batches " + failedBatches.sum() + " (last: " + lastError + ")");
  }
}
