package org.vigil.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback interface that a test can cut, to take one client's connection to a
 * server away while others keep theirs:
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("localhost", serverPort)) {
 *   client.connectTo("localhost", proxy.port());
 *   proxy.cut();      // the client's open connections close; new ones are refused
 *   proxy.restore();  // the client may connect again
 * }
 * }</pre>
 *
 * <p>While cut, the proxy still accepts a connection (the listening socket stays open) but closes
 * it at once, so a client sees its connection fail rather than hang. Each connection is a pair of
 * sockets pumped by two virtual threads; when either side ends, both close.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = new HashSet<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private boolean cut;
  private boolean closed;
  private Thread acceptor;

  private TcpProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
  }

  /** A proxy on a free loopback port forwarding to {@code targetHost:targetPort}. */
  public static TcpProxy start(String targetHost, int targetPort) {
    return start(0, targetHost, targetPort);
  }

  /**
   * A proxy on loopback port {@code listenPort} (0: a free port) forwarding to {@code
   * targetHost:targetPort}.
   *
   * @throws UncheckedIOException if {@code listenPort} cannot be bound
   */
  public static TcpProxy start(int listenPort, String targetHost, int targetPort) {
    Objects.requireNonNull(targetHost, "targetHost");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be 0 (free) to 65535: " + listenPort);
    }
    if (targetPort < 1 || targetPort > 65535) {
      throw new IllegalArgumentException("targetPort must be 1 to 65535: " + targetPort);
    }
    ServerSocket server;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
    } catch (IOException e) {
      throw new UncheckedIOException("the proxy cannot listen on port " + listenPort, e);
    }
    TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(targetHost, targetPort));
    proxy.acceptor =
        Thread.ofVirtual()
            .name("tcp-proxy-accept-" + server.getLocalPort())
            .start(proxy::acceptLoop);
    return proxy;
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * Closes every open connection and refuses new ones until {@link #restore()}. Returns once every
   * open connection is closed.
   */
  public void cut() {
    List<Socket> toClose;
    synchronized (this) {
      cut = true;
      toClose = new ArrayList<>(open);
      open.clear();
    }
    toClose.forEach(TcpProxy::closeQuietly);
  }

  /** Lets clients connect again. */
  public synchronized void restore() {
    cut = false;
  }

  /** Whether the proxy is cut. */
  public synchronized boolean isCut() {
    return cut;
  }

  /** How many connections the proxy has accepted since it started, refused ones included. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /**
   * Stops listening and closes every open connection; returns once the port is free (the thread
   * that accepted connections has ended).
   */
  @Override
  public void close() {
    List<Socket> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(open);
      open.clear();
    }
    closeQuietly(server);
    toClose.forEach(TcpProxy::closeQuietly);
    try {
      acceptor.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "TcpProxy[" + port() + " -> " + target + (isCut() ? ", cut" : "") + "]";
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      if (!track(client)) {
        closeQuietly(client);
        continue;
      }
      Thread.ofVirtual().start(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      if (!track(upstream)) {
        closeBoth(client, upstream);
        return;
      }
      upstream.connect(target, 10_000);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      closeBoth(client, upstream);
      return;
    }
    Thread.ofVirtual().start(() -> pump(client, upstream));
    pump(upstream, client);
  }

  /** Adds {@code s} to the open sockets unless the proxy is cut or closed. */
  private synchronized boolean track(Socket s) {
    if (cut || closed) {
      return false;
    }
    open.add(s);
    return true;
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // closed by a cut, by close, or by either end: the connection is over
    } finally {
      closeBoth(from, to);
    }
  }

  private void closeBoth(Socket a, Socket b) {
    synchronized (this) {
      open.remove(a);
      open.remove(b);
    }
    closeQuietly(a);
    closeQuietly(b);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing is best effort: the socket is gone either way
    }
  }
}
