package org.vigil.http.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.pipeline.CameraGrant;
import org.vigil.postgres.PostgresCameraKeys;

/**
 * Which bearer keys may post detections, and for which cameras. Keys are random 256-bit values
 * shown once when issued; only their SHA-256 digests are stored, here and in the database. The
 * optional shared key ({@code VIGIL_INGEST_KEY}) is accepted for every camera.
 */
public final class IngestKeys {
  private final PostgresCameraKeys store;
  private final byte[] sharedKeyDigest;
  private final Map<String, String> cameraByDigest = new ConcurrentHashMap<>();
  private final SecureRandom random;

  /**
   * @param sharedKey the key accepted for every camera, or null for none
   */
  public IngestKeys(PostgresCameraKeys store, String sharedKey, SecureRandom random)
      throws SQLException {
    this.store = store;
    this.random = random;
    this.sharedKeyDigest = sharedKey == null || sharedKey.isBlank() ? null : sha256(sharedKey);
    cameraByDigest.putAll(store.active());
  }

  /** The grant of a presented key, or empty when it is not a valid key. */
  public Optional<CameraGrant> grantOf(String presentedKey) {
    byte[] digest = sha256(presentedKey);
    if (sharedKeyDigest != null && MessageDigest.isEqual(digest, sharedKeyDigest)) {
      return Optional.of(CameraGrant.everyCamera());
    }
    String camera = cameraByDigest.get(HexFormat.of().formatHex(digest));
    return camera == null ? Optional.empty() : Optional.of(CameraGrant.camera(camera));
  }

  /** Issues a new key for {@code cameraId}; the caller shows it once and it is never stored. */
  public String issue(String cameraId) throws SQLException {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String key = "vk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    byte[] digest = sha256(key);
    store.add(digest, cameraId);
    cameraByDigest.put(HexFormat.of().formatHex(digest), cameraId);
    return key;
  }

  /** Revokes every key of {@code cameraId}; returns how many there were. */
  public int revoke(String cameraId) throws SQLException {
    int n = store.revokeAll(cameraId);
    cameraByDigest.values().removeIf(cameraId::equals);
    return n;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
