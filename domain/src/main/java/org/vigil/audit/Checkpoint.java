package org.vigil.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A tree head: the log {@code origin}, its {@code size} and {@code root} at time {@code at}.
 *
 * <p>Its text is a C2SP tlog-checkpoint body: the origin line, the size in decimal, the root in
 * base64, then one extension line {@code time <ISO-8601 instant>}, each ending in a newline.
 *
 * @param origin the log's name: printable, no white space and no '+'
 * @param size how many entries the tree holds
 * @param root MTH of those entries
 * @param at when the checkpoint was issued
 */
public record Checkpoint(String origin, long size, Hash root, Instant at) {
  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x2a\\x2c-\\x7e]{1,128}");

  public Checkpoint {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException(
          "origin '" + origin + "' must be 1 to 128 printable characters without space or '+'");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    if (root == null || at == null) {
      throw new IllegalArgumentException("a checkpoint needs a root and a time");
    }
  }

  /** The note text that is signed. */
  public String body() {
    return origin + "\n" + size + "\n" + root.base64() + "\ntime " + at + "\n";
  }

  /**
   * Reads a body written by {@link #body()}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Checkpoint parseBody(String body) {
    if (!body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint body ends with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 4 || !lines[3].startsWith("time ")) {
      throw new IllegalArgumentException(
          "a checkpoint body has four lines: origin, size, root, time; this has " + lines.length);
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + lines[1] + "' is not a whole number", e);
    }
    Instant at;
    try {
      at = Instant.parse(lines[3].substring(5));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time '" + lines[3] + "' is not an ISO-8601 instant", e);
    }
    return new Checkpoint(lines[0], size, Hash.ofBase64(lines[2]), at);
  }
}
