package org.vigil.payment;

import java.util.Map;
import java.util.Objects;

/**
 * The port that checks a payment provider's webhook call: its signature (and freshness, against
 * replays) and its body. A replayed call that passes is still harmless: the payment's source id is
 * then a duplicate and is ignored.
 */
public interface PaymentWebhook {
  /**
   * Checks one call.
   *
   * @param headers the request headers, names in lower case, first value of each
   * @param body the raw body, as signed
   * @return the payment it reports, or why it is refused (never personal data)
   */
  Verdict verify(Map<String, String> headers, byte[] body);

  /** What a check found. */
  sealed interface Verdict {
    /** Signed and well formed. */
    record Accepted(IncomingPayment payment) implements Verdict {
      public Accepted {
        Objects.requireNonNull(payment, "payment");
      }
    }

    /** Refused, e.g. {@code signature does not match} or {@code timestamp 400 s old}. */
    record Rejected(String reason) implements Verdict {
      public Rejected {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
