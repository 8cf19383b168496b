package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.site.Sites;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

/** Against a real, embedded PostgreSQL. */
class PostgresViolationsIT {
  @TempDir static Path dataDir;
  static Database database;
  static PostgresViolations violations;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    violations = new PostgresViolations(database.dataSource());
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  @Test
  void recordsOnceReadsBackInPagesAndFilters() throws Exception {
    Sites sites = SitesBuilder.standard();
    Enforcer enforcer =
        new Enforcer(
            new InMemorySectionSightings(), new StreamClock(TestClock.standard(), Duration.ZERO));
    Instant t0 = Instant.parse("2026-11-02T08:00:00Z");
    List<Violation> decided = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      decided.addAll(
          enforcer.decide(
              aDetection()
                  .camera("B-003")
                  .at(t0.plusSeconds(i))
                  .plate(String.format(java.util.Locale.ROOT, "100AAA%02d", i))
                  .speed(130)
                  .build(),
              sites));
    }
    decided.addAll(
        enforcer.decide(
            aDetection().camera("B-007").at(t0.plusSeconds(30)).plate("100AAA05").noSpeed().build(),
            sites));
    assertThat(decided).hasSize(26);

    Set<UUID> first = violations.record(decided).toCompletableFuture().get();
    assertThat(first).hasSize(26);
    assertThat(violations.record(decided).toCompletableFuture().get())
        .as("recording again adds nothing")
        .isEmpty();

    List<CompletableFuture<Set<UUID>>> concurrent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      concurrent.add(violations.record(decided.subList(0, 3)).toCompletableFuture());
    }
    for (var f : concurrent) {
      assertThat(f.get()).isEmpty();
    }

    List<Violation> all = new ArrayList<>();
    ViolationCursor cursor = null;
    do {
      ViolationPage page =
          violations.find(new ViolationQuery(t0, null, null, null, null, 10, cursor));
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(all).containsExactlyInAnyOrderElementsOf(decided);

    ViolationPage sections =
        violations.find(
            new ViolationQuery(null, null, ViolationType.SECTION_SPEED, null, "S-1", 100, null));
    assertThat(sections.items())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.passage()).isNotNull();
              assertThat(v.eventIds()).hasSize(2);
            });
    assertThat(violations.countByType().get(ViolationType.SPEED)).isEqualTo(25);
  }
}
