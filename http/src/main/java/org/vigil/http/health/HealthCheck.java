package org.vigil.http.health;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One thing a node needs before it can do its work: the database answers, the broker acknowledges,
 * the stream processors run. A check says what is wrong in words an operator can act on, or nothing
 * when all is well; it must answer quickly and never throw.
 *
 * @param name a short fixed name shown in the readiness answer, such as {@code database}
 * @param problem what is wrong now, or empty when ready
 */
public record HealthCheck(String name, Supplier<Optional<String>> problem) {
  public HealthCheck {
    Objects.requireNonNull(problem, "problem");
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException(
          "a health check name must be a short lower-case word, was '" + name + "'");
    }
  }

  /** What is wrong now; a check that throws is reported as failing with the exception's type. */
  Optional<String> run() {
    try {
      return problem.get();
    } catch (RuntimeException e) {
      return Optional.of("the check failed: " + e.getClass().getSimpleName());
    }
  }
}
