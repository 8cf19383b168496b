package org.vigil.kafka.topology;

/** What the decide processor emits, before it is split by destination. */
record Out(Kind kind, byte[] value) {
  enum Kind {
    VIOLATION,
    PASSAGE,
    PLACEMENT
  }
}
