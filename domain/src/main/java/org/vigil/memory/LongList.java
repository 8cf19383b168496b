package org.vigil.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable list of longs in one {@code long[]}: it appends, reads by index and {@linkplain #clear
 * clears}. It never shrinks, so that a list cleared and filled again allocates nothing. Not
 * thread-safe.
 */
public final class LongList {
  private long[] values;
  private int size;

  /** An empty list with room for 16 longs. */
  public LongList() {
    this(16);
  }

  /**
   * An empty list with room for {@code capacity} longs before it grows.
   *
   * @throws IllegalArgumentException when {@code capacity} is not positive
   */
  public LongList(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    values = new long[capacity];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** How many longs it holds before it grows again. */
  public int capacity() {
    return values.length;
  }

  /**
   * The long at {@code index}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public long get(int index) {
    Objects.checkIndex(index, size);
    return values[index];
  }

  /** Appends {@code value}, doubling the capacity when it is full. */
  public void add(long value) {
    if (size == values.length) {
      if (values.length == Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError("a LongList cannot hold more than " + values.length + " longs");
      }
      values = Arrays.copyOf(values, (int) Math.min(2L * values.length, Integer.MAX_VALUE - 8));
    }
    values[size++] = value;
  }

  /** Removes every long and keeps the capacity. */
  public void clear() {
    size = 0;
  }
}
