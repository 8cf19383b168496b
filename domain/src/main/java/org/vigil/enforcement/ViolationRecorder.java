package org.vigil.enforcement;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Where decided violations go to become durable (PostgreSQL in the embedded runtime, a topic in the
 * distributed one).
 */
public interface ViolationRecorder {

  /**
   * Records {@code violations}. The stage completes only once every one of them is durable, that is
   * once it would survive a crash of this process; it completes exceptionally when they may not be.
   * Recording a violation whose id is already recorded changes nothing.
   *
   * @return the ids among {@code violations} that were not recorded before
   */
  CompletionStage<Set<UUID>> record(List<Violation> violations);
}
