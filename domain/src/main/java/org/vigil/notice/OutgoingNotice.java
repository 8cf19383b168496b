package org.vigil.notice;

import java.util.Objects;

/**
 * One delivery of one notice through one channel, as the outbox hands it to the channel.
 *
 * @param deliveryId the outbox row's id; a channel may use it to make a resend idempotent
 * @param channel which channel
 * @param letter the notice
 * @param pdf the rendered letter
 */
public record OutgoingNotice(String deliveryId, Channel channel, NoticeLetter letter, byte[] pdf) {
  public OutgoingNotice {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(pdf, "pdf");
  }

  @Override
  public String toString() {
    return "OutgoingNotice[" + deliveryId + ", " + channel + ", " + letter.noticeNumber() + "]";
  }
}
