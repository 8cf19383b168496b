package org.vigil.memory;

/**
 * A map from 128-bit keys (pairs of longs) to longs in one {@code long[]}, with open addressing and
 * linear probing, at most 3/4 full, with backward-shift deletion (no tombstones). The key (0, 0)
 * cannot be stored; callers hash into it with negligible probability and it is mapped to (0, 1).
 * Not thread-safe.
 *
 * <p>Design: three longs a slot and no object per entry, so that millions of entries cost little
 * memory and nothing to the garbage collector.
 */
public final class Hash128Map {
  /** What {@link #get} returns for a missing key. */
  public static final long MISSING = Long.MIN_VALUE;

  private long[] table = new long[3 * 16];
  private int mask = 15;
  private int size;

  public int size() {
    return size;
  }

  /** Removes every entry and keeps the capacity, so that refilling it allocates nothing. */
  public void clear() {
    java.util.Arrays.fill(table, 0L);
    size = 0;
  }

  public boolean containsKey(long a, long b) {
    return get(a, b) != MISSING;
  }

  /** The value under the key, or {@link #MISSING}. */
  public long get(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    for (int i = slot(a); ; i = (i + 1) & mask) {
      long x = table[3 * i];
      long y = table[3 * i + 1];
      if (x == a && y == b) {
        return table[3 * i + 2];
      }
      if (x == 0 && y == 0) {
        return MISSING;
      }
    }
  }

  /**
   * Puts the value under the key.
   *
   * @return the value it replaced, or {@link #MISSING}
   * @throws IllegalArgumentException when {@code value} is {@link #MISSING}
   */
  public long put(long a, long b, long value) {
    if (value == MISSING) {
      throw new IllegalArgumentException("Long.MIN_VALUE cannot be stored");
    }
    if (a == 0 && b == 0) {
      b = 1;
    }
    if ((size + 1) * 4L > (mask + 1) * 3L) {
      grow();
    }
    for (int i = slot(a); ; i = (i + 1) & mask) {
      long x = table[3 * i];
      long y = table[3 * i + 1];
      if (x == a && y == b) {
        long old = table[3 * i + 2];
        table[3 * i + 2] = value;
        return old;
      }
      if (x == 0 && y == 0) {
        table[3 * i] = a;
        table[3 * i + 1] = b;
        table[3 * i + 2] = value;
        size++;
        return MISSING;
      }
    }
  }

  /** Removes the key; false when it was not there. */
  public boolean remove(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    int i = slot(a);
    while (true) {
      long x = table[3 * i];
      long y = table[3 * i + 1];
      if (x == 0 && y == 0) {
        return false;
      }
      if (x == a && y == b) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward shift: move later members of the probe run into the gap where they may stand.
    int gap = i;
    for (int j = (gap + 1) & mask; ; j = (j + 1) & mask) {
      long x = table[3 * j];
      long y = table[3 * j + 1];
      if (x == 0 && y == 0) {
        break;
      }
      int home = slot(x);
      boolean movable = ((j - home) & mask) >= ((j - gap) & mask);
      if (movable) {
        table[3 * gap] = x;
        table[3 * gap + 1] = y;
        table[3 * gap + 2] = table[3 * j + 2];
        gap = j;
      }
    }
    table[3 * gap] = 0;
    table[3 * gap + 1] = 0;
    table[3 * gap + 2] = 0;
    size--;
    return true;
  }

  private int slot(long a) {
    return (int) (a ^ (a >>> 32)) & mask;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (mask << 1) | 1;
    size = 0;
    for (int i = 0; i < old.length; i += 3) {
      if (old[i] != 0 || old[i + 1] != 0) {
        put(old[i], old[i + 1], old[i + 2]);
      }
    }
  }
}
