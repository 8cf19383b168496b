package org.vigil.http;

/** Escaping for the server-rendered pages (sign-in, transparency report): one rule for all. */
public final class Html {
  private Html() {}

  /** {@code s} safe inside HTML text and single- or double-quoted attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
