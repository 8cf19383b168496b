package org.vigil.postgres;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.cases.Attachment;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Language;

/**
 * The byte forms of a case's personal data before it is sealed: the keeper, and an appeal's text
 * with its attachments. A version byte, then modified UTF-8 strings and length-prefixed bytes.
 */
final class CaseSeals {
  private static final int VERSION = 1;

  private CaseSeals() {}

  /** An appeal's text and attachments. */
  record AppealContent(String text, List<Attachment> attachments) {}

  static byte[] keeper(Keeper k) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(k.name());
      out.writeByte(k.address().lines().size());
      for (String line : k.address().lines()) {
        out.writeUTF(line);
      }
      out.writeUTF(k.address().country());
      nullable(out, k.email());
      nullable(out, k.phone());
      out.writeUTF(k.language().tag());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Keeper keeper(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      version(in);
      String name = in.readUTF();
      int n = in.readUnsignedByte();
      List<String> lines = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        lines.add(in.readUTF());
      }
      PostalAddress address = new PostalAddress(lines, in.readUTF());
      String email = nullable(in);
      String phone = nullable(in);
      return new Keeper(name, address, email, phone, Language.ofTag(in.readUTF()));
    } catch (IOException e) {
      throw new IllegalStateException("a sealed keeper is truncated", e);
    }
  }

  static byte[] appeal(String text, List<Attachment> attachments) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 2 + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(text);
      out.writeByte(attachments.size());
      for (Attachment a : attachments) {
        out.writeUTF(a.name());
        out.writeUTF(a.mediaType());
        out.writeInt(a.content().length);
        out.write(a.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static AppealContent appeal(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      version(in);
      String text = in.readUTF();
      int n = in.readUnsignedByte();
      List<Attachment> attachments = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        String type = in.readUTF();
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        attachments.add(new Attachment(name, type, content));
      }
      return new AppealContent(text, attachments);
    } catch (IOException e) {
      throw new IllegalStateException("a sealed appeal is truncated", e);
    }
  }

  private static void version(DataInputStream in) throws IOException {
    int v = in.readUnsignedByte();
    if (v != VERSION) {
      throw new IllegalStateException("sealed case data of version " + v + " is unknown");
    }
  }

  private static void nullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String nullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
