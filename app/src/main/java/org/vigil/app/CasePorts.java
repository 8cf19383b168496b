package org.vigil.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeRenderer;
import org.vigil.payment.BankStatementParser;
import org.vigil.payment.PaymentWebhook;

/**
 * The outside-world ports of the case life cycle, each optional: the integrator plugs the real ones
 * in (registry, PDF renderer, e-mail/SMS/print channels, payment webhook, bank statement parser).
 * While one is absent, its part of the flow waits: confirmed cases stay CONFIRMED without a
 * registry; deliveries stay PENDING without a renderer or their channel; the payment routes answer
 * 503.
 *
 * @param registry the vehicle registry
 * @param renderer renders notices (PDF, e-mail and SMS texts)
 * @param channels delivers notices, at most one per {@link Channel}
 * @param webhook checks the payment provider's webhook calls
 * @param statements reads bank statements
 * @param paymentPage the payment provider's page of a notice number, linked from the portal; while
 *     empty the portal shows the payment reference only
 */
public record CasePorts(
    Optional<KeeperRegistry> registry,
    Optional<NoticeRenderer> renderer,
    List<NoticeChannel> channels,
    Optional<PaymentWebhook> webhook,
    Optional<BankStatementParser> statements,
    Optional<UnaryOperator<String>> paymentPage) {
  public CasePorts {
    channels = List.copyOf(channels);
  }

  /** No port wired. */
  public static CasePorts none() {
    return new CasePorts(
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The channels by the channel each serves. */
  Map<Channel, NoticeChannel> byChannel() {
    Map<Channel, NoticeChannel> m = new EnumMap<>(Channel.class);
    for (NoticeChannel c : channels) {
      if (m.put(c.channel(), c) != null) {
        throw new IllegalArgumentException("two notice channels for " + c.channel());
      }
    }
    return m;
  }

  public CasePorts withRegistry(KeeperRegistry r) {
    return new CasePorts(Optional.of(r), renderer, channels, webhook, statements, paymentPage);
  }

  public CasePorts withRenderer(NoticeRenderer r) {
    return new CasePorts(registry, Optional.of(r), channels, webhook, statements, paymentPage);
  }

  public CasePorts withChannels(List<NoticeChannel> c) {
    return new CasePorts(registry, renderer, c, webhook, statements, paymentPage);
  }

  public CasePorts withWebhook(PaymentWebhook w) {
    return new CasePorts(registry, renderer, channels, Optional.of(w), statements, paymentPage);
  }

  public CasePorts withStatements(BankStatementParser p) {
    return new CasePorts(registry, renderer, channels, webhook, Optional.of(p), paymentPage);
  }

  /** With the payment provider's page of a notice number. */
  public CasePorts withPaymentPage(UnaryOperator<String> page) {
    return new CasePorts(registry, renderer, channels, webhook, statements, Optional.of(page));
  }
}
