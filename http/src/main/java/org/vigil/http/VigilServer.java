package org.vigil.http;

import io.helidon.webserver.WebServer;
import java.util.List;

/** Vigil's web server on one port, serving {@link VigilRoutes}. */
public final class VigilServer implements AutoCloseable {
  private final WebServer server;

  private VigilServer(WebServer server) {
    this.server = server;
  }

  /** Starts serving {@code services} on {@code port} (0 for any free port) on every interface. */
  public static VigilServer start(int port, HttpServices services) {
    WebServer server =
        WebServer.builder()
            .port(port)
            .maxPayloadSize(64L << 20)
            .shutdownHook(false)
            .routing(routing -> VigilRoutes.register(routing, services))
            .build()
            .start();
    return new VigilServer(server);
  }

  /**
   * Starts serving only {@code routes}, every one open, on {@code port}: the web server of a Kafka
   * runtime node that is not the cases node (ingest, health, metrics).
   */
  public static VigilServer startOpen(int port, List<Route> routes) {
    WebServer server =
        WebServer.builder()
            .port(port)
            .maxPayloadSize(64L << 20)
            .shutdownHook(false)
            .routing(routing -> VigilRoutes.registerOpen(routing, routes))
            .build()
            .start();
    return new VigilServer(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
