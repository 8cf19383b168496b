package org.vigil.notices.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the SMTP server that sends notices. The password never appears in {@link
 * #toString()} or in an error message.
 *
 * @param host the server's host name or address
 * @param port 1 to 65535
 * @param from the sender's address (the authority's, not personal data)
 * @param user the login, or {@code null} for a server that takes mail without one
 * @param password the login's password; {@code null} exactly when {@code user} is
 * @param startTls whether to upgrade the connection with STARTTLS (and refuse to send without it)
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for each answer or write
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    String user,
    String password,
    boolean startTls,
    Duration connectTimeout,
    Duration readTimeout) {
  /** The variables {@link #fromEnv} reads. */
  public static final String HOST = "VIGIL_SMTP_HOST",
      PORT = "VIGIL_SMTP_PORT",
      FROM = "VIGIL_SMTP_FROM",
      USER = "VIGIL_SMTP_USER",
      PASSWORD = "VIGIL_SMTP_PASSWORD",
      STARTTLS = "VIGIL_SMTP_STARTTLS";

  /** The port when {@value #PORT} is not set: mail submission. */
  public static final int DEFAULT_PORT = 587;

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be 1 to 65535, was " + port);
    }
    if (!isAddress(from)) {
      throw new IllegalArgumentException(
          "the SMTP sender must be an e-mail address, was '" + from + "'");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "the SMTP user and password must be given together, or neither");
    }
    if (user != null && user.isBlank()) {
      throw new IllegalArgumentException("the SMTP user must not be blank");
    }
    if (!connectTimeout.isPositive() || !readTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "SMTP timeouts must be positive, were " + connectTimeout + " and " + readTimeout);
    }
  }

  /**
   * The settings from the environment: {@value #HOST} and {@value #FROM} (required), {@value #PORT}
   * (default {@value #DEFAULT_PORT}), {@value #USER} and {@value #PASSWORD} (together or neither),
   * {@value #STARTTLS} ({@code true} or {@code false}, default {@code true}); the timeouts are the
   * defaults (10 s to connect, 30 s per answer).
   *
   * @throws IllegalArgumentException naming the variable and its bad value (never the password's)
   */
  public static SmtpSettings fromEnv(Map<String, String> env) {
    String host = required(env, HOST);
    String from = required(env, FROM);
    if (!isAddress(from)) {
      throw new IllegalArgumentException(FROM + " must be an e-mail address, was '" + from + "'");
    }
    int port = DEFAULT_PORT;
    String portText = optional(env, PORT);
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            PORT + " must be a port number from 1 to 65535, was '" + portText + "'");
      }
    }
    boolean startTls = true;
    String tls = optional(env, STARTTLS);
    if (tls != null) {
      startTls =
          switch (tls.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException(
                    STARTTLS + " must be true or false, was '" + tls + "'");
          };
    }
    String user = optional(env, USER);
    String password = env.get(PASSWORD);
    if (password != null && password.isEmpty()) {
      password = null;
    }
    if (user != null && password == null) {
      throw new IllegalArgumentException(USER + " is set but " + PASSWORD + " is not");
    }
    if (user == null && password != null) {
      throw new IllegalArgumentException(PASSWORD + " is set but " + USER + " is not");
    }
    return new SmtpSettings(
        host, port, from, user, password, startTls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  private static String required(Map<String, String> env, String name) {
    String v = optional(env, name);
    if (v == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    return v;
  }

  private static String optional(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static boolean isAddress(String s) {
    try {
      new InternetAddress(s, true).validate();
      return s.contains("@");
    } catch (AddressException e) {
      return false;
    }
  }

  /** The part of {@link #from} after the {@code @}. */
  String fromDomain() {
    return from.substring(from.lastIndexOf('@') + 1);
  }

  @Override
  public String toString() {
    return "SmtpSettings["
        + host
        + ":"
        + port
        + ", from "
        + from
        + ", user "
        + (user != null)
        + ", starttls "
        + startTls
        + "]";
  }
}
