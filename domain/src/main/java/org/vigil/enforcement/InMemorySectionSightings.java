package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.vigil.memory.Hash128Map;
import org.vigil.memory.LongList;

/**
 * {@link SectionSightings} in this process's memory, for the embedded runtime. Nothing is ever
 * written to disk; a crash loses the sightings that were waiting.
 *
 * <p>Thread-safe: {@link #update} is atomic per key and may be called from many threads at once.
 * Its step runs under a lock that other keys share, so it must be short (opening a few seals is)
 * and must not call back into this object; if it does, it may deadlock or fail with an {@link
 * IllegalStateException}. {@link #forgetBefore} may run alongside updates and other calls of
 * itself. {@link #size} and {@link #snapshot} read the stripes one after the other, so under
 * concurrent updates they are exact for each stripe, not for one instant of the whole.
 *
 * <p>Design: under load the waiting state is millions of tags, each held from tens of seconds to
 * minutes: long enough that G1 copies every object of it from survivor space to survivor space
 * before promoting it, and those copies made the young pauses. So holding a tag costs no object of
 * its own. The keys are split by their bits into 64 stripes, each guarded by its own lock, under
 * which a step runs. In a stripe a {@link Hash128Map} maps a tag's two halves to a slot of a value
 * pool (an {@code Object[]}, with the tag's halves beside it in a {@code long[]} and a stack of
 * free slots for reuse). The slot holds the {@link SealedSighting} itself when the tag's state is
 * that one sighting, the common case (an exit, or an entry under each of its tags, whose one object
 * the tags share), else the {@link SectionState}; the state a step sees is built from the sighting
 * on the fly, short-lived garbage that a young collection does not copy. The expiry index files a
 * key, whenever its state changes, under the second of its latest {@code forgetAt}: a {@link
 * TreeMap} from the second to a {@link LongList} of the tags' halves. {@link #forgetBefore} walks
 * only the due seconds, so forgetting costs in proportion to what is forgotten rather than to what
 * is held. A key filed again stays filed under its earlier second too, which is harmless:
 * forgetting looks the key up and drops only the sightings whose time is past. A stripe keeps a few
 * lists of the seconds walked for later seconds, and no array shrinks.
 */
public final class InMemorySectionSightings implements SectionSightings {
  /** How many stripes the keys are split into: a power of two, well above the updating threads. */
  private static final int STRIPES = 64;

  private final Stripe[] stripes = new Stripe[STRIPES];

  public InMemorySectionSightings() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  @Override
  public <R> R update(Tag key, Function<SectionState, Step<R>> step) {
    return stripeOf(key).update(key, step);
  }

  @Override
  public void forgetBefore(Instant streamTime) {
    long lastDueSecond = streamTime.getEpochSecond() - 1;
    for (Stripe stripe : stripes) {
      boolean more = true;
      while (more) {
        more = stripe.forgetFirstDueSecond(lastDueSecond, streamTime);
      }
    }
  }

  @Override
  public long size() {
    long n = 0;
    for (Stripe stripe : stripes) {
      n += stripe.size();
    }
    return n;
  }

  /** Every waiting state by its tag, as held now: for tests of what a memory dump would show. */
  Map<Tag, SectionState> snapshot() {
    Map<Tag, SectionState> all = new HashMap<>();
    for (Stripe stripe : stripes) {
      stripe.copyInto(all);
    }
    return Map.copyOf(all);
  }

  /**
   * The stripe of {@code key}, from bits of its second half: {@link Hash128Map} places a key by its
   * first half, so the keys of one stripe still spread over its table.
   */
  private Stripe stripeOf(Tag key) {
    return stripes[(int) key.low() & (STRIPES - 1)];
  }

  /** One stripe of the keys: its index, value pool and expiry index, all guarded by its lock. */
  private static final class Stripe {
    /** A pool slot that holds nothing. */
    private static final int NONE = -1;

    /** The pool slots a stripe starts with; it doubles them when they are all in use. */
    private static final int INITIAL_SLOTS = 16;

