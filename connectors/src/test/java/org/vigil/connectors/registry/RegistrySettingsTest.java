package org.vigil.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

  @Test
  void no_url_means_no_national_registry() {
    assertThat(RegistrySettings.fromEnv(Map.of())).isEmpty();
    assertThat(RegistrySettings.fromEnv(Map.of("VIGIL_REGISTRY_URL", " "))).isEmpty();
  }

  @Test
  void reads_url_token_and_timeout() {
    RegistrySettings s =
        RegistrySettings.fromEnv(
                Map.of(
                    "VIGIL_REGISTRY_URL", "https://registry.example.kz/api/",
                    "VIGIL_REGISTRY_TOKEN", "tok-123",
                    "VIGIL_REGISTRY_TIMEOUT", "PT2.5S"))
            .orElseThrow();

    assertThat(s.baseUrl()).isEqualTo(URI.create("https://registry.example.kz/api/"));
    assertThat(s.token()).isEqualTo("tok-123");
    assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(s.lookupsUri())
        .isEqualTo(URI.create("https://registry.example.kz/api/v1/keeper-lookups"));
    assertThat(s.toString()).doesNotContain("tok-123");
  }

  @Test
  void the_timeout_defaults_to_five_seconds() {
    RegistrySettings s =
        RegistrySettings.fromEnv(
                Map.of("VIGIL_REGISTRY_URL", "https://r.example", "VIGIL_REGISTRY_TOKEN", "t"))
            .orElseThrow();

    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.lookupsUri()).isEqualTo(URI.create("https://r.example/v1/keeper-lookups"));
  }

  @Test
  void bad_settings_name_the_variable_and_value() {
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of(
                        "VIGIL_REGISTRY_URL", "https://r.example",
                        "VIGIL_REGISTRY_TOKEN", "t",
                        "VIGIL_REGISTRY_TIMEOUT", "5 seconds")))
        .hasMessage(
            "VIGIL_REGISTRY_TIMEOUT must be an ISO-8601 duration such as PT5S, was '5 seconds'");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of(
                        "VIGIL_REGISTRY_URL", "https://r.example",
                        "VIGIL_REGISTRY_TOKEN", "t",
                        "VIGIL_REGISTRY_TIMEOUT", "PT10M")))
        .hasMessage("VIGIL_REGISTRY_TIMEOUT must be between PT0.1S and PT2M, was PT10M");
    assertThatThrownBy(() -> RegistrySettings.fromEnv(Map.of("VIGIL_REGISTRY_URL", "ftp://x")))
        .hasMessage("VIGIL_REGISTRY_TOKEN must be set when VIGIL_REGISTRY_URL is set");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of("VIGIL_REGISTRY_URL", "ftp://x", "VIGIL_REGISTRY_TOKEN", "t")))
        .hasMessage("VIGIL_REGISTRY_URL must be an http(s) URL, was 'ftp://x'");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of("VIGIL_REGISTRY_URL", "not a url", "VIGIL_REGISTRY_TOKEN", "t")))
        .hasMessage("VIGIL_REGISTRY_URL must be an absolute http(s) URL, was 'not a url'");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of(
                        "VIGIL_REGISTRY_URL", "http://registry.example.kz",
                        "VIGIL_REGISTRY_TOKEN", "t")))
        .hasMessage(
            "VIGIL_REGISTRY_URL must use https (plain http only to a loopback address), was"
                + " 'http://registry.example.kz'");
  }

  @Test
  void plain_http_is_allowed_to_loopback_only() {
    for (String url :
        new String[] {"http://localhost:8081", "http://127.0.0.1:9", "http://[::1]:9"}) {
      assertThat(
              RegistrySettings.fromEnv(
                  Map.of("VIGIL_REGISTRY_URL", url, "VIGIL_REGISTRY_TOKEN", "t")))
          .as(url)
          .isPresent();
    }
  }

  @Test
  void secrets_never_reach_a_message() {
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of(
                        "VIGIL_REGISTRY_URL", "https://user:hunter2@r.example",
                        "VIGIL_REGISTRY_TOKEN", "t")))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("VIGIL_REGISTRY_URL must not hold user info");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromEnv(
                    Map.of(
                        "VIGIL_REGISTRY_URL", "https://r.example",
                        "VIGIL_REGISTRY_TOKEN", "two words")))
        .hasMessageNotContaining("two words")
        .hasMessageContaining("VIGIL_REGISTRY_TOKEN");
  }
}
