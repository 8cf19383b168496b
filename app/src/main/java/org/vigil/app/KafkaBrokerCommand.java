package org.vigil.app;

import java.nio.file.Path;
import org.vigil.kafka.broker.LocalBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil kafka-broker}: a single-node Kafka broker (KRaft) until stopped. */
@Command(
    name = "kafka-broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a single-node Apache Kafka broker in KRaft mode (broker and controller",
      "in one process) for development and trials; production runs Kafka's own",
      "distribution. Formats DIR on first start; later starts keep its topics",
      "and records. Prints 'Kafka broker ready at HOST:PORT' once clients may connect."
    })
final class KafkaBrokerCommand implements Runnable {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The broker's directory (Kafka's data in DIR/data, logs in DIR/logs).")
  Path dir;

  @Option(names = "--port", defaultValue = "9092", description = "Client port (default 9092).")
  int port;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      description = "KRaft controller port (default 9093).")
  int controllerPort;

  @Option(
      names = "--host",
      defaultValue = "localhost",
      description = "Host name to listen on and advertise to clients (default localhost).")
  String host;

  @Override
  public void run() {
    Logs.init(dir);
    LocalBroker broker =
        LocalBroker.start(new LocalBroker.Config(dir, port, controllerPort).withHost(host));
    System.out.println("Kafka broker ready at " + broker.bootstrapServers());
    ServeCommand.awaitShutdown(broker);
  }
}
