package org.vigil.cases;

import java.util.Objects;

/**
 * A file attached to an appeal. Personal data: {@link #toString()} prints the size only.
 *
 * @param name the file name as sent, at most 200 characters
 * @param mediaType e.g. {@code image/jpeg}
 * @param content the bytes, 1 to {@link #MAX_BYTES}
 */
public record Attachment(String name, String mediaType, byte[] content) {
  public static final int MAX_BYTES = 2 << 20;

  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(
          "an attachment's name has 1 to 200 characters, had " + name.length());
    }
    if (!mediaType.matches("[a-z]+/[a-z0-9.+-]+")) {
      throw new IllegalArgumentException(
          "an attachment's media type must be like image/jpeg, was '" + mediaType + "'");
    }
    if (content.length == 0 || content.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "an attachment has 1 to " + MAX_BYTES + " bytes, had " + content.length);
    }
  }

  @Override
  public String toString() {
    return "Attachment[" + content.length + " bytes]";
  }
}
