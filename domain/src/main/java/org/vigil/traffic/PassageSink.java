package org.vigil.traffic;

/**
 * Where each decided passage goes for statistics and incident detection. Every runtime calls it
 * once per admitted detection that is neither a duplicate read nor too late; implementations must
 * be thread-safe and fast, since they sit on the ingest path.
 */
@FunctionalInterface
public interface PassageSink {

  /** A sink that keeps nothing. */
  PassageSink NONE = passage -> {};

  void accept(Passage passage);
}
