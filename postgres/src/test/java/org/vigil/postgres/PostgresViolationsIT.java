package org.vigil.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.nio.file.Path;
import java.security.SecureRandom;
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
import org.vigil.enforcement.Hold;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationType;
import org.vigil.plate.Plate;
import org.vigil.retention.Envelopes;
import org.vigil.retention.RetentionPolicy;
import org.vigil.site.Sites;
import org.vigil.testkit.CameraBuilder;
import org.vigil.testkit.Enforcement;
import org.vigil.testkit.InMemoryKeyVault;
import org.vigil.testkit.SitesBuilder;

/** Against a real, embedded PostgreSQL. */
class PostgresViolationsIT {
  @TempDir static Path dataDir;
  static Database database;
  static PostgresViolations violations;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    violations =
        new PostgresViolations(
            database.dataSource(),
            new Envelopes(new InMemoryKeyVault(), new SecureRandom()),
            RetentionPolicy.defaults());
  }

  @AfterAll
  static void close() {
    violations.close();
    database.close();
  }

  @Test
  void recordsOnceReadsBackInPagesAndFilters() throws Exception {
    Sites sites = SitesBuilder.standard();
    Enforcement enforcement = Enforcement.of(sites, Duration.ZERO);
    Instant t0 = Instant.parse("2026-11-02T08:00:00Z");
    List<Violation> decided = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      decided.addAll(
          enforcement.see(
              aDetection()
                  .camera("B-003")
                  .at(t0.plusSeconds(i))
                  .plate(String.format(java.util.Locale.ROOT, "100AAA%02d", i))
                  .speed(130)
                  .build()));
    }
    decided.addAll(
        enforcement.see(
            aDetection()
                .camera("B-007")
                .at(t0.plusSeconds(30))
                .plate("100AAA05")
                .noSpeed()
                .build()));
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
          violations.find(
              new ViolationQuery(t0, t0.plusSeconds(60), null, null, null, null, null, 10, cursor));
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(all).containsExactlyInAnyOrderElementsOf(decided);

    ViolationPage sections =
        violations.find(
            new ViolationQuery(
                null, null, ViolationType.SECTION_SPEED, null, "S-1", null, null, 100, null));
    assertThat(sections.items())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.passage()).isNotNull();
              assertThat(v.eventIds()).hasSize(2);
            });
    assertThat(violations.countByType().get(ViolationType.SPEED)).isGreaterThanOrEqualTo(25);
  }

  @Test
  void keepsTheEvidenceAndHoldsOfEveryTypeAndResolvesManualReads() throws Exception {
    Sites sites =
        SitesBuilder.sites()
            .camera(
                CameraBuilder.aCamera("J-1").redLight(500).oneWay().calibratedUntil("2026-01-31"))
            .build();
    Enforcement enforcement = Enforcement.of(sites, Duration.ZERO);
    Instant t0 = Instant.parse("2026-11-03T09:00:00Z");
    List<Violation> decided = new ArrayList<>();
    decided.addAll(
        enforcement.see(
            aDetection()
                .camera("J-1")
                .at(t0)
                .plate("555KKK02")
                .noSpeed()
                .red(1350)
                .againstTraffic()
                .build()));
    decided.addAll(
        enforcement.see(
            aDetection()
                .camera("J-1")
                .at(t0.plusSeconds(5))
                .plate("55SKK02")
                .noSpeed()
                .confidence(0.4)
                .red(900)
                .build()));
    assertThat(decided).hasSize(3);
    violations.record(decided).toCompletableFuture().get();

    List<Violation> back =
        violations
            .find(
                new ViolationQuery(
                    t0, t0.plusSeconds(60), null, "J-1", null, null, null, 100, null))
            .items();
    assertThat(back).containsExactlyInAnyOrderElementsOf(decided);
    assertThat(back).allSatisfy(v -> assertThat(v.held()).isTrue());

    List<Violation> queue =
        violations
            .find(
                new ViolationQuery(t0, t0.plusSeconds(60), null, null, null, null, true, 100, null))
            .items();
    Violation unreadable = queue.getFirst();
    assertThat(queue).hasSize(1);
    assertThat(unreadable.holds())
        .extracting(h -> h.kind())
        .containsExactlyInAnyOrder(Hold.Kind.PLATE_UNREADABLE, Hold.Kind.CALIBRATION_EXPIRED);

    Violation read =
        violations
            .resolveManualRead(unreadable.id(), Plate.of("555 KKK 02", "KZ"), "operator1")
            .orElseThrow();
    assertThat(read.plate().text()).isEqualTo("555KKK02");
    assertThat(
            violations
                .find(
                    new ViolationQuery(
                        t0, t0.plusSeconds(60), null, "J-1", null, null, null, 100, null))
                .items())
        .as("the read plate is sealed and read back")
        .contains(read);
    assertThat(read.holds())
        .extracting(h -> h.kind())
        .containsExactly(Hold.Kind.CALIBRATION_EXPIRED);
    assertThat(violations.resolveManualRead(unreadable.id(), read.plate(), "operator1")).isEmpty();
    assertThat(
            violations
                .find(
                    new ViolationQuery(
                        t0, t0.plusSeconds(60), null, null, null, null, true, 100, null))
                .items())
        .isEmpty();
  }
}
