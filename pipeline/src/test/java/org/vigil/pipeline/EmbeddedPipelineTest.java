package org.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.testkit.DetectionBuilder.aDetection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;
import org.vigil.tariff.Fines;
import org.vigil.tariff.TariffBook;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;
import org.vigil.traffic.Passage;
import org.vigil.traffic.PassageSink;

/**
 * The pipeline's bookkeeping, with an in-memory recorder standing in for storage (the PostgreSQL
 * recorder has its own tests against a real database, and the HTTP tests run the whole chain).
 */
class EmbeddedPipelineTest {
  private final TestClock clock = TestClock.standard();
  private final MemoryRecorder recorder = new MemoryRecorder();
  private final EmbeddedPipeline pipeline =
      new EmbeddedPipeline(
          new SiteRegistry(new FixedSites(SitesBuilder.standard())),
          recorder,
          clock,
          EmbeddedPipeline.Settings.defaults());

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void countsAcceptedDuplicatesAndRejectionsWithReasons() {
    var ok = aDetection().eventId("B-003:1").speed(130).build();
    var unknown = aDetection().camera("X-1").build();
    List<IngestItem> batch =
        List.of(
            new IngestItem.Parsed(0, ok),
            new IngestItem.Malformed(1, "B-003:2", "missing field 'observedAt'"),
            new IngestItem.Parsed(2, unknown),
            new IngestItem.Parsed(3, ok));
    IngestResult result = pipeline.ingest(batch, CameraGrant.everyCamera());
    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.violations()).isEqualTo(1);
    assertThat(result.rejected())
        .extracting(IngestResult.Rejection::index, IngestResult.Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "missing field 'observedAt'"),
            org.assertj.core.groups.Tuple.tuple(2, "unknown camera 'X-1'"));

    IngestResult again =
        pipeline.ingest(List.of(new IngestItem.Parsed(0, ok)), CameraGrant.everyCamera());
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(recorder.stored).hasSize(1);
  }

  @Test
  void aCameraKeyPostsOnlyForItsCamera() {
    var other = aDetection().camera("B-007").build();
    IngestResult result =
        pipeline.ingest(List.of(new IngestItem.Parsed(0, other)), CameraGrant.camera("B-003"));
    assertThat(result.rejected())
        .singleElement()
        .extracting(IngestResult.Rejection::reason)
        .isEqualTo("this key may not post for camera 'B-007'");
  }

  @Test
  void detectionsFromTheFutureAreRefused() {
    var future = aDetection().at(clock.instant().plus(Duration.ofMinutes(3))).build();
    assertThat(
            pipeline
                .ingest(List.of(new IngestItem.Parsed(0, future)), CameraGrant.everyCamera())
                .rejected())
        .singleElement()
        .extracting(IngestResult.Rejection::reason)
        .asString()
        .contains("after the server's clock");
  }

  @Test
  void aFailedStoreAcknowledgesNothingAndTheRetryCounts() {
    var speeding = aDetection().eventId("B-003:9").speed(150).build();
    recorder.failNext = true;
    assertThatThrownBy(
            () ->
                pipeline.ingest(
                    List.of(new IngestItem.Parsed(0, speeding)), CameraGrant.everyCamera()))
        .isInstanceOf(StorageUnavailableException.class);
    IngestResult retry =
        pipeline.ingest(List.of(new IngestItem.Parsed(0, speeding)), CameraGrant.everyCamera());
    assertThat(retry.accepted()).isEqualTo(1);
    assertThat(retry.violations()).isEqualTo(1);
  }

  @Test
  void aPassageReachesTheSinkOnceItsBatchIsStoredAndOnlyOnce() {
    List<Passage> seen = new CopyOnWriteArrayList<>();
    var speeding = aDetection().eventId("B-003:10").plate("100PAS01").speed(150).build();
    var compliant = aDetection().eventId("B-003:11").plate("100PAS02").speed(80).build();
    List<IngestItem> batch =
        List.of(new IngestItem.Parsed(0, speeding), new IngestItem.Parsed(1, compliant));
    try (EmbeddedPipeline counting = pipelineWith(seen::add)) {
      recorder.failNext = true;
      assertThatThrownBy(() -> counting.ingest(batch, CameraGrant.everyCamera()))
          .isInstanceOf(StorageUnavailableException.class);
      assertThat(seen).as("nothing of a batch that was not stored").isEmpty();
      assertThat(counting.ingest(batch, CameraGrant.everyCamera()).accepted()).isEqualTo(2);
      assertThat(seen).extracting(Passage::speedKmh).containsExactly(150.0, 80.0);
    }
    try (EmbeddedPipeline restarted = pipelineWith(seen::add)) {
      IngestResult again =
          restarted.ingest(List.of(new IngestItem.Parsed(0, speeding)), CameraGrant.everyCamera());
      assertThat(again.duplicates()).as("recognised by its violation").isEqualTo(1);
      assertThat(seen).as("and not counted again").hasSize(2);
    }
  }

  private EmbeddedPipeline pipelineWith(PassageSink passages) {
    return new EmbeddedPipeline(
        new SiteRegistry(new FixedSites(SitesBuilder.standard())),
        recorder,
        passages,
        Exemptions.NONE,
        new Fines(TariffBook.of(List.of())),
        clock,
        EmbeddedPipeline.Settings.defaults());
  }

  private static final class MemoryRecorder implements ViolationRecorder {
    final Set<UUID> stored = new HashSet<>();
    volatile boolean failNext;

    @Override
    public synchronized CompletionStage<Set<UUID>> record(List<Violation> violations) {
      if (failNext) {
        failNext = false;
        return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
      }
      Set<UUID> fresh = new HashSet<>();
      for (Violation v : new ArrayList<>(violations)) {
        if (stored.add(v.id())) {
          fresh.add(v.id());
        }
      }
      return CompletableFuture.completedFuture(fresh);
    }
  }

  private record FixedSites(Sites sites) implements SiteRepository {
    @Override
    public Sites load() {
      return sites;
    }

    @Override
    public void save(Sites next) {}
  }
}
