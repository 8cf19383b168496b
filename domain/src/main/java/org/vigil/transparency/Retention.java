package org.vigil.transparency;

/**
 * How long one class of data is kept, in plain words.
 *
 * @param dataClass what is kept, such as "Violations and their evidence"
 * @param period how long, such as "1 year after the violation, longer only under a legal hold"
 */
public record Retention(String dataClass, String period) {
  public Retention {
    if (dataClass == null || dataClass.isBlank()) {
      throw new IllegalArgumentException("a retention statement needs a data class");
    }
    if (period == null || period.isBlank()) {
      throw new IllegalArgumentException("the retention of '" + dataClass + "' needs a period");
    }
  }
}
