package org.vigil.tariff;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tariffs of several jurisdictions, by id.
 *
 * @param tariffs each tariff under its own {@link Tariff#jurisdiction()}
 */
public record TariffBook(Map<String, Tariff> tariffs) {
  public TariffBook {
    tariffs = Map.copyOf(tariffs);
    tariffs.forEach(
        (id, t) -> {
          if (!id.equals(t.jurisdiction())) {
            throw new IllegalArgumentException(
                "tariff " + t.jurisdiction() + " is filed under '" + id + "'");
          }
        });
  }

  /** A book of {@code tariffs}, refusing two for one jurisdiction. */
  public static TariffBook of(Collection<Tariff> tariffs) {
    Map<String, Tariff> byId = new TreeMap<>();
    for (Tariff t : tariffs) {
      if (byId.putIfAbsent(t.jurisdiction(), t) != null) {
        throw new IllegalArgumentException("two tariffs for " + t.jurisdiction());
      }
    }
    return new TariffBook(byId);
  }

  /** The jurisdictions in the book. */
  public Set<String> jurisdictions() {
    return new TreeSet<>(tariffs.keySet());
  }

  /** The tariff of {@code jurisdiction} (case-insensitive), if the book has one. */
  public Optional<Tariff> tariff(String jurisdiction) {
    return Optional.ofNullable(tariffs.get(jurisdiction.toUpperCase(Locale.ROOT)));
  }

  /**
   * Assesses {@code offence} under the tariff of {@code jurisdiction}; an unknown jurisdiction
   * gives {@link Outcome#NO_TARIFF}. Never throws for a lack of law.
   */
  public Assessment assess(String jurisdiction, Offence offence) {
    return tariff(jurisdiction)
        .map(t -> t.assess(offence))
        .orElseGet(
            () ->
                Assessment.noTariff(
                    jurisdiction, "no tariff for jurisdiction '" + jurisdiction + "'"));
  }
}
