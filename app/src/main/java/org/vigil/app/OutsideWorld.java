package org.vigil.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vigil.connectors.payments.BankStatementCsv;
import org.vigil.connectors.payments.WebhookSignature;
import org.vigil.connectors.registry.HttpRegistry;
import org.vigil.connectors.registry.RegistrySettings;
import org.vigil.notice.NoticeChannel;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.notices.mail.SmtpChannel;
import org.vigil.notices.mail.SmtpSettings;
import org.vigil.notices.post.PrintBatchChannel;
import org.vigil.notices.sms.HttpSmsChannel;
import org.vigil.notices.sms.SmsSettings;

/**
 * The case life cycle's ports to the outside world, chosen from the environment.
 *
 * <p>Always: the PDF renderer, the print batch for the post (in {@code <data dir>/print}) and the
 * bank statement reader. When configured: the national registry ({@code VIGIL_REGISTRY_URL},
 * docs/registry.md), e-mail ({@code VIGIL_SMTP_HOST}, docs/notices.md), text messages ({@code
 * VIGIL_SMS_URL}) and the payment provider's webhook ({@code VIGIL_PAYMENT_WEBHOOK_SECRETS},
 * comma-separated, docs/payments.md) and its payment page, linked from the portal ({@code
 * VIGIL_PAYMENT_PAGE}). Without a registry, confirmed cases wait for one; there is no fallback that
 * invents keepers outside the demo.
 */
final class OutsideWorld {
  /** The variable of the payment provider's page, a template with {@code {notice}}. */
  static final String PAYMENT_PAGE = "VIGIL_PAYMENT_PAGE";

  /** The variable of the time zone of print batches and bank statements. */
  static final String TIME_ZONE = "VIGIL_TIME_ZONE";

  /** Its default: Kazakhstan's single time zone since 2024. */
  static final String DEFAULT_TIME_ZONE = "Asia/Almaty";

  private OutsideWorld() {}

  /**
   * The ports the environment {@code env} configures.
   *
   * @throws IllegalArgumentException naming the variable and its value when one is unusable
   */
  static CasePorts fromEnvironment(Map<String, String> env, Path dataDir, Clock clock) {
    ZoneId zone = zone(env);
    PdfNoticeRenderer renderer = new PdfNoticeRenderer();
    List<NoticeChannel> channels = new ArrayList<>();
    channels.add(new PrintBatchChannel(dataDir.resolve("print"), clock, zone));
    if (present(env, "VIGIL_SMTP_HOST")) {
      channels.add(new SmtpChannel(SmtpSettings.fromEnv(env), renderer, clock));
    }
    if (present(env, "VIGIL_SMS_URL")) {
      channels.add(new HttpSmsChannel(SmsSettings.fromEnv(env), renderer));
    }
    CasePorts ports =
        CasePorts.none()
            .withRenderer(renderer)
            .withChannels(channels)
            .withStatements(new BankStatementCsv(zone));
    RegistrySettings registry = RegistrySettings.fromEnv(env).orElse(null);
    if (registry != null) {
      ports = ports.withRegistry(new HttpRegistry(registry));
    }
    if (present(env, "VIGIL_PAYMENT_WEBHOOK_SECRETS")) {
      List<String> secrets =
          Arrays.stream(env.get("VIGIL_PAYMENT_WEBHOOK_SECRETS").split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
      ports =
          ports.withWebhook(
              new WebhookSignature(secrets, WebhookSignature.DEFAULT_TOLERANCE, clock));
    }
    String page = env.get(PAYMENT_PAGE);
    if (page != null && !page.isBlank()) {
      ports = ports.withPaymentPage(paymentPage(page.strip()));
    }
    return ports;
  }

  /**
   * The payment page of each notice number from a template such as {@code
   * https://pay.example.kz/fines?ref={notice}}.
   *
   * @throws IllegalArgumentException naming the variable and value when it is no http(s) address
   *     with {@code {notice}} in it
   */
  static UnaryOperator<String> paymentPage(String template) {
    if (!template.matches("https?://\\S+") || !template.contains("{notice}")) {
      throw new IllegalArgumentException(
          PAYMENT_PAGE + " must be an http(s) address with {notice} in it, was '" + template + "'");
    }
    return notice ->
        template.replace("{notice}", URLEncoder.encode(notice, StandardCharsets.UTF_8));
  }

  /**
   * The time zone of print batches and bank statements ({@value #TIME_ZONE}).
   *
   * @throws IllegalArgumentException naming the variable and value when it is no time zone
   */
  static ZoneId zone(Map<String, String> env) {
    String value = env.getOrDefault(TIME_ZONE, DEFAULT_TIME_ZONE).strip();
    try {
      return ZoneId.of(value.isEmpty() ? DEFAULT_TIME_ZONE : value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          TIME_ZONE + " must be a time zone such as Asia/Almaty, was '" + value + "'", e);
    }
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }
}
