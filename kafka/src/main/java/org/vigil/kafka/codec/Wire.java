package org.vigil.kafka.codec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The primitives of the binary record formats: big-endian fixed-width numbers, unsigned varints for
 * lengths, nullable UTF-8 strings as {@code varint(length + 1) ‖ bytes} (0 for null), instants as
 * {@code seconds (8) ‖ nanos (4)}. A reader names the record and the offset when bytes run out or
 * hold a value out of range, never the values themselves.
 */
final class Wire {
  private Wire() {}

  /** A growing byte buffer. */
  static final class Writer {
    private byte[] buf;
    private int size;

    Writer(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void room(int n) {
      if (size + n > buf.length) {
        byte[] next = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        Arrays.fill(buf, (byte) 0);
        buf = next;
      }
    }

    Writer u8(int v) {
      room(1);
      buf[size++] = (byte) v;
      return this;
    }

    Writer bool(boolean v) {
      return u8(v ? 1 : 0);
    }

    Writer i32(int v) {
      room(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
      return this;
    }

    Writer i64(long v) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
      return this;
    }

    Writer f64(double v) {
      return i64(Double.doubleToRawLongBits(v));
    }

    Writer varint(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("a varint must not be negative, was " + v);
      }
      while ((v & ~0x7FL) != 0) {
        u8((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      return u8((int) v);
    }

    Writer bytes(byte[] b) {
      varint(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
      return this;
    }

    /** A nullable string. */
    Writer string(String s) {
      if (s == null) {
        return varint(0);
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length + 1L);
      room(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
      Arrays.fill(b, (byte) 0);
      return this;
    }

    Writer instant(Instant t) {
      return i64(t.getEpochSecond()).i32(t.getNano());
    }

    /** A nullable duration, as a presence byte and nanoseconds. */
    Writer duration(Duration d) {
      return d == null ? u8(0) : u8(1).i64(d.toNanos());
    }

    /** The bytes written; zeroes this writer's buffer. */
    byte[] toBytes() {
      byte[] out = Arrays.copyOf(buf, size);
      Arrays.fill(buf, (byte) 0);
      return out;
    }
  }

  /** Reads what a {@link Writer} wrote, naming {@code what} when the bytes do not fit. */
  static final class Reader {
    private final byte[] b;
    private final String what;
    private int at;

    Reader(byte[] b, String what) {
      this.b = b;
      this.what = what;
    }

    private void need(int n) {
      if (n < 0 || at + n > b.length) {
        throw new IllegalArgumentException(
            what
                + " of "
                + b.length
                + " bytes is truncated: "
                + n
                + " more bytes needed at offset "
                + at);
      }
    }

    IllegalArgumentException bad(String problem) {
      return new IllegalArgumentException(
          what + " of " + b.length + " bytes is malformed at offset " + at + ": " + problem);
    }

    int u8() {
      need(1);
      return b[at++] & 0xff;
    }

    boolean bool() {
      int v = u8();
      if (v > 1) {
        throw bad("a flag is " + v);
      }
      return v == 1;
    }

    int i32() {
      need(4);
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | (b[at++] & 0xff);
      }
      return v;
    }

    long i64() {
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[at++] & 0xff);
      }
      return v;
    }

    double f64() {
      return Double.longBitsToDouble(i64());
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        int x = u8();
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw bad("a length is too long");
    }

    /** A length that must fit in the bytes left. */
    int length(long v) {
      if (v > b.length - at) {
        throw new IllegalArgumentException(
            what + " of " + b.length + " bytes is truncated: a field of " + v + " bytes at " + at);
      }
      return (int) v;
    }

    byte[] bytes() {
      int n = length(varint());
      byte[] out = Arrays.copyOfRange(b, at, at + n);
      at += n;
      return out;
    }

    String string() {
      long n = varint();
      if (n == 0) {
        return null;
      }
      int len = length(n - 1);
      String s = new String(b, at, len, StandardCharsets.UTF_8);
      at += len;
      return s;
    }

    /** A string that must be present. */
    String required(String field) {
      String s = string();
      if (s == null) {
        throw bad(field + " is missing");
      }
      return s;
    }

    Instant instant() {
      long seconds = i64();
      int nanos = i32();
      if (nanos < 0 || nanos > 999_999_999) {
        throw bad("nanoseconds " + nanos + " out of range");
      }
      try {
        return Instant.ofEpochSecond(seconds, nanos);
      } catch (java.time.DateTimeException e) {
        throw bad("an instant is out of range");
      }
    }

    Duration duration() {
      return bool() ? Duration.ofNanos(i64()) : null;
    }

    /** An element of {@code values} by its index in the format. */
    <E> E of(E[] values, String field) {
      int i = u8();
      if (i >= values.length) {
        throw bad(field + " code " + i + " is unknown");
      }
      return values[i];
    }

    /** Fails unless every byte was read. */
    void end() {
      if (at != b.length) {
        throw bad((b.length - at) + " bytes left over");
      }
    }
  }

  /** The index of {@code value} in {@code values}, the format's code for it. */
  static <E> int code(E[] values, E value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("no code for " + value);
  }

  /** Checks the first byte of {@code bytes} against {@code version}. */
  static Reader open(byte[] bytes, String what, int version) {
    Reader r = new Reader(bytes, what);
    if (bytes.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    int v = r.u8();
    if (v != version) {
      throw new IllegalArgumentException(
          what + " has format version " + v + ", this node reads version " + version);
    }
    return r;
  }
}
