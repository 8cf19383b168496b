package org.vigil.http;

import io.helidon.http.Status;

/**
 * A request that cannot be served as sent; the message is shown to the caller and names the bad
 * value. Never put a plate, name or address in it.
 */
public final class BadRequestException extends RuntimeException {
  private final transient Status status;

  public BadRequestException(String message) {
    this(Status.BAD_REQUEST_400, message);
  }

  public BadRequestException(Status status, String message) {
    super(message);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
