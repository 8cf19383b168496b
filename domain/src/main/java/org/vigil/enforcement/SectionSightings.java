package org.vigil.enforcement;

import java.time.Instant;
import java.util.function.Function;

/**
 * Where section control keeps the sealed sightings that wait for their other end, one {@link
 * SectionState} per {@link Tag}. An entry waits under each of its tags, an exit under its one tag;
 * no key is derived from a plate without the epoch key.
 *
 * <p>Implementations: {@link InMemorySectionSightings} for the embedded runtime; a Kafka Streams
 * state store in the distributed one. Both must apply {@link #update} atomically per key and forget
 * every sighting once stream time passes its {@link Sighting#forgetAt()}.
 */
public interface SectionSightings {

  /**
   * Atomically replaces the state under {@code key} by the one {@code step} returns, and returns
   * the step's result. An empty next state removes the key.
   */
  <R> R update(Tag key, Function<SectionState, Step<R>> step);

  /** Forgets every sighting whose {@code forgetAt} lies before {@code streamTime}. */
  void forgetBefore(Instant streamTime);

  /** How many sightings are held, each counted once under its home tag; for metrics and tests. */
  long size();

  /** The outcome of one {@link #update}: the next state and what to report. */
  record Step<R>(SectionState next, R result) {}
}
