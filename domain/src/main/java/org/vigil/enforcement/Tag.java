package org.vigil.enforcement;

import java.util.HexFormat;

/**
 * A keyed section tag: the first 128 bits of an HMAC over section, plate match key and time bucket
 * (see {@link SectionTags}). Without the epoch key it reveals nothing about the plate; two tags are
 * equal only for the same section, plate and bucket under the same epoch key.
 *
 * @param high the first 64 bits, big-endian
 * @param low the next 64 bits
 */
public record Tag(long high, long low) {

  /** The tag as 32 hex digits, e.g. as a Kafka partition key. */
  public String hex() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(high) + hex.toHexDigits(low);
  }

  @Override
  public String toString() {
    return "Tag[" + hex() + "]";
  }
}
