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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.Violation;
import org.vigil.enforcement.ViolationRecorder;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;
import org.vigil.testkit.SitesBuilder;
import org.vigil.testkit.TestClock;

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
