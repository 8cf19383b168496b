package org.vigil.notices.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeRenderer;
import org.vigil.notice.OutgoingNotice;

/**
 * Sends a notice as a text message through an HTTP gateway: one {@code POST} of {@code
 * application/json} {@code {"to": "+77011234567", "text": "…", "reference": "<delivery id>"}} with
 * {@code Authorization: Bearer <token>}. The text is {@link NoticeRenderer#sms}; the reference lets
 * the gateway drop a resend of the same delivery.
 *
 * <p>Answers: 2xx is delivered; 408 and 429 and every 5xx, a timeout or a connection failure are
 * not permanent (the outbox retries); any other 4xx, or a keeper without a phone number, is
 * permanent. A failure's message names the notice, the gateway's host and the status, never the
 * phone number or the gateway's answer.
 */
public final class HttpSmsChannel implements NoticeChannel {
  private final SmsSettings settings;
  private final NoticeRenderer renderer;
  private final HttpClient client;

  public HttpSmsChannel(SmsSettings settings, NoticeRenderer renderer) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void deliver(OutgoingNotice notice) throws DeliveryFailure {
    if (notice.channel() != Channel.SMS) {
      throw new IllegalArgumentException(
          "delivery " + notice.deliveryId() + " is for " + notice.channel() + ", not SMS");
    }
    String number = notice.letter().noticeNumber();
    String phone = notice.letter().keeper().phone();
    if (phone == null) {
      throw new DeliveryFailure(
          "notice " + number + ": the keeper has no phone number", true, null);
    }
    String body =
        "{\"to\":"
            + json(phone)
            + ",\"text\":"
            + json(renderer.sms(notice.letter()))
            + ",\"reference\":"
            + json(notice.deliveryId())
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Bearer " + settings.token())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    String where = "notice " + number + " via SMS gateway " + settings.url().getHost();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailure(where + ": timed out", false, e);
    } catch (IOException e) {
      throw new DeliveryFailure(
          where + ": " + e.getClass().getSimpleName() + " while sending", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(where + ": interrupted", false, e);
    }
    if (status >= 200 && status < 300) {
      return;
    }
    boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    throw new DeliveryFailure(where + ": the gateway answered " + status, permanent, null);
  }

  /** {@code s} as a JSON string literal. */
  static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
