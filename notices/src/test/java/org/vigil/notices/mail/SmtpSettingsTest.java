package org.vigil.notices.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  static Map<String, String> env(String... pairs) {
    Map<String, String> m = new HashMap<>();
    m.put("VIGIL_SMTP_HOST", "mail.example");
    m.put("VIGIL_SMTP_FROM", "notices@police.example.kz");
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void theDefaultsAreSubmissionWithStartTlsAndNoLogin() {
    SmtpSettings s = SmtpSettings.fromEnv(env());

    assertThat(s.host()).isEqualTo("mail.example");
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.from()).isEqualTo("notices@police.example.kz");
    assertThat(s.user()).isNull();
    assertThat(s.password()).isNull();
    assertThat(s.startTls()).isTrue();
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everyVariableIsRead() {
    SmtpSettings s =
        SmtpSettings.fromEnv(
            env(
                "VIGIL_SMTP_PORT", "2525",
                "VIGIL_SMTP_USER", "vigil",
                "VIGIL_SMTP_PASSWORD", "s3cret-pw",
                "VIGIL_SMTP_STARTTLS", "FALSE"));

    assertThat(s.port()).isEqualTo(2525);
    assertThat(s.user()).isEqualTo("vigil");
    assertThat(s.password()).isEqualTo("s3cret-pw");
    assertThat(s.startTls()).isFalse();
    assertThat(s.toString()).doesNotContain("s3cret-pw");
  }

  @Test
  void aBadValueIsRefusedNamingTheVariableAndTheValue() {
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_PORT", "smtp")))
        .hasMessage("VIGIL_SMTP_PORT must be a port number from 1 to 65535, was 'smtp'");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_PORT", "70000")))
        .hasMessageContaining("VIGIL_SMTP_PORT")
        .hasMessageContaining("'70000'");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_STARTTLS", "yes")))
        .hasMessage("VIGIL_SMTP_STARTTLS must be true or false, was 'yes'");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_FROM", "not an address")))
        .hasMessage("VIGIL_SMTP_FROM must be an e-mail address, was 'not an address'");
    Map<String, String> noHost = env();
    noHost.remove("VIGIL_SMTP_HOST");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(noHost))
        .hasMessage("VIGIL_SMTP_HOST must be set");
  }

  @Test
  void userAndPasswordComeTogetherAndThePasswordIsNeverPrinted() {
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_USER", "vigil")))
        .hasMessage("VIGIL_SMTP_USER is set but VIGIL_SMTP_PASSWORD is not");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(env("VIGIL_SMTP_PASSWORD", "s3cret-pw")))
        .hasMessage("VIGIL_SMTP_PASSWORD is set but VIGIL_SMTP_USER is not")
        .message()
        .doesNotContain("s3cret-pw");
  }
}
