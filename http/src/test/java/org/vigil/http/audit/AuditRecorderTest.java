package org.vigil.http.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {
  static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  @Test
  void aPseudonymIsStablePerKeyAndHidesTheName() {
    AuditRecorder a = new AuditRecorder(e -> 0, key(1));
    assertThat(a.pseudonym("ingrid"))
        .isEqualTo(a.pseudonym("ingrid"))
        .matches("account:[0-9a-f]{20}");
    assertThat(a.pseudonym("ingrid")).doesNotContain("ingrid").isNotEqualTo(a.pseudonym("inge"));
    assertThat(new AuditRecorder(e -> 0, key(2)).pseudonym("ingrid"))
        .isNotEqualTo(a.pseudonym("ingrid"));
    assertThatThrownBy(() -> new AuditRecorder(e -> 0, new byte[8]))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void plainIdsAreReferencedAsTheyAreOthersByDigest() {
    assertThat(AuditRecorder.ref("camera", "B-003")).isEqualTo("camera:B-003");
    assertThat(AuditRecorder.ref("camera", "Main St / 5th")).matches("camera:sha256-[0-9a-f]{16}");
  }
}