    /** How many lists of walked seconds a stripe keeps for later seconds. */
    private static final int SPARE_LISTS = 16;

    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Each held key's pool slot, but for the key (0, 0), which {@link Hash128Map} cannot store
     * apart from (0, 1): its slot is {@link #zeroKeySlot}.
     */
    private final Hash128Map slots = new Hash128Map();

    private int zeroKeySlot = NONE;

    /** By slot: a {@link SealedSighting} or a {@link SectionState}; null when free. */
    private Object[] values = new Object[INITIAL_SLOTS];

    /** By slot: the key's halves, at {@code 2 * slot} and {@code 2 * slot + 1}. */
    private long[] keys = new long[2 * INITIAL_SLOTS];

    /** The freed slots below {@link #used}, as a stack of {@link #freeCount} slots. */
    private int[] free = new int[INITIAL_SLOTS];

    private int freeCount;

    /** The slots ever used; those from here on have never held a value. */
    private int used;

    /** The keys to look at by the second of their latest {@code forgetAt}, as pairs of halves. */
    private final TreeMap<Long, LongList> due = new TreeMap<>();

    private final ArrayDeque<LongList> spareLists = new ArrayDeque<>();

    /** The sightings held here whose home is a key of this stripe. */
    private long count;

    <R> R update(Tag key, Function<SectionState, Step<R>> step) {
      acquire();
      try {
        int slot = slotOf(key.high(), key.low());
        SectionState before = slot == NONE ? SectionState.EMPTY : stateAt(slot);
        Step<R> s = step.apply(before);
        store(key, slot, before, s.next());
        return s.result();
      } finally {
        lock.unlock();
      }
    }

    /**
     * Forgets what is past at {@code streamTime} under the keys filed in the first second, if that
     * is no later than {@code lastDueSecond}; false when there is no such second.
     */
    boolean forgetFirstDueSecond(long lastDueSecond, Instant streamTime) {
      acquire();
      try {
        if (due.isEmpty() || due.firstKey() > lastDueSecond) {
          return false;
        }
        LongList filed = due.pollFirstEntry().getValue();
        for (int i = 0; i + 1 < filed.size(); i += 2) {
          long high = filed.get(i);
          long low = filed.get(i + 1);
          int slot = slotOf(high, low);
          if (slot != NONE) {
            SectionState before = stateAt(slot);
            store(new Tag(high, low), slot, before, before.forgetBefore(streamTime));
          }
        }
        if (spareLists.size() < SPARE_LISTS) {
          filed.clear();
          spareLists.push(filed);
        }
        return true;
      } finally {
        lock.unlock();
      }
    }

    long size() {
      acquire();
      try {
        return count;
      } finally {
        lock.unlock();
      }
    }

    void copyInto(Map<Tag, SectionState> all) {
      acquire();
      try {
        for (int slot = 0; slot < used; slot++) {
          if (values[slot] != null) {
            all.put(new Tag(keys[2 * slot], keys[2 * slot + 1]), stateAt(slot));
          }
        }
      } finally {
        lock.unlock();
      }
    }

    private void acquire() {
      if (lock.isHeldByCurrentThread()) {
        throw new IllegalStateException("a step called back into the section sightings");
      }
      lock.lock();
    }

    /**
     * Replaces the state {@code before} under {@code key} (held in {@code slot}, or {@link #NONE})
     * by {@code next}, and files the key again when its state changed.
     */
    private void store(Tag key, int slot, SectionState before, SectionState next) {
      count += next.countedUnder(key) - before.countedUnder(key);
      if (next.isEmpty()) {
        if (slot != NONE) {
          release(key.high(), key.low(), slot);
        }
        return;
      }
      if (next == before) {
        return;
      }
      int s = slot == NONE ? bind(key.high(), key.low()) : slot;
      values[s] = compact(next);
      file(next.lastForgetAt().getEpochSecond(), key.high(), key.low());
    }

    /** The state held in {@code slot}, built afresh when the slot holds a single sighting. */
    private SectionState stateAt(int slot) {
      if (values[slot] instanceof SealedSighting s) {
        return s.entry()
            ? new SectionState(List.of(s), List.of())
            : new SectionState(List.of(), List.of(s));
      }
      return (SectionState) values[slot];
    }

    /** The sighting itself when {@code state} is just that sighting on its side, else the state. */
    private static Object compact(SectionState state) {
      if (state.entries().size() == 1 && state.exits().isEmpty()) {
        SealedSighting s = state.entries().getFirst();
        return s.entry() ? s : state;
      }
      if (state.exits().size() == 1 && state.entries().isEmpty()) {
        SealedSighting s = state.exits().getFirst();
        return s.entry() ? state : s;
      }
      return state;
    }

    private int slotOf(long high, long low) {
      if (high == 0 && low == 0) {
        return zeroKeySlot;
      }
      long slot = slots.get(high, low);
      return slot == Hash128Map.MISSING ? NONE : (int) slot;
    }

    /** A free slot, now held by the key. */
    private int bind(long high, long low) {
      int slot;
      if (freeCount > 0) {
        slot = free[--freeCount];
      } else {
        if (used == values.length) {
          int capacity = 2 * values.length;
          values = Arrays.copyOf(values, capacity);
          keys = Arrays.copyOf(keys, 2 * capacity);
          free = Arrays.copyOf(free, capacity);
        }
        slot = used++;
      }
      keys[2 * slot] = high;
      keys[2 * slot + 1] = low;
      if (high == 0 && low == 0) {
        zeroKeySlot = slot;
      } else {
        slots.put(high, low, slot);
      }
      return slot;
    }

    private void release(long high, long low, int slot) {
      if (high == 0 && low == 0) {
        zeroKeySlot = NONE;
      } else {
        slots.remove(high, low);
      }
      values[slot] = null;
      keys[2 * slot] = 0;
      keys[2 * slot + 1] = 0;
      free[freeCount++] = slot;
    }

    private void file(long second, long high, long low) {
      LongList filed = due.get(second);
      if (filed == null) {
        filed = spareLists.isEmpty() ? new LongList() : spareLists.pop();
        due.put(second, filed);
      }
      filed.add(high);
      filed.add(low);
    }
  }
}
