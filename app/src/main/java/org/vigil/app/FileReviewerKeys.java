package org.vigil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.cases.ReviewerKeys;

/**
 * Each reviewer's Ed25519 signing key in files under a directory (by default {@code
 * $VIGIL_KEY_DIR/reviewers}): {@code <pseudonym>.pk8} (PKCS#8 DER, readable by the owner only) and
 * {@code <pseudonym>.pub} (X.509 DER), named by the account's pseudonym with {@code :} as {@code
 * -}. A key is generated on a reviewer's first decision and written durably (temporary file, fsync,
 * atomic rename) before it signs. The database holds only the public keys.
 */
final class FileReviewerKeys implements ReviewerKeys {
  private final Path dir;
  private final Map<String, KeyPair> cache = new ConcurrentHashMap<>();

  FileReviewerKeys(Path dir) {
    this.dir = dir;
  }

  @Override
  public KeyPair keyOf(String reviewer) {
    if (!reviewer.matches("[a-z]+:[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("reviewer '" + reviewer + "' is not a pseudonym");
    }
    return cache.computeIfAbsent(reviewer, this::load);
  }

  private synchronized KeyPair load(String reviewer) {
    String name = reviewer.replace(':', '-');
    Path priv = dir.resolve(name + ".pk8");
    Path pub = dir.resolve(name + ".pub");
    try {
      if (!Files.exists(priv)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        write(pub, pair.getPublic().getEncoded());
        write(priv, pair.getPrivate().getEncoded());
      }
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      return new KeyPair(
          kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))),
          kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the key of " + reviewer + " in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the key of " + reviewer + " in " + dir + " is unusable", e);
    }
  }

  private void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
