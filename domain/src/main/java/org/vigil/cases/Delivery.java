package org.vigil.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.vigil.notice.Channel;

/**
 * One delivery of a notice through one channel, as the outbox keeps it. No personal data: the
 * letter is built from the case when the delivery is attempted.
 *
 * @param id the delivery
 * @param caseId its case
 * @param channel how
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param nextAttemptAt when it is tried next, while PENDING; otherwise null
 * @param lastError the last failure's message (a status or host, never personal data), or null
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, or null
 */
public record Delivery(
    UUID id,
    UUID caseId,
    Channel channel,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt) {
  /** Where a delivery stands. */
  public enum Status {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Delivered. */
    SENT,
    /** Given up on: a permanent failure or too many attempts; an operator may retry it. */
    FAILED
  }

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
