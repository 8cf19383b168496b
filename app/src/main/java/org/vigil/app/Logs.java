package org.vigil.app;

import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sets up logging before the first logger is made: console, and a file under the data dir. */
final class Logs {
  private Logs() {}

  static void init(Path dataDir) {
    System.setProperty("vigil.logDir", dataDir.resolve("logs").toString());
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }
}
