package org.vigil.kafka;

/**
 * The topics of the Kafka runtime: names promised to operators, who create them with these names
 * and may watch them. No value on any of them carries a plate in clear.
 *
 * <ul>
 *   <li>{@link #DETECTIONS}: key the camera id; value one detection and its arrival time, sealed
 *       under the transport key of an epoch (the epoch in the {@link #EPOCH_HEADER} header).
 *       Retention no longer than the longest section window.
 *   <li>{@link #VIOLATIONS}: key the violation id; value the priced violation, sealed under a key
 *       derived from the cluster secret. Read by the cases role, which writes each once by its id.
 *   <li>{@link #PASSAGES}: key the camera id; value a decided detection without its plate, for
 *       traffic statistics.
 *   <li>{@link #EPOCH_KEYS}: one partition; each record proposes the key of an epoch, wrapped under
 *       the cluster secret; the first proposal of an epoch in the log is its key.
 * </ul>
 *
 * <p>The Streams application also keeps internal topics (its repartition topic by section tag and
 * the changelog of the section store), named after {@link #APPLICATION_ID}.
 */
public final class KafkaTopics {
  public static final String DETECTIONS = "vigil.detections";
  public static final String VIOLATIONS = "vigil.violations";
  public static final String PASSAGES = "vigil.passages";
  public static final String EPOCH_KEYS = "vigil.epoch-keys";

  /** The Kafka Streams application id of the processing nodes. */
  public static final String APPLICATION_ID = "vigil-process";

  /** The record header that names the epoch whose transport key sealed a detection. */
  public static final String EPOCH_HEADER = "vigil-epoch";

  private KafkaTopics() {}
}
