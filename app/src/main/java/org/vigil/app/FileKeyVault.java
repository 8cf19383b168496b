package org.vigil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.retention.KeyId;
import org.vigil.retention.KeyVault;

/**
 * Key-encryption keys as files, outside the database so that no dump or backup of it holds one:
 * {@code <dir>/<class>-<yyyy-mm-dd>.kek} or {@code <dir>/hold-<uuid>.kek}, 32 random bytes each,
 * readable by the owner only where the file system allows.
 *
 * <p>A key is written to a temporary file, forced to disk, moved into place atomically and the
 * directory forced, before {@link #createOrGet} returns: no row is committed under a key that a
 * crash could lose. {@link #destroy} overwrites the file with zeros and forces it, deletes it and
 * forces the directory. Keys read once are kept in memory until destroyed.
 */
final class FileKeyVault implements KeyVault {
  private static final String SUFFIX = ".kek";
  private final Path dir;
  private final SecureRandom random;
  private final Map<KeyId, SecretKey> cache = new ConcurrentHashMap<>();

  FileKeyVault(Path dir, SecureRandom random) {
    this.dir = dir;
    this.random = random;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the key directory " + dir, e);
    }
  }

  /** The directory of the keys. */
  Path dir() {
    return dir;
  }

  @Override
  public SecretKey createOrGet(KeyId id) {
    SecretKey cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    synchronized (this) {
      Optional<SecretKey> existing = get(id);
      if (existing.isPresent()) {
        return existing.get();
      }
      byte[] key = new byte[32];
      random.nextBytes(key);
      try {
        Path tmp = dir.resolve(id.flat() + SUFFIX + ".tmp");
        Files.deleteIfExists(tmp);
        try {
          Files.createFile(
              tmp,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(tmp);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.wrap(key));
          ch.force(true);
        }
        try {
          Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file(id));
        }
        forceDirectory();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create key " + id + " in " + dir, e);
      }
      SecretKey k = new SecretKeySpec(key, "AES");
      cache.put(id, k);
      return k;
    }
  }

  @Override
  public Optional<SecretKey> get(KeyId id) {
    SecretKey cached = cache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      byte[] key = Files.readAllBytes(file(id));
      if (key.length != 32) {
        throw new IllegalStateException("key file " + file(id) + " does not hold 32 bytes");
      }
      SecretKey k = new SecretKeySpec(key, "AES");
      cache.put(id, k);
      return Optional.of(k);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key " + id + " in " + dir, e);
    }
  }

  @Override
  public synchronized boolean destroy(KeyId id) {
    cache.remove(id);
    Path f = file(id);
    if (!Files.exists(f)) {
      return false;
    }
    try {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.allocate((int) ch.size()), 0);
        ch.force(true);
      }
      Files.delete(f);
      forceDirectory();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot destroy key " + id + " in " + dir, e);
    }
  }

  @Override
  public List<KeyId> list() {
    List<KeyId> ids = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        ids.add(KeyId.parseFlat(name.substring(0, name.length() - SUFFIX.length())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the keys in " + dir, e);
    }
    return ids;
  }

  private Path file(KeyId id) {
    return dir.resolve(id.flat() + SUFFIX);
  }

  private void forceDirectory() throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
