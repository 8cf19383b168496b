package org.vigil.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigil.notice.Channel;

/** The delivery outbox: deliveries are queued with their notice ({@link Effect.Notice}). */
public interface Outbox {
  /** PENDING deliveries through {@code channels} whose next attempt is due at {@code now}. */
  List<Delivery> due(Set<Channel> channels, Instant now, int limit);

  /** Marks a delivery sent. */
  void sent(UUID id, Instant at);

  /**
   * Records a failed attempt: PENDING again at {@code nextAttemptAt}, or FAILED when that is null.
   */
  void failed(UUID id, String error, Instant nextAttemptAt, Instant at);

  /** Deliveries in {@code status} (all when null), newest first. */
  List<Delivery> list(Delivery.Status status, int limit);

  /**
   * Puts a FAILED delivery back to PENDING, due at {@code now}.
   *
   * @return false when there is no FAILED delivery {@code id}
   */
  boolean retry(UUID id, Instant now);
}
