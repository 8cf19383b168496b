package org.vigil.pipeline;

import org.vigil.detection.Detection;

/** One item of an ingest batch, as the transport parsed it: a detection, or why it is none. */
public sealed interface IngestItem {

  /** The item's position in the batch, from 0. */
  int index();

  /** A well-formed detection. */
  record Parsed(int index, Detection detection) implements IngestItem {}

  /**
   * An item that could not be read as a detection.
   *
   * @param eventId its event id when it could be read, otherwise null
   * @param reason what is wrong, naming the field and the bad value (never a plate)
   */
  record Malformed(int index, String eventId, String reason) implements IngestItem {}
}
