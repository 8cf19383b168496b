package org.vigil.traffic;

import java.util.Objects;

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

  /**
   * A sink that hands each passage to every one of {@code sinks}, in order. A sink that throws
   * stops the passage reaching those after it, so sinks should not throw.
   */
  static PassageSink all(PassageSink... sinks) {
    PassageSink[] copy = sinks.clone();
    for (PassageSink s : copy) {
      Objects.requireNonNull(s, "sink");
    }
    return switch (copy.length) {
      case 0 -> NONE;
      case 1 -> copy[0];
      default ->
          passage -> {
            for (PassageSink s : copy) {
              s.accept(passage);
            }
          };
    };
  }
}
