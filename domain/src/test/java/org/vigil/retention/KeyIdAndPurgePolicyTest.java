package org.vigil.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class KeyIdAndPurgePolicyTest {
  private static final LocalDate BASE = LocalDate.parse("2026-01-01");

  @Test
  void keyIdsRoundTripAndBadOnesAreNamed() {
    KeyId day = KeyId.of(RetentionClass.CASE, LocalDate.parse("2027-11-02"));
    UUID h = UUID.randomUUID();
    assertThat(day.toString()).isEqualTo("CASE/2027-11-02");
    assertThat(day.flat()).isEqualTo("CASE-2027-11-02");
    assertThat(KeyId.parse("CASE/2027-11-02")).isEqualTo(day);
    assertThat(KeyId.parse("hold/" + h)).isEqualTo(KeyId.hold(h));
    assertThat(KeyId.hold(h).flat()).isEqualTo("hold-" + h);
    assertThat(KeyId.parseFlat(day.flat())).isEqualTo(day);
    assertThat(KeyId.parseFlat(KeyId.hold(h).flat())).isEqualTo(KeyId.hold(h));
    KeyId evidence = KeyId.of(RetentionClass.EVIDENCE_IMAGE, LocalDate.parse("2027-01-31"));
    assertThat(KeyId.parseFlat(evidence.flat())).isEqualTo(evidence);
    assertThatThrownBy(() -> KeyId.parse("CASE/tomorrow")).hasMessageContaining("'CASE/tomorrow'");
    assertThatThrownBy(() -> KeyId.parse("FOO/2027-01-01"))
        .hasMessageContaining("'FOO/2027-01-01'");
    assertThatThrownBy(() -> KeyId.parse("nothing")).hasMessageContaining("'nothing'");
  }

  @Property
  void dueAreExactlyTheDayKeysBeforeToday(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 60) Integer> offsets,
      @ForAll @IntRange(min = 0, max = 60) int todayOffset,
      @ForAll @IntRange(min = 0, max = 5) int holds) {
    List<KeyId> keys = new ArrayList<>();
    for (int i = 0; i < offsets.size(); i++) {
      RetentionClass c = RetentionClass.values()[i % RetentionClass.values().length];
      keys.add(KeyId.of(c, BASE.plusDays(offsets.get(i))));
    }
    for (int i = 0; i < holds; i++) {
      keys.add(KeyId.hold(UUID.randomUUID()));
    }
    LocalDate today = BASE.plusDays(todayOffset);
    List<KeyId> due = PurgePolicy.due(today, keys);
    assertThat(due).noneMatch(KeyId::isHold).doesNotHaveDuplicates();
    assertThat(due).allMatch(k -> k.day().isBefore(today));
    assertThat(keys.stream().filter(k -> !k.isHold() && k.day().isBefore(today)).distinct())
        .containsExactlyInAnyOrderElementsOf(due);
    for (int i = 1; i < due.size(); i++) {
      assertThat(due.get(i - 1).day()).isBeforeOrEqualTo(due.get(i).day());
    }
  }
}
