package org.vigil.http;

import io.helidon.common.uri.UriQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads optional query parameters, the one way every route group does. Each method answers {@code
 * null} for an absent parameter and throws {@link IllegalArgumentException} with a message that
 * names the parameter and its bad value, which the routing turns into a 400.
 */
public final class QueryParams {
  private QueryParams() {}

  /** The parameter as given, or null; a blank value is refused. */
  public static String text(UriQuery q, String name) {
    if (!q.contains(name)) {
      return null;
    }
    String v = q.get(name);
    if (v.isBlank()) {
      throw new IllegalArgumentException(name + " '" + v + "' must not be blank");
    }
    return v;
  }

  /** An ISO-8601 instant such as {@code 2026-11-02T07:30:00Z}, or null. */
  public static Instant instant(UriQuery q, String name) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " '" + v + "' is not an ISO-8601 instant such as 2026-11-02T07:30:00Z", e);
    }
  }

  /** {@code true} or {@code false}, or null. */
  public static Boolean bool(UriQuery q, String name) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(name + " '" + v + "' must be true or false");
    };
  }

  /** A whole number, or null; its range is the caller's to check. */
  public static Integer whole(UriQuery q, String name) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + v + "' is not a whole number", e);
    }
  }

  /**
   * Whether the answer is asked for as CSV: {@code format=csv} (or {@code json}), else an {@code
   * Accept} header naming {@code text/csv}.
   *
   * @throws BadRequestException naming a {@code format} that is neither
   */
  public static boolean wantsCsv(UriQuery q, List<String> accept) {
    if (q.contains("format")) {
      String f = q.get("format");
      return switch (f.toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new BadRequestException("format '" + f + "' must be json or csv");
      };
    }
    for (String a : accept) {
      if (a.toLowerCase(Locale.ROOT).contains("text/csv")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code value} as a UUID, e.g. an id from a path.
   *
   * @param what what the id names, for the message: {@code "a violation id"}
   * @throws BadRequestException naming the value and what it should have been
   */
  public static UUID uuid(String value, String what) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("'" + value + "' is not " + what);
    }
  }
}
