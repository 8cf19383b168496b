package org.vigil.pipeline;

/**
 * The violations of a batch could not be made durable. Nothing of the batch counts as accepted; the
 * sender should send it again.
 */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
