package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.notice.Language;

class VigilConfigTest {

  @Test
  void thePagesLanguageIsRussianUnlessVigilLanguageSaysOtherwise() {
    assertThat(VigilConfig.fromEnvironment(Map.of()).language()).isEqualTo(Language.RU);
    assertThat(VigilConfig.fromEnvironment(Map.of("VIGIL_LANGUAGE", "kk")).language())
        .isEqualTo(Language.KK);
    assertThat(VigilConfig.fromEnvironment(Map.of("VIGIL_LANGUAGE", " en ")).language())
        .isEqualTo(Language.EN);
    assertThat(VigilConfig.fromEnvironment(Map.of()).withLanguage(Language.KK).language())
        .isEqualTo(Language.KK);
  }

  @Test
  void anUnknownLanguageIsRefusedNamingIt() {
    assertThatThrownBy(() -> VigilConfig.fromEnvironment(Map.of("VIGIL_LANGUAGE", "de")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VIGIL_LANGUAGE must be kk, ru or en, was 'de'");
  }
}
