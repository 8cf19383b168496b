package org.vigil.enforcement;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * key, whenever its state changes, under the second of its latest {@code forgetAt}: a ring of
 * {@value Stripe#RING} {@link LongList}s, one per second modulo the ring, each holding (second,
 * high, low) triples. A sorted map of the seconds cost a dozen cache misses for each filing, as
 * much as the rest of an update. {@link #forgetBefore} walks only the seconds from the first filed
 * and not yet walked to the one now due, so forgetting costs in proportion to what is forgotten
 * rather than to what is held; in a slot it forgets what is due and files the rest (a second a
 * whole ring later) again. A key filed again stays filed under its earlier second too, which is
 * harmless: forgetting looks the key up and drops only the sightings whose time is past. A stripe
 * keeps a few lists of the seconds walked for later seconds, and no array shrinks.
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
        more = stripe.forgetNextDueSecond(lastDueSecond, streamTime);
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

    /**
     * The seconds of the expiry ring: a power of two, longer than any section's window and its
     * lateness, so that a slot seldom holds seconds of two turns of the ring (it may: each triple
     * carries its second).
     */
    static final int RING = 4096;

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

    /**
     * The keys to look at by the second of their latest {@code forgetAt}: in slot {@code second mod
     * RING}, (second, high, low) triples; null when the slot never held any.
     */
    private final LongList[] due = new LongList[RING];

    /** The first second that may hold keys not yet walked; {@code Long.MAX_VALUE} when none. */
    private long walkFrom = Long.MAX_VALUE;

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
     * Walks the next second not yet walked, if it is no later than {@code lastDueSecond}: forgets
     * what is past at {@code streamTime} under the keys filed in its slot up to {@code
     * lastDueSecond}, and keeps the later ones. False when there is no such second.
     */
    boolean forgetNextDueSecond(long lastDueSecond, Instant streamTime) {
      acquire();
      try {
        if (walkFrom > lastDueSecond) {
          return false;
        }
        // After a jump of stream time, one turn of the ring visits every slot.
        long second = Math.max(walkFrom, lastDueSecond - RING + 1);
        walkFrom = second + 1;
        int ringSlot = (int) (second & (RING - 1));
        LongList filed = due[ringSlot];
        if (filed == null || filed.isEmpty()) {
          return true;
        }
        due[ringSlot] = spareLists.isEmpty() ? new LongList() : spareLists.pop();
        for (int i = 0; i + 2 < filed.size(); i += 3) {
          long filedSecond = filed.get(i);
          long high = filed.get(i + 1);
          long low = filed.get(i + 2);
          if (filedSecond > lastDueSecond) {
            file(filedSecond, high, low);
            continue;
          }
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
      int ringSlot = (int) (second & (RING - 1));
      LongList filed = due[ringSlot];
      if (filed == null) {
        filed = spareLists.isEmpty() ? new LongList() : spareLists.pop();
        due[ringSlot] = filed;
      }
      filed.add(second);
      filed.add(high);
      filed.add(low);
      walkFrom = Math.min(walkFrom, second);
    }
  }
}
