package org.vigil.pipeline;

import java.util.List;

/**
 * What became of a batch: how many items were accepted (and are now durable in the sense that every
 * violation they produced is), how many were duplicates of items already accepted, and every
 * rejected item with its reason.
 */
public record IngestResult(int accepted, int duplicates, int violations, List<Rejection> rejected) {
  public IngestResult {
    rejected = List.copyOf(rejected);
  }

  /**
   * A rejected item.
   *
   * @param index its position in the batch, from 0
   * @param eventId its event id when readable, otherwise null
   * @param reason what is wrong with it
   */
  public record Rejection(int index, String eventId, String reason) {}
}
