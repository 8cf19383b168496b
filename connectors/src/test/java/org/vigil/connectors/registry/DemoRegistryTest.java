package org.vigil.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry.Lookup;
import org.vigil.notice.Language;
import org.vigil.plate.Plate;

class DemoRegistryTest {
  private static final Instant AT = Instant.parse("2026-11-02T07:30:00Z");
  private final DemoRegistry registry = DemoRegistry.standard();

  /** Plates in the simulator's Kazakh format: three digits, three letters, two digits. */
  private static List<Plate> kazakhPlates(int n) {
    List<Plate> plates = new ArrayList<>();
    String letters = "ABCDEFGHKLMNOPRSTUXYZ";
    for (int i = 0; i < n; i++) {
      String text =
          String.format("%03d", (i * 7919) % 1000)
              + letters.charAt(i % letters.length())
              + letters.charAt((i / 3) % letters.length())
              + letters.charAt((i / 11) % letters.length())
              + String.format("%02d", 1 + i % 20);
      plates.add(new Plate(text, "KZ"));
    }
    return plates;
  }

  @Test
  void the_same_plate_always_gives_the_same_keeper() {
    Plate plate = new Plate("911ABY15", "KZ");
    Lookup first = registry.lookup(plate, AT);
    assertThat(DemoRegistry.standard().lookup(plate, AT.plusSeconds(86_400 * 400L)))
        .isEqualTo(first);
    assertThat(registry.lookup(new Plate("911ABY15", "KZ"), AT)).isEqualTo(first);
  }

  @Test
  void another_seed_gives_other_keepers() {
    DemoRegistry other = new DemoRegistry("another seed");
    long differing =
        kazakhPlates(200).stream()
            .filter(p -> !registry.lookup(p, AT).equals(other.lookup(p, AT)))
            .count();
    assertThat(differing).isGreaterThan(180);
  }

  @Test
  void keepers_are_plausible_and_varied() {
    int notFound = 0;
    int neither = 0;
    int both = 0;
    Map<Language, Integer> languages = new EnumMap<>(Language.class);
    List<Plate> plates = kazakhPlates(2000);
    for (Plate plate : plates) {
      Lookup lookup = registry.lookup(plate, AT);
      assertThat(lookup).isNotInstanceOf(Lookup.Unavailable.class);
      if (lookup instanceof Lookup.NotFound) {
        notFound++;
        continue;
      }
      Keeper k = ((Lookup.Found) lookup).keeper();
      languages.merge(k.language(), 1, Integer::sum);
      assertThat(k.name()).matches("\\S+ \\S+");
      assertThat(k.address().country()).isEqualTo("KZ");
      assertThat(k.address().lines()).hasSize(2);
      assertThat(k.address().lines().get(1))
          .matches("(05|01|16)[0-9]{4} (Алматы|Астана|Шымкент|Almaty|Astana|Shymkent)");
      if (k.email() != null) {
        assertThat(k.email()).matches("keeper-[0-9a-f]{8}@demo\\.vigil\\.test");
      }
      if (k.phone() != null) {
        assertThat(k.phone()).matches("\\+770[0-8][0-9]{7}");
      }
      if (k.email() == null && k.phone() == null) {
        neither++;
      }
      if (k.email() != null && k.phone() != null) {
        both++;
      }
      if (k.language() == Language.EN) {
        assertThat(k.name()).matches("[A-Za-z]+ [A-Za-z]+");
      } else {
        assertThat(k.name()).doesNotContainPattern("[A-Za-z]");
      }
    }
    int found = plates.size() - notFound;
    assertThat(notFound).isBetween(40, 180); // about 5 %
    assertThat(neither).isBetween(found / 20, found / 6); // about 10 %: post only
    assertThat(both).isGreaterThan(found / 2);
    assertThat(languages.get(Language.KK)).isBetween(found * 3 / 10, found / 2);
    assertThat(languages.get(Language.RU)).isBetween(found * 3 / 10, found / 2);
    assertThat(languages.get(Language.EN)).isBetween(found / 10, found * 3 / 10);
  }

  @Test
  void it_keeps_the_plate_out_of_its_string() {
    assertThat(registry.toString()).doesNotContain("911");
  }

  @Property
  void any_plate_gives_a_valid_keeper_or_none_and_always_the_same(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 16) String text) {
    Plate plate = new Plate(text, "KZ");
    Lookup lookup = registry.lookup(plate, AT);
    assertThat(lookup).isInstanceOfAny(Lookup.Found.class, Lookup.NotFound.class);
    assertThat(registry.lookup(plate, Instant.EPOCH)).isEqualTo(lookup);
  }
}
