package org.vigil.notice;

/**
 * A port that delivers notices: e-mail over SMTP, a text-message gateway, a print batch.
 *
 * <p>The outbox calls {@link #deliver} and retries on {@link DeliveryFailure}; a channel never logs
 * the keeper's address or the plate.
 */
public interface NoticeChannel {
  /** The channel this port serves. */
  Channel channel();

  /**
   * Delivers one notice, or throws.
   *
   * @throws DeliveryFailure when it was not delivered; its message names the cause (a status, a
   *     host) and never personal data
   */
  void deliver(OutgoingNotice notice) throws DeliveryFailure;

  /** A delivery that failed; {@link #permanent()} ones are not retried. */
  final class DeliveryFailure extends Exception {
    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
