package org.vigil.notices.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmtpChannelTest {
  @Test
  void theMessageIdIsTheDeliveryIdOrItsDigest() {
    assertThat(SmtpChannel.messageId("d-42", "police.kz")).isEqualTo("<d-42.notice@police.kz>");
    assertThat(SmtpChannel.messageId("a b/c", "police.kz"))
        .matches("<[0-9a-f]{64}\\.notice@police\\.kz>")
        .isEqualTo(SmtpChannel.messageId("a b/c", "police.kz"));
  }

  @Test
  void theAttachmentIsNamedAfterTheNotice() {
    assertThat(SmtpChannel.attachmentName("KZ-2026-000123")).isEqualTo("notice-KZ-2026-000123.pdf");
    assertThat(SmtpChannel.attachmentName("A/1 2")).isEqualTo("notice-A_1_2.pdf");
  }
}
