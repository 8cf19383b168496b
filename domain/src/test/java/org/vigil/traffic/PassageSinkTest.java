package org.vigil.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.traffic.Passages.car;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSinkTest {

  @Test
  void allFeedsEverySinkInOrder() {
    List<String> seen = new ArrayList<>();
    PassageSink both = PassageSink.all(p -> seen.add("a"), p -> seen.add("b"));
    both.accept(car(50));
    both.accept(car(60));
    assertThat(seen).containsExactly("a", "b", "a", "b");
    assertThat(PassageSink.all()).isSameAs(PassageSink.NONE);
    PassageSink one = p -> {};
    assertThat(PassageSink.all(one)).isSameAs(one);
  }
}
