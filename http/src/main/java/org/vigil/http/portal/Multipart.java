package org.vigil.http.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) that has been read whole under a size limit.
 * Small by design: the portal's appeal form is its only user.
 */
final class Multipart {
  /** The most parts accepted. */
  static final int MAX_PARTS = 20;

  private static final int MAX_HEADERS = 8 << 10;

  private Multipart() {}

  /**
   * One part.
   *
   * @param fileName the file name when the part is a file (may be empty when none was chosen), else
   *     null
   * @param contentType the part's media type, lower case, without parameters; "" when absent
   */
  record Part(String name, String fileName, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * The boundary of a {@code Content-Type: multipart/form-data; boundary=...} value.
   *
   * @throws IllegalArgumentException when there is none or it is unusable
   */
  static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length());
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (b.isEmpty() || b.length() > 70) {
          break;
        }
        return b;
      }
    }
    throw new IllegalArgumentException("the multipart body has no usable boundary");
  }

  /**
   * The parts of {@code body}.
   *
   * @throws IllegalArgumentException when the body is not well-formed multipart
   */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0 || (at > 0 && indexOf(body, next, 0) != at - 2)) {
      throw malformed("no first boundary");
    }
    at += delimiter.length;
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, at, "--")) {
        return parts;
      }
      if (!startsWith(body, at, "\r\n")) {
        throw malformed("a boundary is not followed by a line break");
      }
      at += 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
      if (headersEnd < 0 || headersEnd - at > MAX_HEADERS) {
        throw malformed("a part's headers do not end");
      }
      String headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw malformed("a part does not end with the boundary");
      }
      if (parts.size() == MAX_PARTS) {
        throw new IllegalArgumentException("the form has more than " + MAX_PARTS + " parts");
      }
      byte[] content = new byte[contentEnd - contentStart];
      System.arraycopy(body, contentStart, content, 0, content.length);
      parts.add(part(headers, content));
      at = contentEnd + next.length;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String fileName = null;
    String type = "";
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        name = param(value, "name");
        fileName = param(value, "filename");
      } else if (header.equals("content-type")) {
        type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      }
    }
    if (name == null) {
      throw malformed("a part has no name");
    }
    return new Part(name, fileName, type, content);
  }

  /** A parameter of a Content-Disposition value, quoted (browsers escape '"' as %22) or not. */
  static String param(String value, String param) {
    int i = 0;
    while (i < value.length()) {
      int semi = value.indexOf(';', i);
      if (semi < 0) {
        return null;
      }
      int start = semi + 1;
      while (start < value.length() && value.charAt(start) == ' ') {
        start++;
      }
      int eq = value.indexOf('=', start);
      if (eq < 0) {
        return null;
      }
      String key = value.substring(start, eq).trim().toLowerCase(Locale.ROOT);
      int vStart = eq + 1;
      String v;
      int end;
      if (vStart < value.length() && value.charAt(vStart) == '"') {
        int close = value.indexOf('"', vStart + 1);
        if (close < 0) {
          throw malformed("an unterminated quoted parameter");
        }
        v = value.substring(vStart + 1, close);
        end = close + 1;
      } else {
        int stop = value.indexOf(';', vStart);
        end = stop < 0 ? value.length() : stop;
        v = value.substring(vStart, end).trim();
      }
      if (key.equals(param)) {
        return v;
      }
      i = end;
    }
    return null;
  }

  private static boolean startsWith(byte[] body, int at, String s) {
    if (at + s.length() > body.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (body[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("the form is not well-formed multipart: " + what);
  }
}
