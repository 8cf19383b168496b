package org.vigil.postgres;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.plate.Plate;

/**
 * The personal data of a violation, as sealed into {@code violation.personal}: the plate, the
 * camera event ids and who read the plate by hand. Encoded compactly (a version byte, then modified
 * UTF-8 strings) because it is encrypted on the violation writer's thread.
 *
 * @param plate the plate
 * @param eventIds the events the violation was decided from
 * @param readBy who read the plate by hand, or {@code null}
 */
record PersonalData(Plate plate, List<String> eventIds, String readBy) {
  private static final int VERSION = 1;

  PersonalData {
    eventIds = List.copyOf(eventIds);
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(plate.text());
      writeNullable(out, plate.country());
      out.writeShort(eventIds.size());
      for (String e : eventIds) {
        out.writeUTF(e);
      }
      writeNullable(out, readBy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static PersonalData decode(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("personal data of version " + version + " is unknown");
      }
      Plate plate = new Plate(in.readUTF(), readNullable(in));
      int n = in.readUnsignedShort();
      List<String> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        events.add(in.readUTF());
      }
      return new PersonalData(plate, events, readNullable(in));
    } catch (IOException e) {
      throw new IllegalStateException("personal data is truncated", e);
    }
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
