/**
 * The scale-out runtime on Apache Kafka: ingest nodes, the rules as a Kafka Streams application,
 * the violation sink into PostgreSQL, and epoch keys shared between nodes. The local KRaft broker
 * for development and tests is in the {@code kafka-broker} module.
 */
package org.vigil.kafka;
