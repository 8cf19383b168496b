package org.vigil.notices.letter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.vigil.notice.NoticeLetter;

/**
 * The payment address a notice's QR code encodes: {@code <portal>/pay?n=<notice number>}, the
 * portal without a trailing slash and the number URL-encoded (UTF-8), e.g. {@code
 * https://vigil.example/portal/pay?n=KZ-2026-000123}. The portal answers it with its form, the
 * number filled in: with the plate, the case opens with its amounts and the pay link. It carries no
 * personal data.
 */
public final class PaymentUri {
  private PaymentUri() {}

  /** The payment address of {@code letter}. */
  public static String of(NoticeLetter letter) {
    return of(letter.portal(), letter.noticeNumber());
  }

  /** The payment address of notice {@code noticeNumber} at {@code portal}. */
  public static String of(String portal, String noticeNumber) {
    String base = portal;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/pay?n=" + URLEncoder.encode(noticeNumber, StandardCharsets.UTF_8);
  }
}
