package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.vigil.kafka.ClusterSecret;

/**
 * How a node of the Kafka runtime runs: the brokers and the node's role from the command line
 * ({@code vigil serve --kafka BOOTSTRAP --role ingest|process|cases}), the rest from the
 * environment:
 *
 * <ul>
 *   <li>{@code VIGIL_KAFKA_SECRET_FILE} (required): a file of exactly 32 random bytes, the same on
 *       every node ({@code head -c 32 /dev/urandom > vigil-kafka.secret}); see {@link
 *       ClusterSecret}.
 *   <li>{@code VIGIL_KAFKA_PARTITIONS} (default {@value #DEFAULT_PARTITIONS}): partitions of the
 *       topics the node creates when they are missing; at least the number of processing instances
 *       you mean to run.
 * </ul>
 *
 * @param bootstrap the brokers, {@code host:port[,host:port…]}
 * @param role what this node does
 * @param secretFile where the cluster secret is
 * @param partitions partitions of the topics it creates
 */
record KafkaSettings(String bootstrap, Role role, Path secretFile, int partitions) {
  static final int DEFAULT_PARTITIONS = 6;

  /** The roles of a node. */
  enum Role {
    /** Takes cameras' posts and writes each detection to Kafka once it is replicated. */
    INGEST,
    /** Runs the rules as a Kafka Streams application. */
    PROCESS,
    /** Writes violations into PostgreSQL and runs the back office, the pages and the API. */
    CASES;

    static Role parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--role must be ingest, process or cases, was '" + value + "'", e);
      }
    }

    /** The role's name as the command line and the health answers spell it. */
    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  KafkaSettings {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("--kafka needs the brokers, as host:port[,host:port…]");
    }
    if (partitions < 1 || partitions > 1000) {
      throw new IllegalArgumentException(
          "VIGIL_KAFKA_PARTITIONS must be between 1 and 1000, was " + partitions);
    }
  }

  /**
   * The settings of {@code vigil serve --kafka bootstrap --role role} under {@code env}.
   *
   * @throws IllegalArgumentException naming the bad or missing value
   */
  static KafkaSettings of(String bootstrap, String role, Map<String, String> env) {
    if (role == null) {
      throw new IllegalArgumentException("--kafka needs --role ingest, process or cases");
    }
    String secret = env.get("VIGIL_KAFKA_SECRET_FILE");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "VIGIL_KAFKA_SECRET_FILE must name a file of 32 random bytes shared by every node"
              + " (make one with: head -c 32 /dev/urandom > vigil-kafka.secret)");
    }
    String partitions = env.getOrDefault("VIGIL_KAFKA_PARTITIONS", "").trim();
    int n;
    try {
      n = partitions.isEmpty() ? DEFAULT_PARTITIONS : Integer.parseInt(partitions);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "VIGIL_KAFKA_PARTITIONS must be a whole number, was '" + partitions + "'", e);
    }
    return new KafkaSettings(bootstrap.trim(), Role.parse(role), Path.of(secret.trim()), n);
  }

  /**
   * Reads the cluster secret.
   *
   * @throws IllegalArgumentException when the file is missing or is not exactly 32 bytes
   */
  ClusterSecret secret() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(secretFile);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "VIGIL_KAFKA_SECRET_FILE " + secretFile + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "VIGIL_KAFKA_SECRET_FILE " + secretFile + " cannot be read: " + e.getMessage(), e);
    }
    try {
      if (bytes.length != ClusterSecret.BYTES) {
        throw new IllegalArgumentException(
            "VIGIL_KAFKA_SECRET_FILE "
                + secretFile
                + " must hold exactly "
                + ClusterSecret.BYTES
                + " bytes, held "
                + bytes.length);
      }
      return new ClusterSecret(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
