package org.vigil.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy forwards both ways, and a cut closes what is open and refuses what comes. */
class TcpProxyTest {
  private ServerSocket echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread.ofVirtual().start(() -> echoOn(s));
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  @Test
  void forwardsBothWays() throws IOException {
    try (TcpProxy proxy = TcpProxy.start("localhost", echo.getLocalPort());
        Socket s = connect(proxy)) {
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");
      assertThat(roundTrip(s, "again")).isEqualTo("again");
      assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }
  }

  @Test
  void aCutClosesOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
    try (TcpProxy proxy = TcpProxy.start("localhost", echo.getLocalPort())) {
      Socket before = connect(proxy);
      assertThat(roundTrip(before, "x")).isEqualTo("x");

      proxy.cut();
      assertThat(proxy.isCut()).isTrue();
      assertThat(endOrFailure(before)).isTrue();
      try (Socket during = connect(proxy)) {
        assertThat(endOrFailure(during)).isTrue();
      }

      proxy.restore();
      try (Socket after = connect(proxy)) {
        assertThat(roundTrip(after, "back")).isEqualTo("back");
      }
      before.close();
    }
  }

  @Test
  void listensOnTheGivenPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (TcpProxy proxy = TcpProxy.start(port, "localhost", echo.getLocalPort());
        Socket s = connect(proxy)) {
      assertThat(proxy.port()).isEqualTo(port);
      assertThat(roundTrip(s, "on port")).isEqualTo("on port");
    }
  }

  @Test
  void closingStopsListening() throws IOException {
    TcpProxy proxy = TcpProxy.start("localhost", echo.getLocalPort());
    int port = proxy.port();
    proxy.close();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void badPortsAreNamed() {
    assertThatThrownBy(() -> TcpProxy.start(-1, "localhost", 9092)).hasMessageContaining("-1");
    assertThatThrownBy(() -> TcpProxy.start("localhost", 0)).hasMessageContaining("0");
    assertThatThrownBy(() -> TcpProxy.start("localhost", 70000)).hasMessageContaining("70000");
  }

  private static Socket connect(TcpProxy proxy) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(5000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    s.getOutputStream().write(bytes);
    s.getOutputStream().flush();
    byte[] back = s.getInputStream().readNBytes(bytes.length);
    return new String(back, StandardCharsets.UTF_8);
  }

  /** Whether the connection is over: end of stream or an error, within the socket's timeout. */
  private static boolean endOrFailure(Socket s) {
    try {
      s.getOutputStream().write(1);
      s.getOutputStream().flush();
      return s.getInputStream().read() == -1;
    } catch (IOException e) {
      return !(e instanceof java.net.SocketTimeoutException);
    }
  }

  private static void echoOn(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the test closed its end
    }
  }
}
