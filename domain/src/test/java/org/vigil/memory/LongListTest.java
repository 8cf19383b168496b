package org.vigil.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongListTest {

  @Test
  void agreesWithAnArrayList() {
    Random random = new Random(42);
    LongList list = new LongList(1);
    List<Long> model = new ArrayList<>();
    for (int step = 0; step < 100_000; step++) {
      if (random.nextInt(1000) == 0) {
        list.clear();
        model.clear();
      } else {
        long value = random.nextLong();
        list.add(value);
        model.add(value);
      }
      assertThat(list.size()).isEqualTo(model.size());
      assertThat(list.isEmpty()).isEqualTo(model.isEmpty());
      if (!model.isEmpty()) {
        int i = random.nextInt(model.size());
        assertThat(list.get(i)).isEqualTo(model.get(i));
      }
    }
    for (int i = 0; i < model.size(); i++) {
      assertThat(list.get(i)).isEqualTo(model.get(i));
    }
  }

  @Test
  void clearKeepsTheCapacity() {
    LongList list = new LongList();
    for (long i = 0; i < 1000; i++) {
      list.add(i);
    }
    int capacity = list.capacity();
    assertThat(capacity).isGreaterThanOrEqualTo(1000);
    list.clear();
    assertThat(list.size()).isZero();
    assertThat(list.capacity()).isEqualTo(capacity);
    for (long i = 0; i < 1000; i++) {
      list.add(-i);
    }
    assertThat(list.capacity()).isEqualTo(capacity);
    assertThat(list.get(999)).isEqualTo(-999);
  }

  @Test
  void readsOnlyWhatItHolds() {
    LongList list = new LongList(4);
    list.add(7);
    list.clear();
    assertThatThrownBy(() -> list.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    list.add(8);
    assertThat(list.get(0)).isEqualTo(8);
    assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> new LongList(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
