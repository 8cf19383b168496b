/**
 * The scale-out runtime on Apache Kafka: ingest nodes, the rules as a Kafka Streams application,
 * the violation sink into PostgreSQL, epoch keys shared between nodes, and a local KRaft broker.
 */
package org.vigil.kafka;
