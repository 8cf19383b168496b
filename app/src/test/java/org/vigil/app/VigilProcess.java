package org.vigil.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Vigil as a separate operating-system process started from the packaged jar, as an operator runs
 * it, so that a test can {@code kill -9} it. Its console output goes to {@code console.log} in its
 * data directory.
 */
final class VigilProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private VigilProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code vigil serve} on a free port and waits until it is ready. */
  static VigilProcess start(Path dataDir, Path sitesFile, Map<String, String> env)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
    if (sitesFile != null) {
      args.addAll(List.of("--sites", sitesFile.toString()));
    }
    return launch(args, port, dataDir, env, "Vigil is ready at");
  }

  /**
   * Starts {@code vigil ARGS…} from the packaged jar, with {@code VIGIL_DATA_DIR=dataDir} and
   * {@code env}, and waits up to 90 s for a console line starting with {@code ready}.
   *
   * @param port the port it serves on, for {@link #url()}
   */
  static VigilProcess launch(
      List<String> args, int port, Path dataDir, Map<String, String> env, String ready)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar"));
    cmd.add(System.getProperty("vigil.jar", "target/vigil.jar"));
    cmd.addAll(args);
    Files.createDirectories(dataDir);
    Path console = dataDir.resolve("console.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("VIGIL_DATA_DIR", dataDir.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    StringBuilder seen = new StringBuilder();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith(ready)) {
        break;
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("vigil " + args.getFirst() + " did not start:\n" + seen);
      }
    }
    if (line == null) {
      throw new IllegalStateException(
          "vigil " + args.getFirst() + " exited before it was ready:\n" + seen);
    }
    Files.writeString(console, seen);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (var w =
                  Files.newBufferedWriter(
                      console, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                String l;
                while ((l = out.readLine()) != null) {
                  w.write(l);
                  w.newLine();
                  w.flush();
                }
              } catch (IOException e) {
                // the process is gone; its output ends here
              }
            });
    return new VigilProcess(p, port);
  }

  URI url() {
    return URI.create("http://localhost:" + port + "/");
  }

  /**
   * Writes a heap dump of the process's live objects to {@code file} with the JDK's {@code jcmd}
   * (which collects garbage first), as an attacker holding the machine could.
   */
  void heapDump(Path file) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Path jcmd = java.resolveSibling("jcmd");
    Process dump =
        new ProcessBuilder(
                jcmd.toString(), Long.toString(process.pid()), "GC.heap_dump", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!dump.waitFor(120, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.exists(file)) {
      throw new IllegalStateException("jcmd could not dump the heap: " + out);
    }
  }

  /** {@code kill -9}: no shutdown hook, no clean stop. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A clean stop (SIGTERM), as an operator's service manager does. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
