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
}
