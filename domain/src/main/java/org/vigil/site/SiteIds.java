package org.vigil.site;

/** The rule for camera and section identifiers, in one place. */
final class SiteIds {
  static final int MAX_LENGTH = 64;

  private SiteIds() {}

  static void check(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          field + " must have at most " + MAX_LENGTH + " characters, had " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            field + " may hold only printable ASCII without spaces, was '" + id + "'");
      }
    }
  }
}
