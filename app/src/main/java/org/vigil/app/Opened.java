package org.vigil.app;

import java.sql.SQLException;
import java.util.List;

/**
 * What a node opened while starting, closed in the reverse order: on a clean stop ({@link
 * #closeAll}) and when a later step of the start fails ({@link #failedStart}). Every node (the
 * embedded Vigil and each Kafka node) starts this way.
 */
final class Opened {
  private Opened() {}

  /**
   * Closes each of {@code inOrder}, in that order, even when one fails.
   *
   * @throws IllegalStateException after all were tried, with the first failure as cause and the
   *     others suppressed
   */
  static void closeAll(List<AutoCloseable> inOrder) {
    RuntimeException first = null;
    for (AutoCloseable c : inOrder) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("could not stop cleanly", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Closes what {@code opened} holds, newest first, after {@code cause} stopped the start, and
   * returns the exception to throw: {@code cause}, with what failed while closing suppressed; an
   * {@link SQLException} wrapped as "cannot start".
   */
  static RuntimeException failedStart(List<AutoCloseable> opened, Exception cause) {
    for (AutoCloseable c : opened.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        cause.addSuppressed(e);
      }
    }
    if (cause instanceof SQLException sql) {
      return new IllegalStateException("cannot start: " + sql.getMessage(), sql);
    }
    return (RuntimeException) cause;
  }
}
