/** A single-node KRaft Kafka broker inside this JVM, for development and tests. */
package org.vigil.kafka.broker;
