package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notice.Channel;

class OutsideWorldTest {
  @TempDir Path dir;

  @Test
  void without_settings_only_our_own_ports_are_wired() {
    CasePorts ports = OutsideWorld.fromEnvironment(Map.of(), dir, Clock.systemUTC());
    assertThat(ports.renderer()).isPresent();
    assertThat(ports.statements()).isPresent();
    assertThat(ports.byChannel()).containsOnlyKeys(Channel.POST);
    assertThat(ports.registry()).isEmpty();
    assertThat(ports.webhook()).isEmpty();
    assertThat(ports.paymentPage()).isEmpty();
  }

  @Test
  void the_payment_page_links_each_notice_encoded() {
    assertThat(
            OutsideWorld.paymentPage("https://pay.example.kz/fines?ref={notice}")
                .apply("4821 0937"))
        .isEqualTo("https://pay.example.kz/fines?ref=4821+0937");
    assertThatThrownBy(() -> OutsideWorld.paymentPage("https://pay.example.kz/fines"))
        .hasMessageContaining("VIGIL_PAYMENT_PAGE")
        .hasMessageContaining("'https://pay.example.kz/fines'");
  }

  @Test
  void a_bad_time_zone_is_named() {
    assertThat(OutsideWorld.zone(Map.of())).isEqualTo(ZoneId.of("Asia/Almaty"));
    assertThatThrownBy(() -> OutsideWorld.zone(Map.of("VIGIL_TIME_ZONE", "Mars/Olympus")))
        .hasMessage("VIGIL_TIME_ZONE must be a time zone such as Asia/Almaty, was 'Mars/Olympus'");
  }
}
