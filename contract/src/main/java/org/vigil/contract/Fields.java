package org.vigil.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Typed field reads whose failures name the field and the bad value. */
final class Fields {
  private Fields() {}

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank string, was " + v);
    }
    return v.asText();
  }

  static String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : text(n, field);
  }

  static int whole(JsonNode n, String field) {
    return whole(n, field, null);
  }

  /** A whole number; {@code in} names the enclosing object in the message, if given. */
  static int whole(JsonNode n, String field, String in) {
    String name = in == null ? field : in + "." + field;
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + v);
    }
    return v.asInt();
  }

  static BigDecimal decimal(JsonNode n, String field) {
    return decimal(n, field, null);
  }

  static BigDecimal decimal(JsonNode n, String field, String in) {
    String name = in == null ? field : in + "." + field;
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number, was " + v);
    }
    return v.decimalValue();
  }

  static BigDecimal optionalDecimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : decimal(n, field);
  }
}
