package org.vigil.tariff;

import java.util.Objects;

/**
 * Where a figure comes from: the legal basis as a reader of the law would cite it, and either a
 * public source or a note saying why there is none. A figure is never presented as sourced when it
 * is not: without a source, the note must say so (e.g. "to be confirmed by the authority").
 *
 * @param basis the legal basis, e.g. {@code CoAO RK art. 592 part 2}; not blank
 * @param source a public address where the figure can be checked, or {@code null}
 * @param note a caveat, required when {@code source} is {@code null}; otherwise optional
 */
public record Legal(String basis, String source, String note) {
  public Legal {
    Objects.requireNonNull(basis, "basis");
    if (basis.isBlank()) {
      throw new IllegalArgumentException("basis must not be blank");
    }
    source = blankToNull(source);
    note = blankToNull(note);
    if (source == null && note == null) {
      throw new IllegalArgumentException(
          "'" + basis + "' needs a source, or a note saying why it has none");
    }
  }

  /** A sourced basis without a note. */
  public static Legal of(String basis, String source) {
    return new Legal(basis, source, null);
  }

  /** Whether a public source backs the figure. */
  public boolean isSourced() {
    return source != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
