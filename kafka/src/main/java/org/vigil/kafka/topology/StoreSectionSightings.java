package org.vigil.kafka.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigil.enforcement.SectionSightings;
import org.vigil.enforcement.SectionState;
import org.vigil.enforcement.Tag;
import org.vigil.kafka.codec.PlacementRecords;
import org.vigil.kafka.codec.SectionStates;

/**
 * {@link SectionSightings} in a task's state stores: the {@link SectionState} of each tag in one
 * store, keyed by the tag's 16 bytes, and a due index in another, keyed by {@code second ‖ tag}, so
 * that forgetting reads only the keys falling due (as {@link
 * org.vigil.enforcement.InMemorySectionSightings} does in memory). Both stores are persistent and
 * logged to changelog topics, so the waiting sightings survive the loss of a node.
 *
 * <p>Atomic per key because one stream task owns a tag's partition and calls this from its one
 * thread; not thread-safe otherwise. {@link #size} is the store's approximate number of tags, not
 * of sightings.
 */
final class StoreSectionSightings implements SectionSightings {
  private static final byte[] PRESENT = {1};

  private final KeyValueStore<Bytes, byte[]> states;
  private final KeyValueStore<Bytes, byte[]> due;

  StoreSectionSightings(KeyValueStore<Bytes, byte[]> states, KeyValueStore<Bytes, byte[]> due) {
    this.states = states;
    this.due = due;
  }

  @Override
  public <R> R update(Tag key, Function<SectionState, Step<R>> step) {
    Bytes k = Bytes.wrap(PlacementRecords.key(key));
    byte[] stored = states.get(k);
    SectionState before = stored == null ? SectionState.EMPTY : SectionStates.decode(stored);
    Step<R> s = step.apply(before);
    store(k, key, before, s.next());
    return s.result();
  }

  @Override
  public void forgetBefore(Instant streamTime) {
    long lastDueSecond = streamTime.getEpochSecond() - 1;
    List<Bytes> dueKeys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        due.range(dueKey(Long.MIN_VALUE, 0, 0), dueKey(lastDueSecond, -1, -1))) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> e = it.next();
        dueKeys.add(e.key);
      }
    }
    for (Bytes d : dueKeys) {
      due.delete(d);
      byte[] raw = d.get();
      byte[] tagBytes = new byte[16];
      System.arraycopy(raw, 8, tagBytes, 0, 16);
      Bytes k = Bytes.wrap(tagBytes);
      byte[] stored = states.get(k);
      if (stored != null) {
        SectionState before = SectionStates.decode(stored);
        store(k, PlacementRecords.tag(tagBytes), before, before.forgetBefore(streamTime));
      }
    }
  }

  @Override
  public long size() {
    return states.approximateNumEntries();
  }

  private void store(Bytes k, Tag tag, SectionState before, SectionState next) {
    if (next == before) {
      return;
    }
    if (next.isEmpty()) {
      states.delete(k);
      return;
    }
    states.put(k, SectionStates.encode(next));
    due.put(dueKey(next.lastForgetAt().getEpochSecond(), tag.high(), tag.low()), PRESENT);
  }

  /** {@code second} with its sign bit flipped (so bytes sort as numbers) ‖ the tag. */
  private static Bytes dueKey(long second, long high, long low) {
    byte[] b = new byte[24];
    long s = second ^ Long.MIN_VALUE;
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (s >>> (56 - 8 * i));
      b[8 + i] = (byte) (high >>> (56 - 8 * i));
      b[16 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return Bytes.wrap(b);
  }
}
