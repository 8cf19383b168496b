package org.vigil.pipeline;

import java.util.List;

/**
 * Where a camera's batch goes once parsed: the embedded runtime decides it at once ({@link
 * EmbeddedPipeline}); an ingest node of the Kafka runtime writes it to a topic for the processing
 * nodes. Either way the answer comes only once the batch is durable.
 */
public interface DetectionIntake {

  /**
   * Takes a batch and returns once every accepted item is durable: its violations recorded
   * (embedded), or the item itself replicated to the broker (Kafka).
   *
   * @param grant the cameras the caller may post for
   * @throws StorageUnavailableException when the batch could not be made durable; nothing of it is
   *     acknowledged and sending it again is safe
   */
  IngestResult ingest(List<IngestItem> items, CameraGrant grant);
}
