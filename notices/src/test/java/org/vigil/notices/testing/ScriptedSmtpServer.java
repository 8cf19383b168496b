package org.vigil.notices.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A remote mail server that answers RCPT with a chosen line (say {@code 550 5.1.1 <a@b> unknown}),
 * or never answers at all: the answers GreenMail cannot be made to give. Serves connections one
 * after another on 127.0.0.1 until closed.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptAnswer;
  private final boolean silent;
  private final Thread thread;

  private ScriptedSmtpServer(String rcptAnswer, boolean silent) throws IOException {
    this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.rcptAnswer = rcptAnswer;
    this.silent = silent;
    this.thread = Thread.ofVirtual().start(this::serve);
  }

  /** A server that answers every RCPT with {@code answer}. */
  public static ScriptedSmtpServer answeringRcpt(String answer) throws IOException {
    return new ScriptedSmtpServer(answer, false);
  }

  /** A server that accepts connections and never says a word. */
  public static ScriptedSmtpServer silent() throws IOException {
    return new ScriptedSmtpServer(null, true);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        if (silent) {
          s.getInputStream().read();
          continue;
        }
        talk(s);
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  private void talk(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = s.getOutputStream();
    say(out, "220 scripted ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (verb) {
        case "EHLO", "HELO" -> say(out, "250 scripted");
        case "RCPT" -> say(out, rcptAnswer);
        case "DATA" -> {
          say(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message
          }
          say(out, "250 queued");
        }
        case "QUIT" -> {
          say(out, "221 bye");
          return;
        }
        default -> say(out, "250 OK");
      }
    }
  }

  private static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
