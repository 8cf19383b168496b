package org.vigil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.vigil.audit.LogKey;

/**
 * The audit log's secrets, kept in {@code DATA_DIR/audit/}, each created on first start and
 * readable only by the owner: {@code signing-key.pk8}, the Ed25519 key checkpoints are signed with
 * (PKCS#8 DER), with {@code signing-key.pub} beside it (X.509 DER), and {@code pseudonym.key}, 32
 * random bytes that turn user names into pseudonyms. Neither is ever logged.
 */
final class AuditKeys {
  /** The log's origin, the first line of every checkpoint. */
  static final String ORIGIN = "vigil/audit";

  private AuditKeys() {}

  /** The signing key under {@code dir}, created when there is none. */
  static LogKey signingKey(Path dir) {
    Path priv = dir.resolve("signing-key.pk8");
    Path pub = dir.resolve("signing-key.pub");
    try {
      if (!Files.exists(priv)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        writeOwnerOnly(pub, pair.getPublic().getEncoded());
        writeOwnerOnly(priv, pair.getPrivate().getEncoded());
      }
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
      PublicKey publicKey = kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
      if (!(privateKey instanceof EdECPrivateKey ed)
          || !NamedParameterSpec.ED25519.getName().equals(ed.getParams().getName())) {
        throw new IllegalStateException(priv + " does not hold an Ed25519 key");
      }
      return new LogKey(ORIGIN, privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the audit signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the audit signing key in " + dir + " is unusable", e);
    }
  }

  /** The pseudonym key under {@code dir}, created when there is none. */
  static byte[] pseudonymKey(Path dir, SecureRandom random) {
    Path file = dir.resolve("pseudonym.key");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        writeOwnerOnly(file, key);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the pseudonym key in " + dir, e);
    }
  }

  private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IOException(file + " appeared while it was being created", e);
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
