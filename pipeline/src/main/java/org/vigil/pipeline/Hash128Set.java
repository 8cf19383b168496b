package org.vigil.pipeline;

/**
 * A set of 128-bit values (pairs of longs) in one {@code long[]} with open addressing and linear
 * probing, at most 3/4 full, with backward-shift deletion (no tombstones). The pair (0, 0) cannot
 * be stored; callers hash into it with negligible probability and {@link #add} maps it to (0, 1).
 * Not thread-safe.
 */
final class Hash128Set {
  private long[] table = new long[2 * 16];
  private int mask = 15;
  private int size;

  int size() {
    return size;
  }

  boolean contains(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    for (int i = slot(a); ; i = (i + 1) & mask) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
      if (x == a && y == b) {
        return true;
      }
      if (x == 0 && y == 0) {
        return false;
      }
    }
  }

  /** Adds the value; false when it was there already. */
  boolean add(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    if ((size + 1) * 4L > (mask + 1) * 3L) {
      grow();
    }
    for (int i = slot(a); ; i = (i + 1) & mask) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
      if (x == a && y == b) {
        return false;
      }
      if (x == 0 && y == 0) {
        table[2 * i] = a;
        table[2 * i + 1] = b;
        size++;
        return true;
      }
    }
  }

  /** Removes the value; false when it was not there. */
  boolean remove(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    int i = slot(a);
    while (true) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
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
      long x = table[2 * j];
      long y = table[2 * j + 1];
      if (x == 0 && y == 0) {
        break;
      }
      int home = slot(x);
      boolean movable = ((j - home) & mask) >= ((j - gap) & mask);
      if (movable) {
        table[2 * gap] = x;
        table[2 * gap + 1] = y;
        gap = j;
      }
    }
    table[2 * gap] = 0;
    table[2 * gap + 1] = 0;
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
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        add(old[i], old[i + 1]);
      }
    }
  }
}
