package org.vigil.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.testkit.InMemoryKeyVault;

class EnvelopesTest {
  private final InMemoryKeyVault vault = new InMemoryKeyVault();
  private final Envelopes envelopes = new Envelopes(vault, new SecureRandom());
  private final KeyId day = KeyId.of(RetentionClass.CASE, LocalDate.parse("2027-11-02"));
  private final byte[] plate = "B AB 1234".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsOpensAndHidesThePlainText() {
    UUID subject = UUID.randomUUID();
    Envelopes.Sealed s = envelopes.seal(subject, plate, day);
    assertThat(vault.list()).containsExactly(day);
    assertThat(new String(s.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain("AB 1234");
    assertThat(envelopes.open(subject, s.sealed(), s.wrappedKey(), day)).contains(plate);
    Envelopes.Sealed again = envelopes.seal(subject, plate, day);
    assertThat(again.sealed()).isNotEqualTo(s.sealed());
    assertThat(again.wrappedKey()).isNotEqualTo(s.wrappedKey());
  }

  @Test
  void aCiphertextMovedToAnotherSubjectOrAlteredDoesNotOpen() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    Envelopes.Sealed s = envelopes.seal(a, plate, day);
    assertThatThrownBy(() -> envelopes.open(b, s.sealed(), s.wrappedKey(), day))
        .hasMessageContaining(b.toString())
        .hasMessageNotContaining("AB");
    byte[] altered = s.sealed().clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> envelopes.open(a, altered, s.wrappedKey(), day))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void destroyingTheKeyShredsEveryCopy() {
    UUID subject = UUID.randomUUID();
    Envelopes.Sealed s = envelopes.seal(subject, plate, day);
    byte[] backupSealed = s.sealed().clone();
    byte[] backupWrapped = s.wrappedKey().clone();
    assertThat(vault.destroy(day)).isTrue();
    assertThat(envelopes.open(subject, s.sealed(), s.wrappedKey(), day)).isEmpty();
    assertThat(envelopes.open(subject, backupSealed, backupWrapped, day)).isEmpty();
    vault.createOrGet(day); // a new key of the same name opens nothing old
    assertThatThrownBy(() -> envelopes.open(subject, backupSealed, backupWrapped, day))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rewrapMovesTheSubjectToAnotherKeyAndResealKeepsIt() {
    UUID subject = UUID.randomUUID();
    Envelopes.Sealed s = envelopes.seal(subject, plate, day);
    KeyId hold = KeyId.hold(UUID.randomUUID());
    byte[] moved = envelopes.rewrap(subject, s.wrappedKey(), day, hold).orElseThrow();
    vault.destroy(day);
    assertThat(envelopes.open(subject, s.sealed(), moved, hold)).contains(plate);
    byte[] other = "XY 9".getBytes(StandardCharsets.UTF_8);
    byte[] resealed = envelopes.reseal(subject, other, moved, hold).orElseThrow();
    assertThat(envelopes.open(subject, resealed, moved, hold)).contains(other);
    assertThat(envelopes.rewrap(subject, s.wrappedKey(), day, hold)).isEmpty();
  }
}
