package org.vigil.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Hash128MapTest {

  @Test
  void agreesWithAHashMap() {
    Random random = new Random(42);
    Hash128Map map = new Hash128Map();
    Map<String, Long> model = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // few distinct low bits, so that probe runs are long and removal is exercised
      long a = random.nextInt(2048) * 0x1_0000_0000L + random.nextInt(64);
      long b = random.nextInt(4);
      String key = a + ":" + b;
      switch (random.nextInt(3)) {
        case 0 -> {
          long value = random.nextLong(1000);
          Long old = model.put(key, value);
          assertThat(map.put(a, b, value)).isEqualTo(old == null ? Hash128Map.MISSING : old);
        }
        case 1 -> assertThat(map.remove(a, b)).isEqualTo(model.remove(key) != null);
        default -> assertThat(map.get(a, b)).isEqualTo(model.getOrDefault(key, Hash128Map.MISSING));
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
  }

  @Test
  void theZeroKeyIsStoredAsAnother() {
    Hash128Map map = new Hash128Map();
    map.put(0, 0, 7);
    assertThat(map.get(0, 0)).isEqualTo(7);
    assertThat(map.remove(0, 0)).isTrue();
    assertThat(map.size()).isZero();
  }

  @Test
  void clearForgetsEverythingAndTheMapFillsAgain() {
    Hash128Map map = new Hash128Map();
    for (long i = 1; i <= 10_000; i++) {
      map.put(i * 0x9E3779B97F4A7C15L, i, i);
    }
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(map.get(0x9E3779B97F4A7C15L, 1)).isEqualTo(Hash128Map.MISSING);
    for (long i = 1; i <= 10_000; i++) {
      map.put(i, i * 31, -i);
    }
    assertThat(map.size()).isEqualTo(10_000);
    assertThat(map.get(5_000, 5_000 * 31)).isEqualTo(-5_000);
  }
}
