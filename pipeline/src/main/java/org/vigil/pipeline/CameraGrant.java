package org.vigil.pipeline;

/**
 * Which cameras a caller may post detections for: one camera (its own key) or every camera (the
 * shared {@code VIGIL_INGEST_KEY}).
 */
public sealed interface CameraGrant {

  boolean allows(String cameraId);

  static CameraGrant everyCamera() {
    return Every.INSTANCE;
  }

  static CameraGrant camera(String cameraId) {
    return new One(cameraId);
  }

  /** Every camera. */
  enum Every implements CameraGrant {
    INSTANCE;

    @Override
    public boolean allows(String cameraId) {
      return true;
    }
  }

  /** One camera. */
  record One(String cameraId) implements CameraGrant {
    @Override
    public boolean allows(String other) {
      return cameraId.equals(other);
    }
  }
}
