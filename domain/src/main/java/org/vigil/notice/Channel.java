package org.vigil.notice;

/** How a notice reaches its keeper. */
public enum Channel {
  /** E-mail with the PDF letter attached. */
  EMAIL,
  /** A text message naming the notice and the portal. */
  SMS,
  /** The PDF letter in the day's print batch, for the post. */
  POST
}
