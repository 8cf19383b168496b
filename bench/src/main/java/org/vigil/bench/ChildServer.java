package org.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Vigil server as a child process: {@code java -jar vigil.jar serve} on a free loopback port,
 * with a fresh temporary data directory, the given site configuration and a random ingest key.
 *
 * <p>{@link #launch} returns at once, so that the caller can prepare its data while the server
 * boots; {@link #awaitReady} waits for the server's "ready" line and a 200 from {@code /health}.
 * {@link #close} stops the server (and its embedded PostgreSQL) and is safe to call more than once
 * and from a shutdown hook. The server's output goes to {@link #log()}; none of it is echoed.
 */
final class ChildServer implements AutoCloseable {
  private static final String READY = "Vigil is ready at ";
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final Process process;
  private final Path dir;
  private final Path log;
  private final URI url;
  private final String key;
  private final boolean keepDir;
  private boolean closed;

  private ChildServer(Process process, Path dir, Path log, URI url, String key, boolean keepDir) {
    this.process = process;
    this.dir = dir;
    this.log = log;
    this.url = url;
    this.key = key;
    this.keepDir = keepDir;
  }

  /**
   * Starts the server jar.
   *
   * @param jar {@code app/target/vigil.jar}
   * @param jvmOptions extra JVM options, e.g. a flight recording
   * @param sitesJson the site configuration to put in force
   * @param keepDir whether to keep the temporary directory when closed
   */
  static ChildServer launch(Path jar, List<String> jvmOptions, String sitesJson, boolean keepDir)
      throws IOException {
    Path dir = Files.createTempDirectory("vigil-load-");
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, sitesJson, StandardCharsets.UTF_8);
    Path log = dir.resolve("server.log");
    int port = freeLoopbackPort();
    String key = randomSecret();

    List<String> command =
        jarCommand(
            jar,
            jvmOptions,
            List.of("serve", "--sites", sites.toString(), "--port", Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("VIGIL_"));
    env.put("VIGIL_DATA_DIR", dir.resolve("data").toString());
    env.put("VIGIL_INGEST_KEY", key);
    env.put("VIGIL_ADMIN_PASSWORD", randomSecret());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    return new ChildServer(
        process, dir, log, URI.create("http://127.0.0.1:" + port + "/"), key, keepDir);
  }

  /**
   * The command that runs {@code jar} with {@code args} on this JVM's Java, as {@code ./vigil}
   * does, with {@code jvmOptions} before the jar.
   */
  static List<String> jarCommand(Path jar, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }

  /**
   * Waits until the server says it is ready and answers {@code /health} with 200.
   *
   * @throws IOException when it exits or is not ready within {@code timeout}; the message points to
   *     the log
   */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!logSays(READY)) {
      if (!process.isAlive()) {
        throw new IOException(
            "the server exited with status "
                + process.exitValue()
                + " before it was ready; see "
                + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the server was not ready within " + timeout + "; see " + log);
      }
      Thread.sleep(100);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<Void> health =
          http.send(
              HttpRequest.newBuilder(url.resolve("/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (health.statusCode() != 200) {
        throw new IOException(
            "the server is up but /health answered " + health.statusCode() + "; see " + log);
      }
    }
  }

  /** The server's base URL, on 127.0.0.1. */
  URI url() {
    return url;
  }

  /** Its ingest key. */
  String key() {
    return key;
  }

  /** Where its output goes. */
  Path log() {
    return log;
  }

  /** The server's process, for CPU accounting. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * The embedded PostgreSQL server the child started, found by its data directory (it detaches from
   * the JVM's process tree), or empty when there is none (an external database).
   */
  Optional<ProcessHandle> database() {
    String dataDir = dir.resolve("data").toString() + "/";
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
        .filter(p -> p.parent().map(parent -> !isSameCommand(parent, p)).orElse(true))
        .findFirst();
  }

  private static boolean isSameCommand(ProcessHandle a, ProcessHandle b) {
    return a.info().command().equals(b.info().command());
  }

  /**
   * Stops the server: a normal termination first (its shutdown hook stops the embedded database),
   * then, after {@link #STOP_GRACE}, by force, with every process it started.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    database().ifPresent(tree::add);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : tree) {
        if (child.isAlive()) {
          child.destroy();
          child.onExit().get(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (Exception e) {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    if (!keepDir) {
      deleteTree(dir);
    }
  }

  /** The temporary directory: data, log and sites file. */
  Path dir() {
    return dir;
  }

  private boolean logSays(String text) throws IOException {
    if (!Files.exists(log)) {
      return false;
    }
    return Files.readString(log, StandardCharsets.UTF_8).contains(text);
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void deleteTree(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("vigil-load: could not delete " + root + ": " + e.getMessage());
    }
  }
}
