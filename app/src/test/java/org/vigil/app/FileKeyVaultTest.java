package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.retention.KeyId;
import org.vigil.retention.RetentionClass;

class FileKeyVaultTest {
  @TempDir Path dir;

  @Test
  void keysAreFilesThatOutliveTheProcessUntilDestroyed() throws Exception {
    Path keys = dir.resolve("keys");
    FileKeyVault vault = new FileKeyVault(keys, new SecureRandom());
    KeyId day = KeyId.of(RetentionClass.CASE, LocalDate.parse("2027-11-02"));
    KeyId hold = KeyId.hold(UUID.randomUUID());
    byte[] k = vault.createOrGet(day).getEncoded();
    vault.createOrGet(hold);
    assertThat(vault.createOrGet(day).getEncoded()).isEqualTo(k);

    Path file = keys.resolve("CASE-2027-11-02.kek");
    assertThat(Files.readAllBytes(file)).isEqualTo(k);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(keys)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary file is left")
          .allMatch(n -> n.endsWith(".kek"));
    }

    FileKeyVault restarted = new FileKeyVault(keys, new SecureRandom());
    assertThat(restarted.list()).containsExactlyInAnyOrder(day, hold);
    assertThat(restarted.get(day).orElseThrow().getEncoded()).isEqualTo(k);

    assertThat(restarted.destroy(day)).isTrue();
    assertThat(restarted.destroy(day)).isFalse();
    assertThat(file).doesNotExist();
    assertThat(restarted.get(day)).isEmpty();
    assertThat(restarted.list()).containsExactly(hold);
    assertThat(new FileKeyVault(keys, new SecureRandom()).get(day)).isEmpty();
  }
}
