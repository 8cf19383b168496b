package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@link SectionSightings} in this process's memory, for the embedded runtime. Nothing is ever
 * written to disk; a crash loses the sightings that were waiting.
 *
 * <p>Design: states live in a {@link ConcurrentHashMap} whose {@code compute} makes each update
 * atomic per key. A second index files every key under the second of its latest {@code forgetAt};
 * {@link #forgetBefore} walks only the due seconds, so forgetting costs in proportion to what is
 * forgotten rather than to what is held.
 */
public final class InMemorySectionSightings implements SectionSightings {
  /** The keys falling due in one second that a set is sized for; it grows past that if need be. */
  private static final int KEYS_PER_SECOND = 256;

  private final ConcurrentHashMap<Tag, SectionState> states = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Set<Tag>> dueBySecond = new ConcurrentSkipListMap<>();
  private final AtomicLong size = new AtomicLong();

  @Override
  public <R> R update(Tag key, Function<SectionState, Step<R>> step) {
    List<R> result = new ArrayList<>(1);
    states.compute(
        key,
        (k, current) -> {
          SectionState before = current == null ? SectionState.EMPTY : current;
          Step<R> s = step.apply(before);
          result.add(s.result());
          return store(k, before, s.next());
        });
    return result.getFirst();
  }

  @Override
  public void forgetBefore(Instant streamTime) {
    long lastDueSecond = streamTime.getEpochSecond() - 1;
    List<Set<Tag>> due = new ArrayList<>();
    Map.Entry<Long, Set<Tag>> first;
    while ((first = dueBySecond.firstEntry()) != null && first.getKey() <= lastDueSecond) {
      if (dueBySecond.remove(first.getKey(), first.getValue())) {
        due.add(first.getValue());
      }
    }
    for (Set<Tag> keys : due) {
      for (Tag key : keys) {
        states.computeIfPresent(key, (k, state) -> store(k, state, state.forgetBefore(streamTime)));
      }
    }
  }

  @Override
  public long size() {
    return size.get();
  }

  /** Every waiting state by its tag, as held now: for tests of what a memory dump would show. */
  Map<Tag, SectionState> snapshot() {
    return Map.copyOf(states);
  }

  private SectionState store(Tag key, SectionState before, SectionState next) {
    size.addAndGet(next.countedUnder(key) - before.countedUnder(key));
    if (next.isEmpty()) {
      return null;
    }
    if (next != before) {
      dueBySecond
          .computeIfAbsent(
              next.lastForgetAt().getEpochSecond(),
              s -> ConcurrentHashMap.newKeySet(KEYS_PER_SECOND))
          .add(key);
    }
    return next;
  }
}
