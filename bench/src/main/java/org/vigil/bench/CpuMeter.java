package org.vigil.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time used during a phase by the load client, the server JVM and the processes the server
 * started (its embedded PostgreSQL with its backends), from the operating system's accounts. A
 * process that ends during the phase takes its time with it, so the figures are a lower bound.
 */
final class CpuMeter {
  private final ProcessHandle server;
  private final ProcessHandle database;
  private final Map<Long, Duration> start;
  private final long startNanos;

  private CpuMeter(ProcessHandle server, ProcessHandle database) {
    this.server = server;
    this.database = database;
    this.start = snapshot();
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts measuring.
   *
   * @param server the server's JVM, or null when the server is not a child
   * @param database the server's embedded PostgreSQL, or null
   */
  static CpuMeter start(ProcessHandle server, ProcessHandle database) {
    return new CpuMeter(server, database);
  }

  /**
   * Cores used on average since {@link #start}: busy CPU time divided by elapsed time.
   *
   * @param client the load client (this JVM)
   * @param serverJvm the server's JVM, NaN when it is not a child
   * @param database the server's child processes, NaN when the server is not a child
   */
  record Usage(double client, double serverJvm, double database) {
    String text() {
      if (Double.isNaN(serverJvm)) {
        return String.format(Locale.ROOT, "load client %.2f", client);
      }
      return String.format(
          Locale.ROOT,
          "server JVM %.2f · PostgreSQL %.2f · load client %.2f · total %.2f",
          serverJvm,
          database,
          client,
          serverJvm + database + client);
    }
  }

  /** The usage since {@link #start}. */
  Usage stop() {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    Map<Long, Duration> end = snapshot();
    long self = ProcessHandle.current().pid();
    double client = 0;
    double jvm = 0;
    double db = 0;
    for (Map.Entry<Long, Duration> e : end.entrySet()) {
      double seconds =
          e.getValue().minus(start.getOrDefault(e.getKey(), Duration.ZERO)).toNanos() / 1e9;
      if (e.getKey() == self) {
        client += seconds;
      } else if (server != null && e.getKey() == server.pid()) {
        jvm += seconds;
      } else {
        db += seconds;
      }
    }
    if (server == null) {
      return new Usage(client / elapsed, Double.NaN, Double.NaN);
    }
    return new Usage(client / elapsed, jvm / elapsed, db / elapsed);
  }

  private Map<Long, Duration> snapshot() {
    Map<Long, Duration> cpu = new HashMap<>();
    put(cpu, ProcessHandle.current());
    for (ProcessHandle root : new ProcessHandle[] {server, database}) {
      if (root != null) {
        put(cpu, root);
        List<ProcessHandle> children = root.descendants().toList();
        children.forEach(p -> put(cpu, p));
      }
    }
    return cpu;
  }

  private static void put(Map<Long, Duration> cpu, ProcessHandle p) {
    p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d));
  }
}
