package org.vigil.site;

import java.util.List;

/** A site configuration that cannot be used; every problem found is listed, not just the first. */
public final class InvalidSitesException extends RuntimeException {
  private final List<String> problems;

  public InvalidSitesException(List<String> problems) {
    super("invalid site configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming the entry and the field, e.g. {@code cameras[2] 'B-003': lanes ...}. */
  public List<String> problems() {
    return problems;
  }
}
