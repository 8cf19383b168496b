package org.vigil.notices.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeRenderer;
import org.vigil.notice.OutgoingNotice;

/**
 * Sends a notice by e-mail over SMTP (Eclipse Angus Mail): a plain-text body in the keeper's
 * language and the PDF letter attached as {@code notice-<number>.pdf}.
 *
 * <p>The {@code Message-ID} is derived from the delivery id ({@code <delivery-id.notice@domain of
 * the sender>}), so a resend of the same delivery carries the same id and a mail client or a
 * mailbox can recognise it as the same message.
 *
 * <p>Failures: a connection refused or timed out, an authentication failure, or any 4xx answer are
 * not permanent (the outbox retries); a 5xx answer to the recipient (address rejected), a 5xx
 * answer to the message, a keeper without an e-mail address, or an address that is not one, are
 * permanent. A failure's message names the notice, the server and the SMTP status, never the
 * recipient's address; the server's own answer, which may quote it, is not kept as the cause.
 */
public final class SmtpChannel implements NoticeChannel {
  private final SmtpSettings settings;
  private final NoticeRenderer renderer;
  private final Clock clock;
  private final Session session;

  public SmtpChannel(SmtpSettings settings, NoticeRenderer renderer, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.session = Session.getInstance(properties(settings));
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", s.host());
    p.setProperty("mail.smtp.port", Integer.toString(s.port()));
    p.setProperty("mail.smtp.from", s.from());
    p.setProperty("mail.smtp.auth", Boolean.toString(s.user() != null));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.startTls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.startTls()));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(s.readTimeout().toMillis()));
    return p;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void deliver(OutgoingNotice notice) throws DeliveryFailure {
    if (notice.channel() != Channel.EMAIL) {
      throw new IllegalArgumentException(
          "delivery " + notice.deliveryId() + " is for " + notice.channel() + ", not EMAIL");
    }
    String number = notice.letter().noticeNumber();
    String email = notice.letter().keeper().email();
    if (email == null) {
      throw new DeliveryFailure(
          "notice " + number + ": the keeper has no e-mail address", true, null);
    }
    InternetAddress to;
    try {
      to = new InternetAddress(email, true);
    } catch (AddressException e) {
      throw new DeliveryFailure(
          "notice " + number + ": the keeper's e-mail address is not valid", true, null);
    }
    MimeMessage message;
    try {
      message = message(notice, to);
    } catch (MessagingException e) {
      throw new IllegalStateException("notice " + number + ": the e-mail could not be built", e);
    }
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
      transport.sendMessage(message, new InternetAddress[] {to});
    } catch (MessagingException e) {
      throw failure(number, e);
    }
  }

  private MimeMessage message(OutgoingNotice notice, InternetAddress to) throws MessagingException {
    String messageId = messageId(notice.deliveryId(), settings.fromDomain());
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    m.setFrom(new InternetAddress(settings.from()));
    m.setRecipient(MimeMessage.RecipientType.TO, to);
    m.setSubject(renderer.emailSubject(notice.letter()), "UTF-8");
    m.setSentDate(Date.from(clock.instant()));
    m.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(renderer.emailBody(notice.letter()), "UTF-8");
    MimeBodyPart pdf = new MimeBodyPart();
    pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(notice.pdf(), "application/pdf")));
    pdf.setFileName(attachmentName(notice.letter().noticeNumber()));
    pdf.setDisposition(Part.ATTACHMENT);
    m.setContent(new MimeMultipart(text, pdf));
    m.saveChanges();
    return m;
  }

  /**
   * {@code notice-<number>.pdf}, characters other than letters, digits, {@code ._-} as {@code _}.
   */
  static String attachmentName(String noticeNumber) {
    return "notice-" + noticeNumber.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  /**
   * {@code <delivery-id.notice@domain>}; a delivery id with characters other than letters, digits,
   * {@code ._-} is replaced by its SHA-256 in hex, so the same id always gives the same Message-ID.
   */
  static String messageId(String deliveryId, String domain) {
    String local = deliveryId.matches("[A-Za-z0-9._-]{1,64}") ? deliveryId : sha256(deliveryId);
    return "<" + local + ".notice@" + domain + ">";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private DeliveryFailure failure(String number, MessagingException e) {
    String where = "notice " + number + " via SMTP " + settings.host() + ":" + settings.port();
    SMTPAddressFailedException address = find(e, SMTPAddressFailedException.class);
    if (address != null) {
      int code = address.getReturnCode();
      return new DeliveryFailure(
          where + ": the server refused the recipient (" + code + ")", code >= 500, null);
    }
    SMTPSendFailedException send = find(e, SMTPSendFailedException.class);
    if (send != null) {
      int code = send.getReturnCode();
      return new DeliveryFailure(
          where + ": the server refused the message (" + code + ")", code >= 500, null);
    }
    if (find(e, AuthenticationFailedException.class) != null) {
      return new DeliveryFailure(where + ": authentication failed", false, null);
    }
    IOException io = find(e, IOException.class);
    if (find(e, MailConnectException.class) != null) {
      return new DeliveryFailure(where + ": could not connect", false, io);
    }
    if (io != null) {
      return new DeliveryFailure(
          where + ": " + io.getClass().getSimpleName() + " while sending", false, io);
    }
    return new DeliveryFailure(
        where + ": " + e.getClass().getSimpleName() + " while sending", false, null);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
