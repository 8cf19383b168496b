package org.vigil.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil}: the command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    version = "Vigil 0.1.0",
    description = "Open, vendor-neutral camera-based traffic enforcement.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      SimulateCommand.class,
      KeysCommand.class,
      AuditCommand.class,
      KafkaBrokerCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("vigil: " + e.getMessage());
              return 1;
            })
        .execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
