package org.vigil.kafka.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.vigil.enforcement.SealedSighting;
import org.vigil.enforcement.SectionState;
import org.vigil.enforcement.Tag;

/**
 * The values of the section store (and its changelog): the {@link SectionState} under one tag, a
 * list of sealed sightings with nothing in clear but tags, times and sealed bytes.
 *
 * <p>Format, version 1: {@code 0x01 ‖ varint(entries) ‖ entries ‖ varint(exits) ‖ exits}, a
 * sighting being {@code home tag (16) ‖ bucket (8) ‖ forgetAt (8 s + 4 ns) ‖ varint(length) ‖
 * sealed}; whether it is an entry follows from its list.
 */
public final class SectionStates {
  /** The format version, the first byte. */
  public static final int VERSION = 1;

  private static final String WHAT = "section state";

  private SectionStates() {}

  public static byte[] encode(SectionState state) {
    int size = 2;
    for (SealedSighting s : state.entries()) {
      size += 40 + s.sealed().length;
    }
    for (SealedSighting s : state.exits()) {
      size += 40 + s.sealed().length;
    }
    Wire.Writer w = new Wire.Writer(size).u8(VERSION);
    write(w, state.entries());
    write(w, state.exits());
    return w.toBytes();
  }

  /**
   * What {@link #encode} wrote.
   *
   * @throws IllegalArgumentException naming the length or version when the bytes are no state
   */
  public static SectionState decode(byte[] bytes) {
    Wire.Reader r = Wire.open(bytes, WHAT, VERSION);
    List<SealedSighting> entries = read(r, true);
    List<SealedSighting> exits = read(r, false);
    r.end();
    return new SectionState(entries, exits);
  }

  /** The serde of the section store's values. */
  public static Serde<SectionState> serde() {
    Serializer<SectionState> ser = (topic, state) -> state == null ? null : encode(state);
    Deserializer<SectionState> de = (topic, bytes) -> bytes == null ? null : decode(bytes);
    return Serdes.serdeFrom(ser, de);
  }

  static void writeTag(Wire.Writer w, Tag t) {
    w.i64(t.high()).i64(t.low());
  }

  static Tag readTag(Wire.Reader r) {
    return new Tag(r.i64(), r.i64());
  }

  static void writeSighting(Wire.Writer w, SealedSighting s) {
    writeTag(w, s.home());
    w.i64(s.bucket()).instant(s.forgetAt()).bytes(s.sealed());
  }

  static SealedSighting readSighting(Wire.Reader r, boolean entry) {
    return new SealedSighting(readTag(r), entry, r.i64(), r.instant(), r.bytes());
  }

  private static void write(Wire.Writer w, List<SealedSighting> list) {
    w.varint(list.size());
    for (SealedSighting s : list) {
      writeSighting(w, s);
    }
  }

  private static List<SealedSighting> read(Wire.Reader r, boolean entry) {
    int n = r.length(r.varint());
    List<SealedSighting> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readSighting(r, entry));
    }
    return list;
  }
}
