package org.vigil.notices.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Channel;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeChannel.DeliveryFailure;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.OutgoingNotice;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.notices.testing.Letters;
import org.vigil.notices.testing.PdfText;
import org.vigil.notices.testing.ScriptedSmtpServer;

/** {@link SmtpChannel} against a real SMTP server (GreenMail) on a free local port. */
class SmtpChannelIT {
  static final int PORT = freePort();
  static final String KEEPER = "keeper@example.kz";
  static final PdfNoticeRenderer RENDERER = new PdfNoticeRenderer();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T05:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SmtpSettings settings(int port) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        "notices@police.example.kz",
        null,
        null,
        false,
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  static OutgoingNotice notice(String deliveryId, Language language) {
    NoticeLetter letter = Letters.speeding(language);
    return new OutgoingNotice(deliveryId, Channel.EMAIL, letter, RENDERER.pdf(letter));
  }

  @Test
  void theMailArrivesWithItsSubjectBodyAndThePdfLetter() throws Exception {
    OutgoingNotice notice = notice("delivery-42", Language.KK);

    new SmtpChannel(settings(PORT), RENDERER, CLOCK).deliver(notice);

    assertThat(GREENMAIL.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = GREENMAIL.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo(RENDERER.emailSubject(notice.letter()));
    assertThat(mail.getSubject()).contains("хабарлама", Letters.NUMBER);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(KEEPER);
    assertThat(mail.getFrom()[0].toString()).isEqualTo("notices@police.example.kz");
    assertThat(mail.getMessageID()).isEqualTo("<delivery-42.notice@police.example.kz>");
    assertThat(mail.getSentDate().toInstant()).isEqualTo(CLOCK.instant());

    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    Part text = parts.getBodyPart(0);
    assertThat(text.isMimeType("text/plain")).isTrue();
    assertThat((String) text.getContent())
        .contains(Letters.NUMBER, Letters.PORTAL, "Құрметті Әлихан");
    Part pdf = parts.getBodyPart(1);
    assertThat(pdf.isMimeType("application/pdf")).isTrue();
    assertThat(pdf.getFileName()).isEqualTo("notice-KZ-2026-000123.pdf");
    assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(pdf.getDisposition());
    byte[] attached = pdf.getInputStream().readAllBytes();
    assertThat(PdfText.text(attached))
        .contains(Letters.NUMBER, "Белгіленген жүру жылдамдығын асыру");
  }

  @Test
  void aResendCarriesTheSameMessageId() throws Exception {
    SmtpChannel channel = new SmtpChannel(settings(PORT), RENDERER, CLOCK);

    channel.deliver(notice("delivery-7", Language.RU));
    channel.deliver(notice("delivery-7", Language.RU));
    channel.deliver(notice("delivery-8", Language.RU));

    assertThat(GREENMAIL.waitForIncomingEmail(5000, 3)).isTrue();
    assertThat(GREENMAIL.getReceivedMessages())
        .extracting(MimeMessage::getMessageID)
        .containsExactly(
            "<delivery-7.notice@police.example.kz>",
            "<delivery-7.notice@police.example.kz>",
            "<delivery-8.notice@police.example.kz>");
  }

  @Test
  void aStoppedServerIsARetryableFailure() {
    GREENMAIL.stop();
    SmtpChannel channel = new SmtpChannel(settings(PORT), RENDERER, CLOCK);

    assertThatThrownBy(() -> channel.deliver(notice("delivery-1", Language.EN)))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse())
        .hasMessage("notice KZ-2026-000123 via SMTP 127.0.0.1:" + PORT + ": could not connect")
        .message()
        .doesNotContain(KEEPER);
  }

  @Test
  void aRejectedAddressIsPermanentAndTheFailureDoesNotNameIt() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringRcpt("550 5.1.1 <" + KEEPER + ">: user unknown")) {
      SmtpChannel channel = new SmtpChannel(settings(server.port()), RENDERER, CLOCK);

      assertThatThrownBy(() -> channel.deliver(notice("delivery-2", Language.EN)))
          .isInstanceOfSatisfying(
              DeliveryFailure.class,
              f -> {
                assertThat(f.permanent()).isTrue();
                assertThat(f.getCause()).isNull();
              })
          .hasMessageContaining("refused the recipient (550)")
          .message()
          .doesNotContain(KEEPER);
    }
  }

  @Test
  void aTemporarilyRefusedAddressIsRetried() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringRcpt("450 4.2.1 <" + KEEPER + ">: try again later")) {
      SmtpChannel channel = new SmtpChannel(settings(server.port()), RENDERER, CLOCK);

      assertThatThrownBy(() -> channel.deliver(notice("delivery-3", Language.EN)))
          .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse())
          .hasMessageContaining("(450)")
          .message()
          .doesNotContain(KEEPER);
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAndIsRetried() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
      SmtpChannel channel = new SmtpChannel(settings(server.port()), RENDERER, CLOCK);

      assertThatThrownBy(() -> channel.deliver(notice("delivery-4", Language.EN)))
          .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse());
    }
  }

  @Test
  void aKeeperWithoutAnEmailAddressIsAPermanentFailure() {
    NoticeLetter letter =
        Letters.letter(Language.EN, ViolationType.RED_LIGHT, Double.NaN, Double.NaN, 0, null);
    OutgoingNotice notice = new OutgoingNotice("delivery-5", Channel.EMAIL, letter, new byte[0]);

    assertThatThrownBy(() -> new SmtpChannel(settings(PORT), RENDERER, CLOCK).deliver(notice))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isTrue())
        .hasMessage("notice KZ-2026-000123: the keeper has no e-mail address");
    assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
  }
}
