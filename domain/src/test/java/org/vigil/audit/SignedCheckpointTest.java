package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignedCheckpointTest {
  final LogKey key = AuditTestData.key();

  @Test
  void aSignedNoteIsTheC2spCheckpointFollowedByOneSignatureLine() {
    SignedCheckpoint s =
        key.sign(new Checkpoint(key.origin(), 3, Hash.sha256(new byte[] {1}), AuditTestData.T0));
    String[] lines = s.note().split("\n", -1);
    assertThat(lines).hasSize(7);
    assertThat(lines[0]).isEqualTo("vigil.test/audit");
    assertThat(lines[1]).isEqualTo("3");
    assertThat(lines[2]).isEqualTo(Hash.sha256(new byte[] {1}).base64());
    assertThat(lines[3]).isEqualTo("time 2026-11-02T07:30:00Z");
    assertThat(lines[4]).isEmpty();
    assertThat(lines[5]).startsWith("\u2014 vigil.test/audit ");
    assertThat(lines[6]).isEmpty();
    assertThat(SignedCheckpoint.parse(s.note())).isEqualTo(s);
    assertThat(s.verifies(key.publicKey())).isTrue();
    assertThat(LogKey.verifierKey(key.origin(), key.publicKey()))
        .matches("vigil\\.test/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
  }

  @Test
  void anAlteredBodyOrAnotherKeyDoesNotVerify() {
    SignedCheckpoint s =
        key.sign(new Checkpoint(key.origin(), 3, Hash.sha256(new byte[] {1}), AuditTestData.T0));
    SignedCheckpoint altered = SignedCheckpoint.parse(s.note().replaceFirst("\n3\n", "\n4\n"));
    assertThat(altered.verifies(key.publicKey())).isFalse();
    assertThat(s.verifies(AuditTestData.key().publicKey())).isFalse();
  }

  @Test
  void malformedNotesAreRefused() {
    assertThatThrownBy(() -> SignedCheckpoint.parse("vigil\n3\n")).hasMessageContaining("blank");
    assertThatThrownBy(() -> SignedCheckpoint.parse("vigil\nx\nAA==\ntime 1\n\n\u2014 a b\n"))
        .hasMessageContaining("size 'x'");
  }
}
